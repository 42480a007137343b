"""What evidence's pages read: a request's evidence asks, fieldwork, papers circulated, the access log,
and the panel the fieldwork and papers are for. Each read is scoped to the request the page serves."""

from typing import Any

from django.db.models import QuerySet

from senate.accounts.models import User
from senate.evidence.models import AccessLog, EvidenceRequest, Fieldwork, PapersCirculated
from senate.members.models import MemberProfile
from senate.panels.membership import panel_profiles
from senate.reviews.models import Request

ACCESS_LOG_SHOWN = 500  # the newest entries on the page


def panel_of(request: Request) -> QuerySet[MemberProfile]:
    """The profiles of the members whose place on the request's panel is accepted."""
    return panel_profiles(request).select_related("user")


def panel_users(request: Request) -> QuerySet[User]:
    return User.objects.filter(profile__in=panel_profiles(request)).order_by("full_name")


def fieldwork_of(request: Request) -> QuerySet[Fieldwork]:
    return Fieldwork.objects.filter(request=request)


def papers_of(request: Request) -> QuerySet[PapersCirculated]:
    return PapersCirculated.objects.filter(fieldwork__request=request).select_related("fieldwork")


def asks_of(request: Request) -> QuerySet[EvidenceRequest]:
    return EvidenceRequest.objects.filter(request=request)


def access_log_of(request: Request) -> Any:
    return AccessLog.objects.filter(item__request=request).select_related("item", "user", "version")[:ACCESS_LOG_SHOWN]
