"""A member taking part with a restriction does not open the evidence it names, wherever they ask:
the rule, the library, the item page and the download (issue 14, item 4)."""

import html

import pytest

from senate.accounts.models import Role
from senate.accounts.tests.factories import UserFactory, give_role
from senate.evidence import access, library
from senate.evidence.models import AccessLog, Source, Tier
from senate.evidence.tests.factories import attested, item, make_request, seat
from senate.interests.decisions import decide_conflicts
from senate.interests.tests.factories import trust
from senate.members.models import Body
from senate.members.tests.factories import MembershipFactory


@pytest.fixture
def restricted(cast, senate):
    """Rhys works for the affected trust; the team lets him sit on the panel, but not with its
    official-sensitive papers, nor with one named official paper."""
    torbay = trust()
    request = make_request(stage="panel_recruited", affected=[torbay])
    user = give_role(UserFactory(full_name="Rhys Restricted"), senate, Role.ASSEMBLY_MEMBER)
    MembershipFactory(profile__user=user, profile__employer=torbay, senate=senate, body=Body.ASSEMBLY)
    profile = seat(user, request)
    attested(user, request)
    by = cast["manager"]
    papers = {
        "sensitive": item(request, tier=Tier.OFFICIAL_SENSITIVE, source=Source.REQUESTER, by=by, title="Tender prices"),
        "named": item(request, tier=Tier.OFFICIAL, source=Source.REQUESTER, by=by, title="Supplier contract"),
        "open": item(request, tier=Tier.OFFICIAL, source=Source.REQUESTER, by=by, title="Workforce plan"),
    }
    decide_conflicts(
        profile,
        request,
        keys=[f"employed:{torbay.pk}"],
        outcome="restrict",
        no_tiers=[Tier.OFFICIAL_SENSITIVE],
        no_items=[papers["named"]],
        note="Commercial interest in the tender",
        rationale="Works for the trust's supplier arm",
        by=by,
    )
    return request, user, papers


def _base(request, one):
    return f"/south-west/evidence/requests/{request.pk}/items/{one.pk}/"


def test_the_restriction_decides_what_the_member_may_open(restricted):
    _request, user, papers = restricted
    assert not access.can_open(user, papers["sensitive"])
    assert not access.can_open(user, papers["named"])
    assert access.can_open(user, papers["open"])
    assert list(access.visible_items(user, papers["open"].request)) == [papers["open"]]


def test_opening_restricted_evidence_is_refused_and_not_logged(restricted):
    _request, user, papers = restricted
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied, match="restricts you: may not open official-sensitive evidence"):
        library.open_version(user=user, item=papers["sensitive"])
    assert not AccessLog.objects.exists()


def test_the_member_sees_the_restriction_and_the_refusal_with_its_reason(client, restricted):
    request, user, papers = restricted
    client.force_login(user)
    page = client.get(f"/south-west/evidence/requests/{request.pk}/").content.decode()
    assert "Your restriction on this review" in page
    assert "May not open official-sensitive evidence" in page and "Supplier contract" in page
    assert "Tender prices" not in page and "Workforce plan" in page
    for paper in ("sensitive", "named"):
        download = client.get(_base(request, papers[paper]) + "versions/1/download/")
        assert download.status_code == 403
        said = html.unescape(download.content.decode())
        assert "the Senate team's decision on your conflict of interest restricts you" in said
        assert client.get(_base(request, papers[paper])).status_code == 403
    assert client.get(_base(request, papers["open"]) + "versions/1/download/").status_code == 200


def test_other_panel_members_are_not_restricted(client, cast, restricted, senate):
    request, _user, papers = restricted
    other = give_role(UserFactory(full_name="Ola Other"), senate, Role.ASSEMBLY_MEMBER)
    MembershipFactory(profile__user=other, senate=senate, body=Body.ASSEMBLY)
    seat(other, request)
    attested(other, request)
    assert access.can_open(other, papers["sensitive"]) and access.can_open(other, papers["named"])
