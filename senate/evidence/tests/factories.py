"""Requests, panel seats, attestations and evidence items for the evidence tests."""

from django.apps import apps

from senate.evidence import library
from senate.evidence.models import Kind, Source, Tier
from senate.evidence.tests import samples
from senate.interests.attestation import attest
from senate.interests.tests.factories import make_request  # noqa: F401 - re-exported for the tests
from senate.members.models import MemberProfile
from senate.members.tests.factories import MemberProfileFactory


def seat(user, request, *, status="accepted"):
    """Give this user an accepted place on the request's panel (making a profile if they have none)."""
    profile = MemberProfile.objects.filter(user=user).first() or MemberProfileFactory(user=user)
    PanelMember = apps.get_model("panels", "PanelMember")  # noqa: N806
    PanelMember.objects.create(request=request, profile=profile, status=status)
    return profile


def attested(user, request):
    profile = MemberProfile.objects.get(user=user)
    return attest(profile, request, by=user)


def item(request, *, tier=Tier.OFFICIAL, source=Source.REQUESTER, by=None, title=None, data=None, name="pack.pdf"):
    return library.add_item(
        request=request,
        title=title or f"{Tier(tier).label} {Source(source).label} evidence",
        kind=Kind.BUSINESS_CASE,
        tier=tier,
        source=source,
        provenance="ICB programme team, March 2027",
        by=by or request.created_by,
        name=name,
        data=data or samples.pdf(),
    )
