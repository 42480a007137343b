"""A Senate's front page tells each signed-in person what needs them there, from every part of the
platform, with a link to where they do it; nobody sees another person's (or organisation's) tasks."""

import datetime as dt

import pytest

from senate.accounts.tests.factories import UserFactory
from senate.council.tests.factories import make_council, schedule
from senate.evidence.library import add_item, ask_for_evidence
from senate.evidence.tests import samples
from senate.interests.tests.factories import declared
from senate.members.models import MemberProfile
from senate.organisations.models import Organisation
from senate.panels import invitations
from senate.panels.models import PanelMember
from senate.reviews.tests.factories import RequestFactory

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


def _tasks(client, user) -> str:
    client.force_login(user)
    page = client.get("/south-west/").content.decode()
    start = page.find('id="your-tasks"')
    assert start != -1, "the front page has no tasks box"
    return page[start : page.find("</div>\n</div>", start)]


def _declared_everyone(cast):
    for who in ("council", "assembly"):
        declared(MemberProfile.objects.get(user=cast[who]), kind="nil")


def test_a_signed_out_visitor_sees_no_tasks_box(client, senate):
    assert 'id="your-tasks"' not in client.get("/south-west/").content.decode()


def test_a_requester_sees_what_the_senate_waits_for_from_their_organisation_only(client, cast):
    mine = RequestFactory(created_by=cast["requester"], stage="factual_accuracy", title="Stroke units")
    RequestFactory(created_by=cast["requester"], stage="draft", title="Maternity draft")
    other_org = Organisation.objects.get(code="QSL")
    RequestFactory(requesting_organisation=other_org, stage="factual_accuracy", title="Somerset beds")
    box = _tasks(client, cast["requester"])
    assert "Check the draft report for factual accuracy: " + mine.reference in box
    assert f'href="/south-west/requests/{mine.pk}/"' in box
    assert "Finish and send your draft request: Maternity draft" in box
    assert "Somerset beds" not in box


def test_the_requester_is_asked_for_evidence_until_it_is_uploaded(client, cast):
    request = RequestFactory(created_by=cast["requester"], stage="panel_recruited")
    asked = ask_for_evidence(
        request=request, kind="modelling", title="Bed modelling", due_on=TODAY - dt.timedelta(days=1),
        by=cast["manager"],
    )  # fmt: skip
    box = _tasks(client, cast["requester"])
    assert f"{request.reference}: upload Bed modelling" in box and "Overdue" in box
    add_item(
        request=request, title="Bed modelling", kind="modelling", tier="official", source="requester",
        by=cast["requester"], name="beds.pdf", data=samples.pdf(), asked_for=asked,
    )  # fmt: skip
    assert "upload Bed modelling" not in _tasks(client, cast["requester"])


def test_the_manager_sees_triage_and_overdue_declarations_and_others_do_not(client, cast):
    RequestFactory(created_by=cast["requester"], stage="received")
    manager_box = _tasks(client, cast["manager"])
    assert "1 request waiting for triage" in manager_box
    assert "members overdue with declarations or never declared" in manager_box
    for who in ("requester", "assembly", "council"):
        box = _tasks(client, cast[who])
        assert "waiting for triage" not in box and "overdue with declarations" not in box


def test_a_member_is_asked_to_declare_until_they_do(client, cast):
    assert "Make your first declaration of interests" in _tasks(client, cast["assembly"])
    _declared_everyone(cast)
    box = _tasks(client, cast["assembly"])
    assert "declaration" not in box and "Nothing needs you in this Senate today." in box


def test_an_invited_member_is_asked_to_answer_until_they_do(client, cast):
    from senate.panels.tests.factories import ready_request, seat

    _declared_everyone(cast)
    request = ready_request(title="Hyper-acute stroke review")
    profile = MemberProfile.objects.get(user=cast["assembly"])
    invited = seat(request, profile, status=PanelMember.Status.INVITED)
    invited.respond_by = TODAY + dt.timedelta(days=5)
    invited.save()
    box = _tasks(client, cast["assembly"])
    assert "Answer your invitation to the expert panel for" in box and "Hyper-acute stroke review" in box
    assert f"/south-west/panels/invitations/{invited.pk}/" in box
    invitations.respond(invited, accept=True, by=cast["assembly"])
    assert "Answer your invitation" not in _tasks(client, cast["assembly"])


def test_council_members_see_their_next_meeting_and_assembly_members_do_not(client, senate, cast):
    _declared_everyone(cast)
    make_council(senate, cast)
    meeting = schedule(senate, cast)
    box = _tasks(client, cast["council"])
    assert f"{meeting}: read the agenda and papers" in box and f"/south-west/council/{meeting.pk}/" in box
    assert "Council meeting" not in _tasks(client, cast["assembly"])


def test_someone_with_no_role_here_is_told_nothing_needs_them(client, cast):
    assert "Nothing needs you in this Senate today." in _tasks(client, UserFactory())


def test_a_panel_member_is_asked_to_attest_then_to_give_their_views(client, cast):
    from senate.interests.attestation import attest
    from senate.reports import assessment
    from senate.reports.tests.factories import criteria, seat

    _declared_everyone(cast)
    request = RequestFactory(created_by=cast["requester"], stage="desktop_review")
    picked = criteria(request, by=cast["manager"])  # two criteria
    profile = seat(cast["assembly"], request)
    box = _tasks(client, cast["assembly"])
    assert f"Confirm your declarations of interest for {request.reference} to open its evidence" in box
    assert f"/south-west/evidence/requests/{request.pk}/" in box
    assert f"{request.reference}: give your view on 2 criteria before the panel" in box
    attest(profile, request, specific="", by=cast["assembly"])
    assessment.record_view(request, criterion=picked[0], outcome="supported", text="Sound.", by=cast["assembly"])
    box = _tasks(client, cast["assembly"])
    assert "Confirm your declarations" not in box and "give your view on 1 criterion" in box
    for who in ("requester", "manager", "council"):  # nobody else is asked for this member's views
        assert "give your view" not in _tasks(client, cast[who]), who


def test_the_tasks_are_worked_out_once_until_someone_acts(client, cast, django_capture_on_commit_callbacks):
    """The front page is the page people open most: its tasks are kept between visits (per person, Senate
    and day) and worked out again as soon as anyone acts, so a done task never lingers."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from senate.interests.declaring import make_nil_return
    from senate.organisations.home import tasks_for

    senate, manager = cast["manager"].roles.first().senate, cast["manager"]
    with django_capture_on_commit_callbacks(execute=True):  # as a request in autocommit keeps it
        first = tasks_for(manager, senate, TODAY)
        assert "Make your first declaration of interests" in _tasks(client, cast["assembly"])
    with CaptureQueriesContext(connection) as again:
        assert tasks_for(manager, senate, TODAY) == first
    assert len(again) == 1, "asked again, the kept tasks cost one look at the newest act"
    profile = MemberProfile.objects.get(user=cast["assembly"])
    with django_capture_on_commit_callbacks(execute=True):
        make_nil_return(profile, by=cast["assembly"])
    assert "Make your first declaration of interests" not in _tasks(client, cast["assembly"]), "the act makes them new"
