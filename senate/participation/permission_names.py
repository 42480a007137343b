"""The named permissions of terms and renewal, induction, participation records and claims."""

from enum import StrEnum


class ParticipationPermission(StrEnum):
    # The Senate team: renewal reviews, who has completed induction, signing off statements, claims.
    MANAGE_PARTICIPATION = "participation.manage_participation"
    # A Council or Assembly member's own page: their induction, wish to continue, statement, claims.
    TAKE_PART = "participation.take_part"
    # Invited witnesses and experts of a request: recorded and decided on by the Senate team.
    RECORD_WITNESSES = "participation.record_witnesses"
    # Read by the team, the request's panel, the Council, and the requester once the advice is issued.
    VIEW_WITNESSES = "participation.view_witnesses"
