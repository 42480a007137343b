"""Who chairs an item when the usual chair cannot, and changing the Council's quorum rules."""

import pytest

from senate.core.models import AuditEvent
from senate.council import chairing, declarations, quorum
from senate.council.meetings import MeetingRefused, add_item
from senate.council.models import QuorumRule
from senate.council.quorum_rules import set_quorum_rules
from senate.council.tests.factories import schedule
from senate.reviews import terms
from senate.reviews.tests.factories import RequestFactory


def _terms_item(senate, cast, *, start=True, **meeting):
    request = RequestFactory(created_by=cast["requester"], stage="tor_agreed")
    terms.save_version(request, values=terms.draft_from_request(request), by=cast["manager"])
    held = schedule(senate, cast, **meeting)
    item = add_item(meeting=held, kind="approve_terms", title="", request=request, by=cast["manager"])
    if start:
        declarations.start_meeting(held, by=cast["manager"])
    return held, item


def _declare(meeting, item, profile, cast, action="leaves"):
    attendee = meeting.attendance.get(profile=profile)
    made = declarations.add_declaration(item=item, attendee=attendee, text="Governor", by=cast["manager"])
    if action:
        declarations.record_action(made, action=action, by=cast["manager"])
    return attendee


def test_an_acting_chair_is_chosen_only_once_the_meeting_has_started(senate, cast, council):
    meeting, item = _terms_item(senate, cast, start=False)
    clara = meeting.attendance.get(profile=council["clara"])
    with pytest.raises(MeetingRefused, match="Start the meeting and take declarations before choosing"):
        chairing.choose_acting_chair(item, attendee=clara, by=cast["manager"])


def test_an_acting_chair_waits_for_the_chairs_action_on_every_declaration(senate, cast, council):
    meeting, item = _terms_item(senate, cast)
    _declare(meeting, item, council["clara"], cast, action="")
    clara = meeting.attendance.get(profile=council["clara"])
    with pytest.raises(MeetingRefused, match="Record the chair's action on every declaration for this item first."):
        chairing.choose_acting_chair(item, attendee=clara, by=cast["manager"])


def test_an_acting_chair_who_then_leaves_the_item_must_be_replaced(senate, cast, council):
    meeting, item = _terms_item(senate, cast)
    _declare(meeting, item, council["chair"], cast)
    _declare(meeting, item, council["vice"], cast)
    clara = meeting.attendance.get(profile=council["clara"])
    chairing.choose_acting_chair(item, attendee=clara, by=cast["manager"])
    _declare(meeting, item, council["clara"], cast)
    item.refresh_from_db()
    assert chairing.chair_blocker(item) == (
        "The acting chair, Clara Clinical, cannot take part in this item: choose another."
    )


def test_choosing_an_acting_chair_is_recorded(senate, cast, council):
    meeting, item = _terms_item(senate, cast)
    _declare(meeting, item, council["chair"], cast)
    _declare(meeting, item, council["vice"], cast)
    clara = meeting.attendance.get(profile=council["clara"])
    chairing.choose_acting_chair(item, attendee=clara, by=cast["manager"])
    event = AuditEvent.objects.get(action="council.acting_chair_chosen")
    assert event.summary.endswith(f"item {item.number}: Clara Clinical chairs the item")


def test_a_vice_chair_chairing_the_meeting_chairs_its_items_as_chair_of_the_meeting(senate, cast, council):
    _meeting, item = _terms_item(senate, cast, chair=council["vice"].user)
    chair = chairing.item_chair(item)
    assert chair.attendee.name == "Vera Vice" and chair.chaired_as == "chair of the meeting"


def test_with_the_chair_available_nothing_blocks_the_chairing(senate, cast, council):
    _meeting, item = _terms_item(senate, cast)
    assert chairing.chair_blocker(item) is None


def test_a_quorum_setting_the_rules_do_not_know_is_refused(senate, cast):
    with pytest.raises(ValueError, match="Not a quorum rule: colour"):
        set_quorum_rules(senate, changes={"colour": "blue"}, by=cast["chair"])
    assert not QuorumRule.objects.filter(senate=senate).exists()


def test_a_quorum_change_records_each_setting_before_and_after(senate, cast):
    set_quorum_rules(senate, changes={"share_percent": 50}, by=cast["chair"])
    set_quorum_rules(senate, changes={"share_percent": 60, "min_ppv": 1}, by=cast["chair"])
    event = AuditEvent.objects.filter(action="council.quorum_changed").latest("sequence")
    assert event.summary == "Quorum rules changed" and event.data["changed"] == {"share_percent": [50, 60]}


def test_saving_the_quorum_rules_unchanged_is_recorded_as_unchanged(senate, cast):
    set_quorum_rules(senate, changes={"min_ppv": 1}, by=cast["chair"])
    assert AuditEvent.objects.get(action="council.quorum_changed").summary == "Quorum rules saved unchanged"


def test_the_quorum_is_read_from_the_senates_own_setting(senate, cast):
    setting = set_quorum_rules(senate, changes={"share_percent": 75, "min_members": 4}, by=cast["chair"])
    assert quorum.Rule.of(setting) == quorum.Rule(share_percent=75, min_members=4)


def test_a_senate_without_quorum_settings_has_the_default_rule():
    assert quorum.Rule.of(None) == quorum.Rule(share_percent=50, min_members=0, needs_chair=True, min_ppv=1)
