"""The records participation pages serve (see senate.core.access). A member's own records are found
only among theirs in the current Senate; the team's records among the Senate's."""

from typing import Any

from django.http import HttpRequest

from senate.core.access import Served
from senate.members.models import Membership
from senate.members.served import membership_in
from senate.participation.models import Claim, Development, InductionStep, Witness


def _senate(http: HttpRequest) -> Any:
    return getattr(http, "senate", None)


def _me(http: HttpRequest) -> int:
    return int(http.user.pk or 0)


def _own_membership(http: HttpRequest, membership_id: int) -> Membership | None:
    found = Membership.objects.filter(pk=membership_id, senate=_senate(http), profile__user_id=_me(http))
    return found.select_related("profile__user", "senate").first()


def _membership(http: HttpRequest, profile_id: int, membership_id: int) -> Membership | None:
    """A membership of this Senate with the member's wish to continue and the team's decision, which
    its renewal review shows (members.served.MEMBERSHIP finds the same record without them)."""
    return membership_in(http, profile_id, membership_id, "continue_wish", "renewal_decision")


def _own_step(http: HttpRequest, step_id: int) -> InductionStep | None:
    found = InductionStep.objects.filter(
        pk=step_id, membership__senate=_senate(http), membership__profile__user_id=_me(http)
    )
    return found.select_related("membership__profile__user", "membership__senate").first()


def _own_development(http: HttpRequest, development_id: int) -> Development | None:
    found = Development.objects.filter(pk=development_id, senate=_senate(http), profile__user_id=_me(http))
    return found.select_related("profile__user", "senate").first()


def _claim(http: HttpRequest, claim_id: int) -> Claim | None:
    return Claim.objects.filter(pk=claim_id, senate=_senate(http)).select_related("profile__user", "senate").first()


def _development(http: HttpRequest, development_id: int) -> Development | None:
    found = Development.objects.filter(pk=development_id, senate=_senate(http))
    return found.select_related("profile__user", "senate").first()


def _the_senate(http: HttpRequest, _record: object) -> Any:
    return _senate(http)


OWN_MEMBERSHIP = Served(
    name="membership",
    key="membership_id",
    find=_own_membership,
    missing="You have no such membership here.",
    subject=_the_senate,
)
RENEWAL = Served(
    name="membership",
    key=("profile_id", "membership_id"),
    find=_membership,
    missing="This member has no such membership in this Senate.",
    subject=_the_senate,
)
OWN_STEP = Served(
    name="step", key="step_id", find=_own_step, missing="Your induction has no such item.", subject=_the_senate
)
OWN_DEVELOPMENT = Served(
    name="development",
    key="development_id",
    find=_own_development,
    missing="You have no such offer.",
    subject=_the_senate,
)
CLAIM = Served(
    name="claim", key="claim_id", find=_claim, missing="No claim with that number here.", subject=_the_senate
)
DEVELOPMENT = Served(
    name="development",
    key="development_id",
    find=_development,
    missing="No such development opportunity here.",
    subject=_the_senate,
)


def _witness(http: HttpRequest, pk: int, witness_id: int) -> Any:
    found = Witness.objects.filter(request__senate=_senate(http), request_id=pk, pk=witness_id)
    return found.select_related("request__senate", "organisation").first()


WITNESS = Served(
    name="witness",
    key=("pk", "witness_id"),
    find=_witness,
    missing="There is no witness with that number on this request.",
    subject=lambda http, witness: witness.request,
)
