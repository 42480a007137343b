"""The named permissions of Council meetings, decisions and publication."""

from enum import StrEnum


class CouncilPermission(StrEnum):
    VIEW_MEETINGS = "council.view_meetings"
    MANAGE_MEETINGS = "council.manage_meetings"
    DECLARE = "council.declare"
    EDIT_QUORUM = "council.edit_quorum"
