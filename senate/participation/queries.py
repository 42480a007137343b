"""Reads the participation pages share."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from senate.accounts.models import User
from senate.council.models import Attendance
from senate.members.models import Body, MemberProfile, Membership
from senate.organisations.models import Senate
from senate.participation.induction import steps_with_progress
from senate.participation.models import Claim, Development, InductionStep, RenewalDecision


@dataclass(frozen=True)
class AttendanceRate:
    present: int
    recorded: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.present / self.recorded) if self.recorded else None

    def __str__(self) -> str:
        if not self.recorded:
            return "No meetings recorded yet"
        return f"{self.percent}% ({self.present} of {self.recorded} Council meetings)"


def counts_of(*found: QuerySet[Any]) -> list[int]:
    """How many rows each query finds, in one round trip: a page with a count per list asked the
    database once for each."""
    parts: list[str] = []
    params: list[Any] = []
    for n, rows in enumerate(found):
        sql, values = rows.order_by().values("pk").query.sql_with_params()
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) counted_{n})")
        params.extend(values)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(parts)}", params)
        return [int(count) for count in cursor.fetchone()]


def attendance_in_term(membership: Membership, *, today: dt.date) -> AttendanceRate:
    """Council meetings during this term (to today) whose attendance was recorded, and how many attended."""
    rows = Attendance.objects.filter(
        profile_id=membership.profile_id,
        meeting__senate_id=membership.senate_id,
        meeting__kind="council",
        meeting__date__range=(membership.term_start, min(today, membership.term_end)),
    ).exclude(status=Attendance.Status.EXPECTED)
    counts = rows.aggregate(recorded=Count("id"), present=Count("id", filter=Q(status=Attendance.Status.PRESENT)))
    return AttendanceRate(present=counts["present"], recorded=counts["recorded"])


def own_profile(user: User) -> MemberProfile | None:
    return MemberProfile.objects.filter(user_id=user.pk).select_related("user").first()


def own_memberships(profile: MemberProfile | None, senate: Senate) -> Any:
    if profile is None:
        return Membership.objects.none()
    return (
        Membership.objects.filter(profile=profile, senate=senate)
        .select_related("senate", "continue_wish", "renewal_decision")
        .order_by("-term_start")
    )


def own_steps(profile: MemberProfile | None, senate: Senate) -> Any:
    steps = InductionStep.objects.filter(membership__profile=profile, membership__senate=senate)
    return steps_with_progress(steps).filter(membership__ended_on__isnull=True)


def induction_progress(senate: Senate, *, today: dt.date) -> Any:
    """Current members with an induction, and their steps with progress, for the team's table."""
    current = Membership.objects.current(today).filter(senate=senate)
    steps = steps_with_progress(InductionStep.objects.filter(membership__in=current)).order_by(
        "membership__profile__user__full_name", "membership_id", "order"
    )
    return steps


def claims_waiting(senate: Senate) -> Any:
    return Claim.objects.filter(senate=senate, status=Claim.Status.SUBMITTED).select_related("profile__user")


def claims_decided(senate: Senate) -> Any:
    return (
        Claim.objects.filter(senate=senate)
        .exclude(status=Claim.Status.SUBMITTED)
        .select_related("profile__user", "decided_by")
    )


def approved_claims(senate: Senate) -> Any:
    return (
        Claim.objects.filter(senate=senate, status=Claim.Status.APPROVED)
        .select_related("profile__user", "decided_by")
        .order_by("activity_on", "id")
    )


def developments(senate: Senate) -> Any:
    return Development.objects.filter(senate=senate).select_related("profile__user").order_by("status", "-id")


def experience(senate: Senate) -> dict[str, list[str]]:
    """Who has taken up each kind of development opportunity in this Senate."""
    accepted = developments(senate).filter(status=Development.Status.ACCEPTED).order_by("profile__user__full_name")
    who: dict[str, list[str]] = {label: [] for _, label in Development.Kind.choices}
    for d in accepted:
        names = who[d.get_kind_display()]
        if str(d.profile) not in names:
            names.append(str(d.profile))
    return who


def without_induction(senate: Senate, *, today: dt.date) -> Any:
    has = InductionStep.objects.filter(membership=OuterRef("pk"))
    current = Membership.objects.current(today).filter(senate=senate)
    return current.filter(~Exists(has)).select_related("profile__user").order_by("profile__user__full_name")


# The overview's lists as plain rows: fifty memberships a page, each a model instance with its profile,
# user, wish and decision, cost more than the rest of the page to build.
@dataclass(frozen=True)
class MemberRow:
    pk: int  # the membership
    profile_id: int
    name: str
    body_label: str


@dataclass(frozen=True)
class TermRow(MemberRow):
    term_number: int
    term_end: dt.date
    days_left: int
    wishes_to_continue: bool | None  # None: not answered
    renewal: str  # the decision's outcome, "" until decided


def member_rows(memberships: Any) -> list[MemberRow]:
    fields = ("pk", "profile_id", "body", "profile__user__full_name", "profile__user__email")
    return [
        MemberRow(pk, profile_id, full_name or email, Body(body).label)
        for pk, profile_id, body, full_name, email in memberships.values_list(*fields)
    ]


def term_rows(memberships: Any, *, today: dt.date) -> list[TermRow]:
    fields = (
        *("pk", "profile_id", "body", "profile__user__full_name", "profile__user__email", "term_number", "term_end"),
        *("continue_wish__wishes_to_continue", "renewal_decision__outcome"),
    )
    return [
        TermRow(
            pk,
            profile_id,
            full_name or email,
            Body(body).label,
            term_number,
            term_end,
            (term_end - today).days,
            wish,
            RenewalDecision.Outcome(outcome).label if outcome else "",
        )
        for pk, profile_id, body, full_name, email, term_number, term_end, wish, outcome in memberships.values_list(
            *fields
        )
    ]
