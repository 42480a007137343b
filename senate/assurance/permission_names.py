"""The named permissions of assurance context, honest-broker work and partners. Each request-level
one is asked of the request and starts with may_see_request."""

from enum import StrEnum


class AssurancePermission(StrEnum):
    VIEW = "assurance.view_context"
    EDIT = "assurance.edit_context"
    SET_DEADLINE = "assurance.set_deadline"
    VIEW_ACROSS = "assurance.view_across_requests"
    VIEW_BROKERING = "assurance.view_brokering"
    BROKER = "assurance.broker"
    SUBMIT_POSITION = "assurance.submit_position"
    RECORD_ENGAGEMENT = "assurance.record_engagement"
