"""What the Council's record refuses when an item is decided, and when its changes are confirmed."""

import pytest

from senate.council import declarations, ratification
from senate.council.decisions import decide_item
from senate.council.meetings import MeetingRefused
from senate.council.models import Decision, MeetingDeclaration
from senate.council.tests.factories import latest, ready_item
from senate.reports.tests.factories import draft


def _ready_to_decide(senate, cast, report):
    meeting, item = ready_item(senate, cast, report)
    declarations.start_meeting(meeting, by=cast["manager"])
    for d in MeetingDeclaration.objects.filter(item=item):
        declarations.record_action(d, action="leaves", by=cast["chair"])
    return item


def _decide(item, cast, report, **fields):
    values = {"outcome": "approved", "changes": "", "method": "consensus", "version": latest(report)} | fields
    return decide_item(item, by=cast["manager"], **values)


def test_referring_back_needs_the_changes_the_council_requires(senate, cast, council, report):
    item = _ready_to_decide(senate, cast, report)
    with pytest.raises(MeetingRefused, match="List the changes the Council requires."):
        _decide(item, cast, report, outcome="referred_back", changes="   ")
    assert not Decision.objects.exists()


def test_approving_with_changes_needs_someone_named_to_confirm_them(senate, cast, council, report):
    item = _ready_to_decide(senate, cast, report)
    with pytest.raises(MeetingRefused, match="Name the member present who will confirm"):
        _decide(item, cast, report, outcome="approved_with_changes", changes="Correct table 3")


def test_the_person_named_to_confirm_changes_must_be_at_the_meeting(senate, cast, council, report):
    item = _ready_to_decide(senate, cast, report)
    with pytest.raises(MeetingRefused, match="Name the member present who will confirm"):
        _decide(item, cast, report, outcome="approved_with_changes", changes="Fix it", confirmer=cast["assembly"])


def test_a_vote_with_as_many_against_as_for_does_not_approve(senate, cast, council, report):
    item = _ready_to_decide(senate, cast, report)
    with pytest.raises(MeetingRefused, match="The vote did not carry"):
        _decide(item, cast, report, method="vote", votes_for=2, votes_against=2)


def test_a_vote_to_refer_back_stands_however_the_votes_fell(senate, cast, council, report):
    item = _ready_to_decide(senate, cast, report)
    decision = _decide(item, cast, report, outcome="referred_back", changes="Redo", method="vote", votes_against=3)
    assert decision.outcome == "referred_back" and decision.votes_against == 3


def test_a_consensus_decision_records_no_vote_counts(senate, cast, council, report):
    item = _ready_to_decide(senate, cast, report)
    decision = _decide(item, cast, report, votes_for=9)
    assert (decision.votes_for, decision.votes_against, decision.abstentions) == (0, 0, 0)


def test_an_outright_approval_has_no_changes_to_confirm(senate, cast, council, report):
    decision = _decide(_ready_to_decide(senate, cast, report), cast, report)
    with pytest.raises(MeetingRefused, match="Only a report or terms of reference approved with changes"):
        ratification.confirm_changes(decision, version=draft(report, by=cast["manager"]), by=cast["council"])


def test_only_the_member_named_by_the_council_confirms_the_changes(senate, cast, council, report):
    item = _ready_to_decide(senate, cast, report)
    decision = _decide(item, cast, report, outcome="approved_with_changes", changes="Fix", confirmer=cast["council"])
    with pytest.raises(MeetingRefused, match=f"Only {cast['council']}, named by the Council"):
        ratification.confirm_changes(decision, version=draft(report, by=cast["manager"]), by=cast["chair"])


def test_changes_are_confirmed_on_a_new_version_not_the_one_decided(senate, cast, council, report):
    item = _ready_to_decide(senate, cast, report)
    decided = latest(report)
    decision = _decide(item, cast, report, outcome="approved_with_changes", changes="Fix", confirmer=cast["council"])
    with pytest.raises(MeetingRefused, match=f"the Council approved v{decided.version} and there is no later version"):
        ratification.confirm_changes(decision, version=decided, by=cast["council"])
    draft(report, by=cast["manager"])
    with pytest.raises(MeetingRefused, match=f"Choose a version later than v{decided.version}."):
        ratification.confirm_changes(decision, version=decided, by=cast["council"])


def test_changes_are_confirmed_only_once(senate, cast, council, report):
    item = _ready_to_decide(senate, cast, report)
    decision = _decide(item, cast, report, outcome="approved_with_changes", changes="Fix", confirmer=cast["council"])
    ratification.confirm_changes(decision, version=draft(report, by=cast["manager"]), by=cast["council"])
    decision.refresh_from_db()
    with pytest.raises(MeetingRefused, match="The changes have already been confirmed."):
        ratification.confirm_changes(decision, version=draft(report, by=cast["manager"]), by=cast["council"])


def test_once_an_item_is_decided_its_declarations_stand(senate, cast, council, report):
    item = _ready_to_decide(senate, cast, report)
    _decide(item, cast, report)
    declaration = MeetingDeclaration.objects.filter(item=item).first()
    with pytest.raises(MeetingRefused, match="its declarations can no longer change"):
        declarations.record_action(declaration, action="no_action", by=cast["chair"])
