"""The named permissions of terms and renewal, induction, participation records and claims."""

from enum import StrEnum


class ParticipationPermission(StrEnum):
    # The Senate team: renewal reviews, who has completed induction, signing off statements, claims.
    MANAGE_PARTICIPATION = "participation.manage_participation"
    # A Council or Assembly member's own page: their induction, wish to continue, statement, claims.
    TAKE_PART = "participation.take_part"
