"""Deciding items: declarations first, quorum after recusals, and the effect on the request."""

import pytest

from senate.council import declarations
from senate.council.decisions import blockers, decide_item, verdict
from senate.council.meetings import MeetingRefused, add_item
from senate.council.models import Attendance, Decision, MeetingDeclaration
from senate.council.tests.factories import latest, ready_item, schedule
from senate.reviews import terms
from senate.reviews.models import RequestEvent
from senate.reviews.tests.factories import RequestFactory

VOTE = {"outcome": "approved", "changes": "", "method": "vote", "votes_for": 4, "votes_against": 0, "abstentions": 0}


def _attendee(meeting, profile):
    return meeting.attendance.get(profile=profile)


def _act_on_all(meeting, cast, action="leaves"):
    for d in MeetingDeclaration.objects.filter(item__meeting=meeting):
        declarations.record_action(d, action=action, by=cast["chair"])


def test_the_agenda_shows_the_conflicted_members_known_conflict(senate, cast, council, report):
    meeting, item = ready_item(senate, cast, report)
    known = declarations.known_conflicts(meeting)[item.pk]
    assert list(known) == [_attendee(meeting, council["colin"]).pk]
    assert "Torbay and South Devon NHS Foundation Trust" in known[_attendee(meeting, council["colin"]).pk][0].reason


def test_an_item_cannot_be_decided_before_declarations_are_acted_on(senate, cast, council, report):
    meeting, item = ready_item(senate, cast, report)
    assert blockers(item) == ["Start the meeting and take declarations first."]
    declarations.start_meeting(meeting, by=cast["manager"])
    assert "Record the chair's action on every declaration for this item." in blockers(item)
    with pytest.raises(MeetingRefused):
        decide_item(item, by=cast["manager"], version=latest(report), **VOTE)
    assert not Decision.objects.exists()


def test_ratifying_by_vote_with_a_member_recused_approves_the_advice(senate, cast, council, report):
    meeting, item = ready_item(senate, cast, report)
    declarations.start_meeting(meeting, by=cast["manager"])
    _act_on_all(meeting, cast)
    assert verdict(item).quorate and verdict(item).counted == 5
    decision = decide_item(item, by=cast["manager"], version=latest(report), **VOTE)
    report.refresh_from_db()
    assert report.stage == "approved" and decision.recused == 1
    event = RequestEvent.objects.get(request=report, action="approve_advice")
    assert event.by == cast["chair"] and f"{meeting}, item 1" in event.reason


def test_an_item_that_loses_quorum_through_recusals_cannot_be_decided(senate, cast, council, report):
    meeting, item = ready_item(senate, cast, report)
    meeting.attendance.filter(profile__in=[council["clara"], council["vice"]]).update(
        status=Attendance.Status.APOLOGIES
    )
    declarations.start_meeting(meeting, by=cast["manager"])
    for who in ("ppv", "council"):
        declarations.add_declaration(
            item=item, attendee=_attendee(meeting, council[who]), text="Sits on the trust's board", by=cast["manager"]
        )
    _act_on_all(meeting, cast)
    reasons = verdict(item).reasons
    assert "1 Council member can take part but 3 are needed (50% of 6)." in reasons
    assert "0 patient and public voice members can take part; at least 1 is needed." in reasons
    with pytest.raises(MeetingRefused, match="Not quorate"):
        decide_item(item, by=cast["manager"], version=latest(report), **VOTE)
    report.refresh_from_db()
    assert report.stage == "report_revised" and not Decision.objects.exists()


def test_staying_without_voting_counts_as_a_recusal_but_no_action_does_not(senate, cast, council, report):
    meeting, item = ready_item(senate, cast, report)
    declarations.start_meeting(meeting, by=cast["manager"])
    _act_on_all(meeting, cast, action="no_vote")
    assert verdict(item).counted == 5
    _act_on_all(meeting, cast, action="no_action")
    assert verdict(item).counted == 6


def test_a_vote_cannot_count_more_voters_than_may_vote(senate, cast, council, report):
    meeting, item = ready_item(senate, cast, report)
    declarations.start_meeting(meeting, by=cast["manager"])
    _act_on_all(meeting, cast)
    with pytest.raises(MeetingRefused, match="Only 5 members may vote"):
        decide_item(item, by=cast["manager"], version=latest(report), **(VOTE | {"votes_for": 6}))
    with pytest.raises(MeetingRefused, match="did not carry"):
        decide_item(item, by=cast["manager"], version=latest(report), **(VOTE | {"votes_for": 2, "votes_against": 2}))


def test_referring_back_puts_the_required_changes_on_the_timeline(senate, cast, council, report):
    meeting, item = ready_item(senate, cast, report)
    declarations.start_meeting(meeting, by=cast["manager"])
    _act_on_all(meeting, cast)
    changes = "Add the travel-time analysis for Torbay"
    decide_item(
        item, by=cast["manager"], outcome="referred_back", changes=changes, method="consensus", version=latest(report)
    )
    report.refresh_from_db()
    assert report.stage == "report_revised"
    event = RequestEvent.objects.get(request=report, action="council_referred_back")
    assert changes in event.reason


def test_approving_terms_of_reference_at_the_council_records_the_route(senate, cast, council):
    request = RequestFactory(created_by=cast["requester"], stage="tor_agreed")
    version = terms.save_version(request, values=terms.draft_from_request(request), by=cast["manager"])
    version.status = "agreed"
    version.save()
    meeting = schedule(senate, cast)
    item = add_item(meeting=meeting, kind="approve_terms", title="", request=request, by=cast["manager"])
    declarations.start_meeting(meeting, by=cast["manager"])
    decide_item(item, by=cast["manager"], outcome="approved", changes="", method="consensus")
    request.refresh_from_db()
    version.refresh_from_db()
    assert request.stage == "tor_approved"
    assert version.approved_by == cast["chair"] and version.approval_route.startswith("Council: Council meeting on")


def test_a_request_not_at_the_right_stage_cannot_go_on_the_agenda(senate, cast, council):
    meeting = schedule(senate, cast)
    with pytest.raises(MeetingRefused, match="cannot be put to the Council"):
        add_item(meeting=meeting, kind="ratify_report", title="", request=RequestFactory(), by=cast["manager"])
    assert not meeting.items.exists()


def test_the_meeting_needs_the_senate_chair_in_the_chair_to_approve(senate, cast, council, report):
    meeting, item = ready_item(senate, cast, report)
    meeting.chair = cast["council"]
    meeting.save()
    declarations.start_meeting(meeting, by=cast["manager"])
    _act_on_all(meeting, cast)
    assert "The meeting's chair must be the Senate Chair or Vice-chair to approve advice." in blockers(item)


def test_terms_approved_with_changes_wait_for_a_new_version_and_the_named_confirmation(senate, cast, council):
    from senate.council import ratification

    request = RequestFactory(created_by=cast["requester"], stage="tor_agreed")
    agreed = terms.save_version(request, values=terms.draft_from_request(request), by=cast["manager"])
    agreed.status = "agreed"
    agreed.agreed_by = cast["requester"]
    agreed.save()
    meeting = schedule(senate, cast)
    item = add_item(meeting=meeting, kind="approve_terms", title="", request=request, by=cast["manager"])
    declarations.start_meeting(meeting, by=cast["manager"])
    with pytest.raises(MeetingRefused, match="Name the member present"):
        decide_item(
            item, by=cast["manager"], outcome="approved_with_changes", changes="Add a site visit", method="consensus"
        )
    decision = decide_item(
        item, by=cast["manager"], outcome="approved_with_changes", changes="Add a site visit",
        method="consensus", confirmer=cast["council"],
    )  # fmt: skip
    request.refresh_from_db()
    agreed.refresh_from_db()
    assert request.stage == "tor_agreed" and agreed.status == "agreed"  # not approved yet
    assert decision.terms_version == agreed
    with pytest.raises(MeetingRefused, match="approved the terms of reference v1 with changes"):
        add_item(meeting=schedule(senate, cast), kind="approve_terms", title="", request=request, by=cast["manager"])
    with pytest.raises(MeetingRefused, match="Write a new version with the changes first"):
        ratification.confirm_changes(decision, version=None, by=cast["council"])
    changed = terms.save_version(
        request, values=terms.draft_from_request(request) | {"site_visits": True}, by=cast["manager"]
    )
    with pytest.raises(MeetingRefused, match="named by the Council"):
        ratification.confirm_changes(decision, version=changed, by=cast["manager"])
    ratification.confirm_changes(decision, version=changed, by=cast["council"])
    request.refresh_from_db()
    changed.refresh_from_db()
    assert request.stage == "tor_approved"
    assert changed.status == "approved" and changed.approved_by == cast["chair"]
    assert changed.agreed_by == cast["requester"]
    assert "confirmed that v2 makes the changes" in RequestEvent.objects.get(action="approve_terms").reason
