"""Issue 21: the request's own page shows the assurance timeline beside the Senate's, with the Senate's
review placed, to exactly those who may see the assurance context; accepting the deadline proposed from
the assurance dates makes it the request's own deadline, which the work queue and reminders follow,
and a checkpoint that moves afterwards proposes again without moving the accepted deadline."""

import datetime as dt

import pytest

from senate.accounts.models import Role
from senate.accounts.tests.factories import UserFactory, give_role
from senate.assurance import recording
from senate.core.models import AuditEvent
from senate.notifications.models import Email
from senate.organisations.models import Senate
from senate.reviews import deadlines, joint
from senate.reviews.models import Request, RequestEvent

D = dt.date
TODAY = dt.date.today()
HEADING = "Where the advice sits</h2>"


@pytest.fixture
def placed(formal, cast):
    """A sent formal review with public consultation recorded: its review sits before consultation."""
    Request.objects.filter(pk=formal.pk).update(stage="accepted", submitted_at=dt.datetime(2026, 11, 2, tzinfo=dt.UTC))
    formal.refresh_from_db()
    RequestEvent.objects.create(request=formal, action="submit", to_stage="received")
    recording.record_step(request=formal, step="checkpoint", on=TODAY + dt.timedelta(days=40), by=cast["manager"])
    recording.record_step(
        request=formal, step="consultation_start", on=TODAY + dt.timedelta(days=60), by=cast["manager"]
    )
    return formal


def _page(client, user, request):
    client.force_login(user)
    return client.get(f"/south-west/requests/{request.pk}/")


@pytest.mark.parametrize("who", ["manager", "chair", "requester", "council", "assurance"])
def test_those_who_may_see_the_assurance_context_read_its_timeline_on_the_request_page(client, cast, placed, who):
    page = _page(client, cast[who], placed).content.decode()
    assert HEADING in page
    assert "<strong>The Senate's review:</strong> Before public consultation." in page
    assert "NHS England stage 2: assurance checkpoint" in page and "Request received by the Senate" in page
    assert f'href="/south-west/assurance/requests/{placed.pk}/"' in page


def test_a_partner_senates_manager_sees_the_request_but_not_its_assurance_timeline(client, cast, placed):
    partner_senate = Senate.objects.get(slug="south-east")
    partner = give_role(UserFactory(full_name="Ravi Partner-Manager"), partner_senate, Role.MANAGER)
    joint.answer(joint.invite(placed, partner_senate, by=cast["manager"]), accept=True, by=partner)
    response = _page(client, type(partner).objects.get(pk=partner.pk), placed)
    assert response.status_code == 200 and placed.title in response.content.decode()
    page = response.content.decode()
    assert HEADING not in page and "NHS England stage 2: assurance checkpoint" not in page


def test_another_organisations_requester_sees_neither(client, cast, placed, trust_contact):
    response = _page(client, trust_contact, placed)
    assert response.status_code in (403, 404) and HEADING not in response.content.decode()


def test_nothing_is_shown_until_something_is_recorded(client, cast, formal):
    assert HEADING not in _page(client, cast["manager"], formal).content.decode()


def _accept(client, cast, request):
    client.force_login(cast["manager"])
    return client.post(f"/south-west/assurance/requests/{request.pk}/deadline/")


def test_accepting_the_proposed_deadline_makes_it_the_requests_own_in_the_work_queue(client, cast, placed):
    _accept(client, cast, placed)
    placed.refresh_from_db()
    wanted = TODAY + dt.timedelta(days=39)
    assert placed.advice_due_on == wanted and "stage 2: assurance checkpoint" in placed.advice_due_for
    audit = AuditEvent.objects.get(action="request.advice_deadline_set", object_id=str(placed.pk))
    assert audit.data["changed"] == {"Senate's advice needed by": [None, f"{wanted:%-d %B %Y}"]}
    row = next(r for r in deadlines.work_queue(placed.senate, TODAY) if r["request"] == placed)
    assert row["advice"].on == wanted and row["advice"] not in row["late"]
    assert (
        row["advice"].what
        == "Issue the Senate's advice (advice needed before NHS England stage 2: assurance checkpoint)"
    )
    queue = client.get("/south-west/requests/work-queue/").content.decode()
    assert f"Senate's advice needed by {wanted:%-d %B %Y}" in queue
    request_page = client.get(f"/south-west/requests/{placed.pk}/").content.decode()
    assert "<strong>Senate's advice needed by:</strong> " + f"{wanted:%-d %B %Y}" in request_page


def test_a_passed_advice_deadline_is_overdue_and_reminded_once_a_day(client, cast, placed):
    _accept(client, cast, placed)
    after = TODAY + dt.timedelta(days=45)
    row = next(r for r in deadlines.work_queue(placed.senate, after) if r["request"] == placed)
    assert row["overdue"] and row["advice"] in row["late"]
    first = deadlines.send_reminders(placed.senate, today=after)
    assert first >= 1 and deadlines.send_reminders(placed.senate, today=after) == 0
    reminder = Email.objects.get(kind="request.reminder", to=cast["manager"].email, subject__contains="advice")
    assert f"was due on {TODAY + dt.timedelta(days=39):%-d %B %Y}" in reminder.body
    # once the advice is issued the deadline is met: nothing overdue any more
    Request.objects.filter(pk=placed.pk).update(stage="issued")
    row = next(r for r in deadlines.work_queue(placed.senate, after) if r["request"].pk == placed.pk)
    assert row["advice"] is None


def test_a_moved_checkpoint_proposes_again_but_never_moves_the_accepted_deadline(client, cast, placed):
    _accept(client, cast, placed)
    accepted = TODAY + dt.timedelta(days=39)
    recording.record_step(request=placed, step="checkpoint", on=TODAY + dt.timedelta(days=50), by=cast["manager"])
    placed.refresh_from_db()
    assert placed.advice_due_on == accepted
    page = client.get(f"/south-west/assurance/requests/{placed.pk}/").content.decode()
    moved = TODAY + dt.timedelta(days=49)
    assert f"propose a different deadline: {moved:%-d %B %Y}" in page
    assert f"stays {accepted:%-d %B %Y} until the Senate team sets it again" in page
    assert f"Set the Senate&#39;s deadline to {moved:%-d %B %Y}" in page
    _accept(client, cast, placed)
    placed.refresh_from_db()
    assert placed.advice_due_on == moved
    assert (
        "propose a different deadline"
        not in client.get(f"/south-west/assurance/requests/{placed.pk}/").content.decode()
    )


def test_only_the_senate_team_may_accept_the_deadline(client, cast, placed):
    client.force_login(cast["requester"])
    assert client.post(f"/south-west/assurance/requests/{placed.pk}/deadline/").status_code == 403
    placed.refresh_from_db()
    assert placed.advice_due_on is None
