"""The named permissions of declarations, the register, screening and attestation."""

from enum import StrEnum


class InterestsPermission(StrEnum):
    DECLARE = "interests.declare"
    VIEW_DUE = "interests.view_due"
    SEND_REMINDERS = "interests.send_reminders"
    VIEW_REGISTER_ADMIN = "interests.view_register_admin"
    WITHHOLD = "interests.withhold"
    EDIT_RULES = "interests.edit_rules"
    SCREEN = "interests.screen"
    DECIDE_CONFLICTS = "interests.decide_conflicts"
    ATTEST = "interests.attest"
