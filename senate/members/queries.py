"""Reads that several pages share, with their joins applied so page queries do not grow with data."""

import datetime as dt
import hashlib
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from senate.accounts.models import RoleAssignment, User
from senate.core.cache import stamp_of, until_next_act
from senate.core.models import AuditEvent
from senate.members.models import Expertise, MemberProfile, Membership
from senate.organisations.models import Senate


def current_memberships(senate: Senate, on: dt.date | None = None) -> QuerySet[Membership]:
    return Membership.objects.current(on).filter(senate=senate)


def directory(senate: Senate, filters: dict[str, Any], on: dt.date | None = None) -> QuerySet[MemberProfile]:
    """Profiles with a current membership of this Senate, narrowed by the directory's filters."""
    on = on or dt.date.today()
    return with_directory_joins(_directory_profiles(senate, filters, on), senate, on).order_by("user__full_name", "pk")


def _directory_profiles(
    senate: Senate, filters: dict[str, Any], on: dt.date, matching: QuerySet[Membership] | None = None
) -> QuerySet[MemberProfile]:
    matching = _memberships_matching(senate, filters, on) if matching is None else matching
    profiles = MemberProfile.objects.filter(pk__in=matching.values("profile_id"))
    if filters.get("q"):
        profiles = profiles.filter(Q(user__full_name__icontains=filters["q"]) | Q(job_title__icontains=filters["q"]))
    if filters.get("profession"):
        profiles = profiles.filter(profession=filters["profession"])
    for key in ("specialty", "setting"):
        if filters.get(key):
            # A subquery, not a join: each person once, without DISTINCT over every column (costly to
            # sort, and to count for the pages).
            profiles = profiles.filter(pk__in=MemberProfile.objects.filter(expertise__code=filters[key]).values("pk"))
    if filters.get("region"):
        profiles = profiles.filter(region__slug=filters["region"])
    return profiles


# The tables the directory reads besides the acts recorded (senate.core.cache): a member added
# without an act (an import, a test's factory) also makes a new reading.
DIRECTORY_READ_FROM = (Membership, MemberProfile, User)


class DirectoryListing:
    """The directory's people as plain rows for the page, one page at a time: counted from the
    memberships alone when no filter is about the person (a join over every profile and account
    otherwise), and each page read as values with its specialties and memberships in one query each,
    with no model instance built per row (issue 19: the directory under load). The count and each
    page are kept until the next act (an appointment, a term ended, a profile changed): a national
    Senate's directory sorts a thousand people by name for each page, and is among the busiest."""

    def __init__(self, senate: Senate, filters: dict[str, Any], on: dt.date | None = None) -> None:
        self.on = on or dt.date.today()
        self.senate = senate
        wanted = sorted((key, value) for key, value in filters.items() if value not in (None, ""))
        self.kept_as = (
            f"directory:{senate.pk}:{self.on.isoformat()}:{hashlib.sha256(repr(wanted).encode()).hexdigest()[:16]}"
        )
        self._stamp: str | None = None
        # The current memberships built once and narrowed from (building a query is most of what
        # a directory page's reads cost Python).
        self.current = current_memberships(senate, self.on)
        self.memberships = _memberships_matching(senate, filters, self.on, self.current)
        self.profiles = _directory_profiles(senate, filters, self.on, self.memberships).order_by(
            "user__full_name", "pk"
        )
        self.about_the_person = any(filters.get(key) for key in PERSON_FILTERS)

    @property
    def stamp(self) -> str:
        """Read once for the count and the page."""
        if self._stamp is None:
            self._stamp = stamp_of(DIRECTORY_READ_FROM)
        return self._stamp

    def count(self) -> int:
        return until_next_act(f"{self.kept_as}:count", self._count, stamp=self.stamp)

    def __getitem__(self, page: slice) -> list[dict[str, Any]]:
        key = f"{self.kept_as}:rows:{page.start}:{page.stop}"
        return until_next_act(key, lambda: self._rows(page), stamp=self.stamp)

    def _count(self) -> int:
        if self.about_the_person:
            return self.profiles.count()
        return self.memberships.values("profile_id").distinct().count()

    def _rows(self, page: slice) -> list[dict[str, Any]]:
        columns = ("pk", "user__full_name", "user__email", "job_title", "profession", "region__name")
        rows: list[dict[str, Any]] = [dict(row) for row in self.profiles.values(*columns)[page]]
        ids = [row["pk"] for row in rows]
        specialties: dict[int, list[str]] = {}
        for profile_id, name in (
            MemberProfile.expertise.through.objects.filter(memberprofile_id__in=ids, expertise__kind="specialty")
            .order_by("expertise__order", "expertise__name")
            .values_list("memberprofile_id", "expertise__name")
        ):
            specialties.setdefault(profile_id, []).append(name)
        memberships: dict[int, list[dict[str, Any]]] = {}
        for membership in (
            self.current.filter(profile_id__in=ids)
            .order_by("body", "pk")
            .values("profile_id", "body", "role", "term_end")
        ):
            memberships.setdefault(membership["profile_id"], []).append(dict(membership))
        for row in rows:
            row["specialties"] = specialties.get(row["pk"], [])
            row["current_here"] = memberships.get(row["pk"], [])
        return rows


PERSON_FILTERS = ("q", "profession", "specialty", "setting", "region")


def _memberships_matching(
    senate: Senate, filters: dict[str, Any], on: dt.date, current: QuerySet[Membership] | None = None
) -> QuerySet[Membership]:
    memberships = current_memberships(senate, on) if current is None else current
    if filters.get("body"):
        memberships = memberships.filter(body=filters["body"])
    if filters.get("ending_within") is not None:
        memberships = memberships.filter(term_end__lte=on + dt.timedelta(days=filters["ending_within"]))
    return memberships


def with_directory_joins(profiles: QuerySet[MemberProfile], senate: Senate, on: dt.date) -> QuerySet[MemberProfile]:
    # The directory shows each person's specialties only: their other expertise is not read.
    return profiles.select_related("user", "region").prefetch_related(
        Prefetch("expertise", queryset=Expertise.objects.filter(kind="specialty").order_by("kind", "order")),
        Prefetch(
            "memberships",
            queryset=current_memberships(senate, on).order_by("body"),
            to_attr="current_here",
        ),
    )


def member_in(senate: Senate, profile_id: int) -> MemberProfile | None:
    """A profile, but only if the person is or was a member of this Senate (tenancy)."""
    return (
        MemberProfile.objects.filter(pk=profile_id, memberships__senate=senate)
        .select_related("user", "employer", "region", "home_icb")
        .prefetch_related("expertise", "affiliations__organisation")
        .distinct()
        .first()
    )


def person_in(senate: Senate | None, profile_id: int) -> MemberProfile | None:
    """`member_in`'s profile with its account alone, for the pages that name the member and no more
    (their record, a new term or role): the same tenancy rule, without the profile page's reads."""
    ever = Membership.objects.filter(profile_id=OuterRef("pk"), senate=senate)
    return MemberProfile.objects.filter(Exists(ever), pk=profile_id).select_related("user").first()


def roles_of(profile: MemberProfile, senate: Senate) -> QuerySet[RoleAssignment]:
    return RoleAssignment.objects.filter(user_id=profile.user_id, senate=senate).select_related("organisation")


def membership_history(profile: MemberProfile, senate: Senate) -> QuerySet[AuditEvent]:
    """The audit events of this person's appointments, terms and roles in this Senate, newest first."""
    acts = Q(action__startswith="membership.") | Q(action__startswith="role.")
    found = AuditEvent.objects.filter(acts, senate=senate, data__person=profile.user_id)
    return found.select_related("actor").order_by("-at", "-id")


def coverage_profiles(senate: Senate, body: str, on: dt.date | None = None) -> QuerySet[MemberProfile]:
    ids = current_memberships(senate, on).filter(body=body).values("profile_id")
    return MemberProfile.objects.filter(pk__in=ids).select_related("employer", "user").prefetch_related("expertise")


def coverage_members(senate: Senate, body: str, on: dt.date | None = None) -> QuerySet[MemberProfile]:
    """The profiles `coverage_profiles` reads, as a query for the database to count (no joins)."""
    return MemberProfile.objects.filter(pk__in=current_memberships(senate, on).filter(body=body).values("profile_id"))


def vocabulary() -> list[tuple[str, str, str]]:
    return list(Expertise.objects.values_list("kind", "code", "name"))


def profile_to_edit(user_id: int) -> MemberProfile | None:
    """A member's own profile with what its form shows."""
    return (
        MemberProfile.objects.filter(user_id=user_id)
        .select_related("user", "employer", "region", "home_icb")
        .prefetch_related("expertise")  # specialties, settings and life stages: one query for all three
        .first()
    )
