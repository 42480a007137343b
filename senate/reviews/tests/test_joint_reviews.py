"""Joint reviews across Senates (issue 15): the lead invites, the partner answers, the partner's team and
Council work on the request under the lead's address, and no third Senate sees any of it."""

import pytest

from senate.accounts.models import Role
from senate.accounts.tests.factories import PASSWORD, UserFactory, give_role
from senate.core.models import AuditEvent
from senate.notifications.models import Email
from senate.organisations.models import Senate
from senate.reviews import joint
from senate.reviews.models import PartnerComment, PartnerSenate
from senate.reviews.permission_names import ReviewsPermission as P
from senate.reviews.tests.factories import RequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner_senate(reference_data):
    return Senate.objects.get(slug="south-east")


@pytest.fixture
def partner(partner_senate):
    return {
        "manager": give_role(UserFactory(full_name="Ravi Partner-Manager"), partner_senate, Role.MANAGER),
        "chair": give_role(UserFactory(full_name="Grace Partner-Chair"), partner_senate, Role.CHAIR),
        "council": give_role(UserFactory(full_name="Omar Partner-Council"), partner_senate, Role.COUNCIL_MEMBER),
        "assembly": give_role(UserFactory(full_name="Lia Partner-Assembly"), partner_senate, Role.ASSEMBLY_MEMBER),
    }


@pytest.fixture
def third(cast, other_senate):
    """People of a Senate that takes no part: London's manager, Chair and Council member."""
    return {
        "manager": cast["other_manager"],
        "chair": give_role(UserFactory(full_name="Lon Chair"), other_senate, Role.CHAIR),
        "council": give_role(UserFactory(full_name="Lon Council"), other_senate, Role.COUNCIL_MEMBER),
    }


@pytest.fixture
def request_obj(cast):
    return RequestFactory(created_by=cast["requester"], stage="panel_recruiting")


@pytest.fixture
def accepted(request_obj, partner_senate, partner, cast):
    invitation = joint.invite(request_obj, partner_senate, by=cast["manager"], message="Crosses the border")
    return joint.answer(invitation, accept=True, by=partner["manager"])


def _fresh(user):
    """The same person as a new web request would see them (their roles read again)."""
    return type(user).objects.get(pk=user.pk)


def test_the_invited_manager_is_told_and_may_answer_but_nobody_else_of_that_senate_sees_it_yet(
    request_obj, partner_senate, partner, cast
):
    invitation = joint.invite(request_obj, partner_senate, by=cast["manager"], message="Crosses the border")
    assert invitation.status == PartnerSenate.Status.INVITED
    email = Email.objects.get(kind="joint.invited")
    assert email.recipient == partner["manager"] and "Crosses the border" in email.body
    assert AuditEvent.objects.filter(action="joint.invited").count() == 1
    assert partner["manager"].has_perm(P.ANSWER_JOINT, request_obj)
    assert partner["manager"].has_perm(P.VIEW_REQUEST, request_obj)
    for role in ("chair", "council", "assembly"):
        assert not _fresh(partner[role]).has_perm(P.VIEW_REQUEST, request_obj), role


def test_once_accepted_the_partner_team_and_council_see_the_request_and_the_lead_is_told(
    accepted, request_obj, partner
):
    assert Email.objects.filter(kind="joint.accepted").exists()
    for role in ("manager", "chair", "council"):
        person = _fresh(partner[role])
        assert person.has_perm(P.VIEW_REQUEST, request_obj), role
        assert person.has_perm(P.VIEW_JOINT, request_obj), role
    assert not _fresh(partner["assembly"]).has_perm(P.VIEW_REQUEST, request_obj)
    assert joint.joint_line(request_obj) == "Joint review led by South West Clinical Senate with " + (
        Senate.objects.get(slug="south-east").name
    )


def test_approval_issue_and_the_running_of_the_review_stay_with_the_lead(accepted, request_obj, partner, cast):
    for role in ("manager", "chair"):
        person = _fresh(partner[role])
        for permission in (P.APPROVE, P.MANAGE_REQUEST, P.TRIAGE, P.INVITE_PARTNER, P.VIEW_HISTORY):
            assert not person.has_perm(permission, request_obj), (role, permission)
    assert cast["chair"].has_perm(P.APPROVE, request_obj)


def test_a_third_senate_sees_nothing_of_the_joint_review(accepted, request_obj, third):
    for role, person in third.items():
        for permission in P:
            assert not _fresh(person).has_perm(permission, request_obj), (role, permission)


def test_declining_needs_a_reason_and_a_refusal_writes_nothing(request_obj, partner_senate, partner, cast):
    invitation = joint.invite(request_obj, partner_senate, by=cast["manager"])
    before = AuditEvent.objects.count()
    with pytest.raises(joint.JointRefused, match="Say why"):
        joint.answer(invitation, accept=False, by=partner["manager"], reason=" ")
    assert AuditEvent.objects.count() == before
    joint.answer(invitation, accept=False, by=partner["manager"], reason="No capacity this quarter")
    assert not _fresh(partner["manager"]).has_perm(P.VIEW_REQUEST, request_obj)
    with pytest.raises(joint.JointRefused, match="already been declined"):
        joint.answer(invitation, accept=True, by=partner["manager"])
    # The lead may ask again later.
    assert joint.invite(request_obj, partner_senate, by=cast["manager"]).status == PartnerSenate.Status.INVITED


def test_a_senate_cannot_be_its_own_partner_nor_be_invited_twice(request_obj, partner_senate, cast):
    with pytest.raises(joint.JointRefused, match="its own review"):
        joint.invite(request_obj, request_obj.senate, by=cast["manager"])
    joint.invite(request_obj, partner_senate, by=cast["manager"])
    with pytest.raises(joint.JointRefused, match="already been invited"):
        joint.invite(request_obj, partner_senate, by=cast["manager"])
    assert PartnerSenate.objects.count() == 1


def test_only_a_partner_council_comments_and_the_lead_team_is_told(accepted, request_obj, partner, cast, third):
    made = joint.comment(request_obj, by=_fresh(partner["council"]), text="Consider travel times for the coast.")
    assert made.senate.slug == "south-east"
    assert Email.objects.filter(kind="joint.commented", recipient=cast["manager"]).exists()
    with pytest.raises(joint.JointRefused, match="partner Senate"):
        joint.comment(request_obj, by=cast["council"], text="Ours")
    with pytest.raises(joint.JointRefused, match="partner Senate"):
        joint.comment(request_obj, by=third["council"], text="Theirs")
    assert PartnerComment.objects.count() == 1


def test_the_partner_senate_lists_the_joint_review_and_a_third_does_not(
    accepted, request_obj, partner, third, client, other_senate
):
    client.login(email=partner["council"].email, password=PASSWORD)
    page = client.get("/south-east/requests/").content.decode()
    assert request_obj.title in page and "Joint review led by South West Clinical Senate" in page
    assert f"/south-west/requests/{request_obj.pk}/" in page
    detail = client.get(f"/south-west/requests/{request_obj.pk}/")
    assert detail.status_code == 200 and "Joint review led by" in detail.content.decode()
    client.login(email=third["manager"].email, password=PASSWORD)
    assert request_obj.title not in client.get("/london/requests/").content.decode()
    for suffix in ("", "joint/", "recommendations/"):
        assert client.get(f"/south-west/requests/{request_obj.pk}/{suffix}").status_code == 403, suffix
    assert client.get(f"/london/requests/{request_obj.pk}/").status_code == 404


def test_the_pages_invite_answer_and_comment(request_obj, partner_senate, partner, cast, client):
    client.force_login(cast["manager"])
    url = f"/south-west/requests/{request_obj.pk}/joint/"
    refused = client.post(url + "invite/", {"senate": ""})
    assert refused.status_code == 400 and "Choose the Senate to invite" in refused.content.decode()
    client.post(url + "invite/", {"senate": partner_senate.pk, "message": "Crosses the border"})
    client.force_login(partner["manager"])
    assert "invitation to review" in client.get("/south-east/").content.decode()
    unanswered = client.post(url + "answer/", {"decision": "decline", "reason": ""})
    assert "Say why your Senate declines" in unanswered.content.decode()
    client.post(url + "answer/", {"decision": "accept"})
    assert PartnerSenate.objects.get().status == PartnerSenate.Status.ACCEPTED
    client.force_login(partner["council"])
    client.post(url + "comment/", {"text": "Consider travel times."})
    assert "Consider travel times." in client.get(url).content.decode()
    client.force_login(cast["council"])
    assert client.post(url + "comment/", {"text": "Not a partner"}).status_code == 403


def test_the_requests_history_shows_each_step_of_the_joint_review(accepted, request_obj, partner):
    from senate.reviews import history

    joint.comment(request_obj, by=_fresh(partner["council"]), text="Consider travel times.")
    steps = [d.what for d in history.entries(request_obj) if d.event.action.startswith("joint.")]
    assert steps == ["Joint review: invited", "Joint review: accepted", "Joint review: commented"]


def test_the_request_page_names_every_accepted_partner_in_one_query_however_many(
    request_obj, partner_senate, partner, cast, client
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def page_queries() -> tuple[str, int]:
        with CaptureQueriesContext(connection) as read:
            page = client.get(f"/south-west/requests/{request_obj.pk}/").content.decode()
        return page, len(read.captured_queries)

    client.force_login(cast["manager"])
    accepted = joint.answer(
        joint.invite(request_obj, partner_senate, by=cast["manager"]), accept=True, by=partner["manager"]
    )
    assert accepted.status == PartnerSenate.Status.ACCEPTED
    page, with_one = page_queries()
    assert f"Joint review led by South West Clinical Senate with {partner_senate.name}" in page
    for slug in ("london", "north-west"):
        other = Senate.objects.get(slug=slug)
        manager = give_role(UserFactory(), other, Role.MANAGER)
        joint.answer(joint.invite(request_obj, other, by=cast["manager"]), accept=True, by=manager)
    page, with_three = page_queries()
    names = sorted(
        [partner_senate.name, *Senate.objects.filter(slug__in=("london", "north-west")).values_list("name", flat=True)]
    )
    assert f"Joint review led by South West Clinical Senate with {' and '.join(names)}" in page
    assert with_three == with_one
