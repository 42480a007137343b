"""The named permissions of the work programme. The plan ones take the Senate; the rest a request."""

from enum import StrEnum


class ProgrammePermission(StrEnum):
    VIEW_PLAN = "programme.view_plan"
    MANAGE_PLAN = "programme.manage_plan"
    GIVE_FEEDBACK = "programme.give_feedback"
    VIEW_IMPACT = "programme.view_impact"
    RECORD_EFFORT = "programme.record_effort"
