"""Issue 14, item 2: the approver recorded is whoever chaired the item. Terms approved while the Chair
was out of the room were logged under the Chair; with the Chair and Vice-chair both conflicted the
item could not be decided at all. Now the Vice-chair takes the item, or the meeting chooses an acting
chair from the members present and not conflicted, and the minutes say so."""

import pytest

from senate.council import chairing, declarations
from senate.council.decisions import blockers, decide_item
from senate.council.meetings import MeetingRefused, add_item
from senate.council.minutes import draft_minutes
from senate.council.tests.factories import latest, ready_item, schedule
from senate.reviews import terms
from senate.reviews.models import RequestEvent
from senate.reviews.tests.factories import RequestFactory

CONSENSUS = {"outcome": "approved", "changes": "", "method": "consensus"}


def _terms_item(senate, cast):
    request = RequestFactory(created_by=cast["requester"], stage="tor_agreed")
    version = terms.save_version(request, values=terms.draft_from_request(request), by=cast["manager"])
    version.status = "agreed"
    version.save()
    meeting = schedule(senate, cast)
    item = add_item(meeting=meeting, kind="approve_terms", title="", request=request, by=cast["manager"])
    declarations.start_meeting(meeting, by=cast["manager"])
    return meeting, item, version


def _leaves(meeting, item, profile, cast, text="Is a governor of the trust"):
    attendee = meeting.attendance.get(profile=profile)
    made = declarations.add_declaration(item=item, attendee=attendee, text=text, by=cast["manager"])
    declarations.record_action(made, action="leaves", by=cast["manager"])
    return attendee


def _act_on_all(item, cast):
    for d in item.declarations.filter(action=""):
        declarations.record_action(d, action="leaves", by=cast["manager"])


def test_with_the_chair_and_vice_chair_conflicted_an_acting_chair_decides_and_is_the_approver(senate, cast, council):
    meeting, item, version = _terms_item(senate, cast)
    _leaves(meeting, item, council["chair"], cast)
    _leaves(meeting, item, council["vice"], cast)
    assert (
        "Neither the Chair nor the Vice-chair can take part in this item: choose an acting chair "
        "from the members present and not conflicted on it."
    ) in blockers(item)
    clara = meeting.attendance.get(profile=council["clara"])
    chairing.choose_acting_chair(item, attendee=clara, by=cast["manager"])
    assert blockers(item) == []
    decide_item(item, by=cast["manager"], **CONSENSUS)
    version.refresh_from_db()
    assert version.approved_by == clara.profile.user
    assert "chaired by Clara Clinical (acting chair" in version.approval_route
    event = RequestEvent.objects.get(request=item.request, action="approve_terms")
    assert event.by == clara.profile.user
    assert item.decision.chaired_by == clara.profile.user
    text = draft_minutes(meeting, by=cast["manager"]).text
    assert f"Item {item.number}: {item.title}\n  Chaired by: Clara Clinical (acting chair for this item" in text


def test_an_acting_chair_must_be_present_and_not_conflicted_and_only_when_needed(senate, cast, council):
    meeting, item, _ = _terms_item(senate, cast)
    _leaves(meeting, item, council["chair"], cast)
    clara = meeting.attendance.get(profile=council["clara"])
    with pytest.raises(MeetingRefused, match="Vera Vice chairs this item as Vice-chair"):
        chairing.choose_acting_chair(item, attendee=clara, by=cast["manager"])
    colin = _leaves(meeting, item, council["colin"], cast, text="Works for the trust")
    _leaves(meeting, item, council["vice"], cast)
    with pytest.raises(MeetingRefused, match="Colin Conflicted cannot chair this item"):
        chairing.choose_acting_chair(item, attendee=colin, by=cast["manager"])
    assert item.acting_chair is None


def test_when_the_chair_leaves_the_room_the_vice_chair_chairs_and_approves(senate, cast, council, report):
    meeting, item = ready_item(senate, cast, report)
    declarations.start_meeting(meeting, by=cast["manager"])
    _leaves(meeting, item, council["chair"], cast)
    _act_on_all(item, cast)
    decision = decide_item(item, by=cast["manager"], version=latest(report), **CONSENSUS)
    vice = council["vice"].user
    assert decision.chaired_by == vice and decision.chaired_as == "Vice-chair"
    assert RequestEvent.objects.get(request=report, action="approve_advice").by == vice
    assert latest(report).sign_off.chaired_by == vice


def test_the_item_page_offers_the_acting_chair_choice_and_shows_who_chairs(client, senate, cast, council):
    meeting, item, _ = _terms_item(senate, cast)
    _leaves(meeting, item, council["chair"], cast)
    _leaves(meeting, item, council["vice"], cast)
    url = f"/south-west/council/{meeting.pk}/items/{item.number}/"
    client.force_login(cast["manager"])
    page = " ".join(client.get(url).content.decode().split())
    assert "Neither the Chair nor the Vice-chair can take part in this item" in page
    assert "Record the acting chair" in page and "> Clara Clinical </label>" in page
    assert "> Vera Vice </label>" not in page  # out of the item, so not offered
    clara = meeting.attendance.get(profile=council["clara"])
    refused = client.post(url + "acting-chair/", {})
    assert refused.status_code == 400
    assert "Choose the member the meeting chose to chair this item" in refused.content.decode()
    chosen = client.post(url + "acting-chair/", {"attendee": str(clara.pk)}, follow=True).content.decode()
    assert "Clara Clinical, acting chair for this item, chosen by the meeting" in chosen
