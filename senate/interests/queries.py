"""Reads that several pages share, with their joins applied so page queries do not grow with data.
Everything Senate-scoped is reached through the Senate (tenancy)."""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, NamedTuple

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from senate.interests.facts import AdviceRequest, request_model
from senate.interests.models import Declaration, DeclarationVersion
from senate.members.models import Body, MemberProfile, Membership, MembershipRole
from senate.organisations.models import Senate


class Candidate(NamedTuple):
    """A member screened, as the flat values the list reads (queries.candidate_rows)."""

    pk: int
    name: str
    job_title: str

    def __str__(self) -> str:
        return self.name


def end_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.max))


def versions_in_force(at: dt.datetime) -> QuerySet[DeclarationVersion]:
    return DeclarationVersion.objects.in_force(at).select_related("declaration__profile__user", "organisation")


def current_roles(senate: Senate, on: dt.date, *, profile_ids: Iterable[int] | None = None) -> dict[int, str]:
    """Each current member's roles in this Senate, by profile id, e.g. 'Council: Clinical member'; of
    the members `profile_ids` alone when given (the rows of a page)."""
    bodies, roles = dict(Body.choices), dict(MembershipRole.choices)
    found: dict[int, list[str]] = defaultdict(list)
    rows = Membership.objects.current(on).filter(senate=senate).order_by("body")
    if profile_ids is not None:
        rows = rows.filter(profile_id__in=list(profile_ids))
    for profile_id, body, role in rows.values_list("profile_id", "body", "role"):
        found[profile_id].append(f"{bodies.get(body, body)}: {roles.get(role, role)}")
    return {profile_id: "; ".join(labels) for profile_id, labels in found.items()}


def members_of(senate: Senate) -> QuerySet[MemberProfile]:
    """Everyone who is or was a member of this Senate (tenancy for the Senate team's pages)."""
    return MemberProfile.objects.filter(pk__in=Membership.objects.filter(senate=senate).values("profile_id"))


def declaration_in(senate: Senate, pk: int) -> Declaration | None:
    return Declaration.objects.filter(pk=pk, profile__in=members_of(senate)).select_related("profile__user").first()


def own_declarations(profile: MemberProfile) -> list[Declaration]:
    """A member's declarations, each with `current` (its latest version) and `history` attached."""
    versions = DeclarationVersion.objects.select_related("organisation", "recorded_by").prefetch_related("services")
    declarations = list(
        profile.declarations.prefetch_related(Prefetch("versions", queryset=versions.order_by("-number")))
    )
    for declaration in declarations:
        declaration.history = list(declaration.versions.all())  # type: ignore[attr-defined]
        declaration.current = declaration.history[0] if declaration.history else None  # type: ignore[attr-defined]
    return declarations


def request_in(senate: Senate | None, pk: int) -> Any:
    """A request for advice of this Senate, read through the ORM (interests never imports reviews)."""
    return (
        request_model()
        .objects.filter(pk=pk, senate=senate)
        .select_related("senate", "requesting_organisation", "sponsor_organisation")
        .first()
    )


def partner_senates_of(request: AdviceRequest) -> list[int]:
    """The Senates that review this request jointly with its own (accepted partners; reviews.joint),
    read by the relation's name (interests never imports reviews)."""
    if request is None:
        return []
    return list(partner_senates_query(request))


def partner_senates_query(request: AdviceRequest) -> Any:
    """`partner_senates_of` as a query, for a page that only filters by it: asked as a subquery of
    that filter, not once on its own."""
    return request.partners.filter(status="accepted").values_list("senate_id", flat=True)


def candidates(senate: Senate, on: dt.date, q: str = "", *, partners: Iterable[int] = ()) -> QuerySet[MemberProfile]:
    """Current Council and Assembly members of this Senate, the people screened for its panels, and of
    a joint review's partner Senates (`partners`: ids, or a query of them), whose Assemblies the panel
    also draws from."""
    partner_ids = partners if isinstance(partners, QuerySet) else list(partners)
    ids = Membership.objects.current(on).filter(Q(senate=senate) | Q(senate_id__in=partner_ids)).values("profile_id")
    profiles = MemberProfile.objects.filter(pk__in=ids)
    if q:
        profiles = profiles.filter(Q(user__full_name__icontains=q) | Q(job_title__icontains=q))
    return profiles.select_related("user", "employer").order_by("user__full_name")


def candidate_rows(profiles: QuerySet[MemberProfile]) -> list[Candidate]:
    """The members of `profiles` (queries.candidates) as flat values, in its order, in one query:
    the screening page orders and filters them all, and reads profiles only for the page shown."""
    rows = profiles.values_list("pk", "user__full_name", "user__email", "job_title")
    return [Candidate(pk, name or email, job_title) for pk, name, email, job_title in rows]


def screenable(senate: Senate, pk: int, *, partners: Iterable[int] = ()) -> MemberProfile | None:
    """A member this Senate may screen: its own members, a joint review's partner Senates' members, and
    members of other Senates willing to serve. `partners`: ids, or a query of them (`partner_senates_query`)."""
    partner_ids = partners if isinstance(partners, QuerySet) else list(partners)
    mine = Q(pk__in=Membership.objects.filter(Q(senate=senate) | Q(senate_id__in=partner_ids)).values("profile_id"))
    return (
        MemberProfile.objects.filter(mine | Q(willing_to_serve_other_senates=True), pk=pk)
        .select_related("user", "employer", "home_icb")
        .first()
    )


def profile_of(user_id: int) -> MemberProfile | None:
    """A person's own member profile (None for someone who is not a Council or Assembly member)."""
    return MemberProfile.objects.filter(user_id=user_id).select_related("user").first()
