"""Minutes, permission to publish and follow-up letters are refused when their dates or order make no
sense, and the minutes drafted from an empty record say so."""

import datetime as dt

import pytest
from django.utils import timezone

from senate.council import publication
from senate.council.meetings import MeetingRefused
from senate.council.minutes import approve_minutes, draft_minutes, publish_minutes, record_text
from senate.council.models import AdviceIssue, Meeting
from senate.council.tests.factories import TODAY, published_request, schedule


def _minutes_of_a_held_meeting(senate, cast, *, days_ago=60):
    meeting = schedule(senate, cast, date=TODAY - dt.timedelta(days=days_ago))
    return draft_minutes(meeting, by=cast["manager"])


def test_minutes_of_a_meeting_with_nothing_recorded_say_so(senate, cast, council):
    text = record_text(schedule(senate, cast, present=False))
    assert "No interests were declared." in text and "No actions." in text
    assert "Present: none" in text and "In attendance (observers): none" in text


def test_minutes_name_where_and_who_chaired(senate, cast, council):
    text = record_text(schedule(senate, cast, place="Exeter Castle"))
    assert "Where: Exeter Castle" in text and f"Chair: {cast['chair'].full_name}" in text


def test_minutes_are_approved_only_once(senate, cast, council):
    minutes = _minutes_of_a_held_meeting(senate, cast)
    later = schedule(senate, cast, date=TODAY - dt.timedelta(days=1))
    approve_minutes(minutes, at_meeting=later, by=cast["manager"])
    with pytest.raises(MeetingRefused, match="These minutes are already approved."):
        approve_minutes(minutes, at_meeting=later, by=cast["manager"])


def test_minutes_are_not_approved_at_a_meeting_still_to_be_held(senate, cast, council):
    minutes = _minutes_of_a_held_meeting(senate, cast)
    upcoming = schedule(senate, cast, date=TODAY + dt.timedelta(days=10))
    with pytest.raises(MeetingRefused, match="has not been held yet"):
        approve_minutes(minutes, at_meeting=upcoming, by=cast["manager"])


def test_minutes_are_approved_by_the_same_body_not_another_kind_of_meeting(senate, cast, council):
    minutes = _minutes_of_a_held_meeting(senate, cast)
    later = schedule(senate, cast, date=TODAY - dt.timedelta(days=1))
    Meeting.objects.filter(pk=later.pk).update(kind="panel")
    later.refresh_from_db()
    with pytest.raises(MeetingRefused, match="later meeting of the same body"):
        approve_minutes(minutes, at_meeting=later, by=cast["manager"])


def test_approved_minutes_are_not_published_before_the_day_they_were_approved(senate, cast, council):
    minutes = _minutes_of_a_held_meeting(senate, cast)
    later = schedule(senate, cast, date=TODAY - dt.timedelta(days=5))
    approve_minutes(minutes, at_meeting=later, by=cast["manager"])
    with pytest.raises(MeetingRefused, match="they cannot be published before then"):
        publish_minutes(minutes, by=cast["manager"], on=TODAY - dt.timedelta(days=6))


def test_minutes_are_not_published_on_a_day_still_to_come(senate, cast, council):
    minutes = _minutes_of_a_held_meeting(senate, cast)
    approve_minutes(minutes, at_meeting=schedule(senate, cast, date=TODAY), by=cast["manager"])
    with pytest.raises(MeetingRefused, match="is still to come"):
        publish_minutes(minutes, by=cast["manager"], on=TODAY + dt.timedelta(days=1))


def _issued_days_ago(cast, days):
    request = published_request(cast)
    AdviceIssue.objects.create(request=request, covering_letter="Our advice", issued_by=cast["manager"])
    AdviceIssue.objects.filter(request=request).update(issued_at=timezone.now() - dt.timedelta(days=days))
    return request


def test_permission_to_publish_cannot_be_dated_before_the_advice_was_issued(cast):
    request = _issued_days_ago(cast, 3)
    with pytest.raises(MeetingRefused, match="permission cannot be dated before then"):
        publication.give_permission(
            request,
            given_on=TODAY - dt.timedelta(days=4),
            publish_from=None,
            redactions="",
            given_by="Jo Requester",
            by=cast["requester"],
        )


def test_a_follow_up_letter_needs_the_advice_issued_first(cast):
    request = published_request(cast)
    with pytest.raises(MeetingRefused, match="A follow-up letter follows the advice: issue the advice first."):
        publication.record_follow_up_letter(request, sent_on=TODAY, text="How are you getting on?", by=cast["manager"])


def test_a_follow_up_letter_cannot_be_dated_before_the_advice(cast):
    request = _issued_days_ago(cast, 3)
    with pytest.raises(MeetingRefused, match="a letter following it up cannot be dated before then"):
        publication.record_follow_up_letter(
            request, sent_on=TODAY - dt.timedelta(days=10), text="Follow-up", by=cast["manager"]
        )


def test_advice_permitted_from_a_later_date_is_not_public_until_then(cast):
    request = published_request(cast)
    request.publication_permission.publish_from = TODAY + dt.timedelta(days=5)
    request.publication_permission.save()
    assert not publication.is_public(request, today=TODAY)
    assert publication.is_public(request, today=TODAY + dt.timedelta(days=5))


def test_advice_not_yet_public_cannot_be_recorded_as_published(cast):
    request = published_request(cast)
    request.publication_permission.delete()
    request.refresh_from_db()
    with pytest.raises(MeetingRefused, match="The advice is not yet public"):
        publication.record_publication(request, by=cast["manager"], today=TODAY)


def test_redaction_ignores_capitals_and_keeps_the_rest_of_the_text():
    assert publication.redact("Torbay and TORBAY hospital", ["torbay"]) == "[redacted] and [redacted] hospital"


def test_a_blank_redaction_phrase_removes_nothing():
    assert publication.redact("Torbay hospital", ["", "Exeter"]) == "Torbay hospital"
