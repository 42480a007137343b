"""A member's own panel settings and times away. Each change is one transaction with its audit event.
A member away on any day of a panel's dates is not proposed for it (candidates.Candidate.blocked)."""

import datetime as dt

from django.db import transaction

from senate.accounts.models import User
from senate.core import audit
from senate.members.models import MemberProfile
from senate.organisations.models import Senate
from senate.panels.models import PanelAbsence, PanelAvailability


class AbsenceRefused(ValueError):
    """The period cannot be recorded; the message says why, for the field it concerns."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def save_settings(
    profile: MemberProfile, *, max_panels: int, consents_to_loan: bool, by: User, senate: Senate
) -> PanelAvailability:
    with transaction.atomic():
        saved, _ = PanelAvailability.objects.update_or_create(
            profile=profile, defaults={"max_panels": max_panels, "consents_to_loan": consents_to_loan}
        )
        audit.record("panels.availability", saved, by=by, senate=senate, summary="Panel availability changed")
    return saved


def add_absence(
    profile: MemberProfile, *, away_from: dt.date, away_until: dt.date | None, by: User, senate: Senate, today: dt.date
) -> PanelAbsence:
    """Record a time away (one day when `away_until` is empty)."""
    until = away_until or away_from
    if until < away_from:
        raise AbsenceRefused("away_until", "The last day away must be the same as or after the first day")
    if until < today:
        raise AbsenceRefused("away_until", "The last day away must be today or in the future")
    with transaction.atomic():
        absence = PanelAbsence.objects.create(profile=profile, away_from=away_from, away_until=until)
        audit.record("panels.absence_added", absence, by=by, senate=senate, summary=str(absence))
    return absence


def remove_absence(absence: PanelAbsence, *, by: User, senate: Senate) -> None:
    with transaction.atomic():
        audit.record("panels.absence_removed", absence, by=by, senate=senate, summary=str(absence))
        absence.delete()


def upcoming(profile: MemberProfile, today: dt.date) -> list[PanelAbsence]:
    return list(PanelAbsence.objects.filter(profile=profile, away_until__gte=today))


def away_during(absences: list[PanelAbsence], start: dt.date | None, end: dt.date | None) -> bool:
    """Away on any day from `start` to `end` (a panel with no dates yet clashes with nothing)."""
    if start is None:
        return False
    return any(a.overlaps(start, end or start) for a in absences)
