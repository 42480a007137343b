"""A member's participation record for one appraisal year (1 April to 31 March), read from what they
actually did on the platform: panels they sat on, Council meetings attended, reviews chaired, evidence
read, induction and development. The record is plain data (`as_data`), so a signed-off statement keeps it
exactly as it was signed."""

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from django.db.models import Count, Max, Q
from django.utils import timezone

from senate.council.models import Attendance
from senate.evidence.models import AccessLog
from senate.members.appointments import uk_date
from senate.members.models import MemberProfile, Membership
from senate.organisations.models import Senate
from senate.panels.models import PanelMember, PanelRole
from senate.participation.models import Development, InductionStep, StatementSignOff

# A panel day is counted as a working day's sitting; the hours are an estimate the member can correct
# in their appraisal, said so on the statement.
HOURS_PER_PANEL_DAY = 7.5


@dataclass
class Record:
    member: str
    senate: str
    year_from: str
    year_to: str
    memberships: list[str] = field(default_factory=list)
    panels: list[dict[str, Any]] = field(default_factory=list)
    meetings: list[dict[str, Any]] = field(default_factory=list)
    chaired: list[str] = field(default_factory=list)
    evidence_read: list[dict[str, Any]] = field(default_factory=list)
    training: list[str] = field(default_factory=list)
    development: list[str] = field(default_factory=list)

    @property
    def panel_hours(self) -> float:
        return sum(p["hours"] for p in self.panels)

    def as_data(self) -> dict[str, Any]:
        return asdict(self)


def appraisal_year(day: dt.date) -> dt.date:
    """1 April of the appraisal year that `day` falls in."""
    return dt.date(day.year if day.month >= 4 else day.year - 1, 4, 1)


def year_end(year_from: dt.date) -> dt.date:
    return dt.date(year_from.year + 1, 3, 31)


def memberships_in(profile: MemberProfile, senate: Senate) -> list[Membership]:
    """Every term the member has held in this Senate: for `years_of` and `record_of` to share."""
    return list(Membership.objects.filter(profile=profile, senate=senate))


def years_of(
    profile: MemberProfile, senate: Senate, *, today: dt.date, held: list[Membership] | None = None
) -> list[dt.date]:
    """The appraisal years the member has been a member of this Senate in, newest first (`held`: their
    `memberships_in` it, when already read)."""
    if held is None:
        first = Membership.objects.filter(profile=profile, senate=senate).order_by("term_start").first()
        held = [first] if first else []
    if not held:
        return []
    year, last = appraisal_year(min(m.term_start for m in held)), appraisal_year(today)
    years = []
    while year <= last:
        years.append(year)
        year = dt.date(year.year + 1, 4, 1)
    return years[::-1]


def _blank(profile: MemberProfile, senate: Senate, year_from: dt.date) -> Record:
    return Record(
        member=str(profile), senate=senate.name, year_from=uk_date(year_from), year_to=uk_date(year_end(year_from))
    )


def panels_of(profile: MemberProfile, senate: Senate, year_from: dt.date) -> Record:
    """The record with its panels and reviews chaired alone: what a renewal review shows of the year
    (the whole record is six reads)."""
    record = _blank(profile, senate, year_from)
    _panels(record, profile, senate, year_from, year_end(year_from))
    return record


def record_of(
    profile: MemberProfile, senate: Senate, year_from: dt.date, *, held: list[Membership] | None = None
) -> Record:
    until = year_end(year_from)
    record = _blank(profile, senate, year_from)
    held = memberships_in(profile, senate) if held is None else held
    for m in (m for m in held if m.term_start <= until and m.term_end >= year_from):
        record.memberships.append(
            f"{m.get_body_display()}, {m.get_role_display()}: term {m.term_number}, "
            f"{uk_date(m.term_start)} to {uk_date(m.ended_on or m.term_end)}"
        )
    _panels(record, profile, senate, year_from, until)
    _meetings(record, profile, senate, year_from, until)
    _evidence(record, profile, senate, year_from, until)
    _training(record, profile, senate, year_from, until)
    return record


def _panels(record: Record, profile: MemberProfile, senate: Senate, start: dt.date, until: dt.date) -> None:
    seats = (
        PanelMember.objects.filter(profile=profile, request__senate=senate, status=PanelMember.Status.ACCEPTED)
        .filter(request__panel_spec__starts_on__lte=until)
        .filter(Q(request__panel_spec__ends_on__gte=start) | Q(request__panel_spec__ends_on__isnull=True))
        .select_related("request__panel_spec")
        .order_by("request__panel_spec__starts_on")
    )
    for seat in seats:
        spec = seat.request.panel_spec
        first = spec.starts_on or start
        last = spec.ends_on or first
        days = _weekdays(max(first, start), min(last, until))
        record.panels.append(
            {
                "request": str(seat.request),
                "role": seat.get_role_display(),
                "dates": f"{uk_date(first)} to {uk_date(last)}" if last != first else uk_date(first),
                "hours": days * HOURS_PER_PANEL_DAY,
            }
        )
        if seat.role == PanelRole.CHAIR:
            record.chaired.append(str(seat.request))


def _weekdays(first: dt.date, last: dt.date) -> int:
    return sum(1 for n in range((last - first).days + 1) if (first + dt.timedelta(days=n)).weekday() < 5)


def _meetings(record: Record, profile: MemberProfile, senate: Senate, start: dt.date, until: dt.date) -> None:
    present = Attendance.objects.filter(
        profile=profile,
        meeting__senate=senate,
        meeting__date__range=(start, until),
        status=Attendance.Status.PRESENT,
    ).select_related("meeting")
    for a in present.order_by("meeting__date"):
        record.meetings.append({"date": uk_date(a.meeting.date), "kind": a.meeting.get_kind_display()})


def _evidence(record: Record, profile: MemberProfile, senate: Senate, start: dt.date, until: dt.date) -> None:
    read = (
        AccessLog.objects.filter(
            user_id=profile.user_id,
            item__request__senate=senate,
            opened_at__date__range=(start, until),
        )
        .values("item__request__reference", "item__request__title")
        .annotate(items=Count("item", distinct=True), last=Max("opened_at"))
        .order_by("item__request__reference")
    )
    for row in read:
        record.evidence_read.append(
            {
                "request": f"{row['item__request__reference']}: {row['item__request__title']}",
                "items": row["items"],
            }
        )


def _training(record: Record, profile: MemberProfile, senate: Senate, start: dt.date, until: dt.date) -> None:
    done = InductionStep.objects.filter(
        membership__profile=profile,
        membership__senate=senate,
        completed_at__date__range=(start, until),
    )
    record.training = [
        f"Induction: {s.get_item_display()} ({uk_date(timezone.localdate(s.completed_at) if s.completed_at else None)})"
        for s in done
    ]
    accepted = Development.objects.filter(
        profile=profile, senate=senate, status=Development.Status.ACCEPTED, answered_at__date__range=(start, until)
    )
    record.development = [f"{d.get_kind_display()}: {d.offer}" for d in accepted]


def sign_off_of(profile: MemberProfile, senate: Senate, year_from: dt.date) -> StatementSignOff | None:
    found = StatementSignOff.objects.filter(profile=profile, senate=senate, year_from=year_from)
    return found.select_related("signed_by").first()
