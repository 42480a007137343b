"""Dates at the Council make sense (issue 14, item 6): minutes are approved only at a later meeting
already held and published on or after that day; the Council decides only on a version (of the report
or the terms) that existed at its meeting; permission to publish is not dated before the advice was
issued, nor in the future; a meeting dated in the past is scheduled only when confirmed as held."""

import datetime as dt

import pytest

from senate.council import declarations, publication
from senate.council.decisions import blockers, decide_item
from senate.council.forms import PermissionForm
from senate.council.meetings import MeetingRefused, add_item
from senate.council.minutes import approve_minutes, draft_minutes, publish_minutes
from senate.council.models import Meeting, MeetingDeclaration
from senate.council.tests.factories import TODAY, latest, ready_item, report_request, schedule
from senate.reports.models import ReportDraft
from senate.reviews import terms
from senate.reviews.models import TermsOfReference
from senate.reviews.tests.factories import RequestFactory


def _date(prefix: str, day: dt.date) -> dict[str, str]:
    return {f"{prefix}[day]": str(day.day), f"{prefix}[month]": str(day.month), f"{prefix}[year]": str(day.year)}


def test_minutes_cannot_be_approved_at_a_meeting_not_yet_held(client, senate, cast, council):
    held = schedule(senate, cast, date=TODAY - dt.timedelta(days=20))
    upcoming = schedule(senate, cast, date=TODAY + dt.timedelta(days=10))
    minutes = draft_minutes(held, by=cast["manager"])
    with pytest.raises(MeetingRefused, match="has not been held yet"):
        approve_minutes(minutes, at_meeting=upcoming, by=cast["manager"])
    client.force_login(cast["manager"])
    page = client.get(f"/south-west/council/{held.pk}/minutes/").content.decode()
    assert str(upcoming) not in page and "once it has been held" in page
    client.post(f"/south-west/council/{held.pk}/minutes/approve/", {"at_meeting": upcoming.pk})
    minutes.refresh_from_db()
    assert minutes.status == "draft"


def test_minutes_are_published_neither_before_their_approval_nor_in_the_future(senate, cast, council):
    first = schedule(senate, cast, date=TODAY - dt.timedelta(days=60))
    second = schedule(senate, cast, date=TODAY - dt.timedelta(days=5))
    minutes = approve_minutes(draft_minutes(first, by=cast["manager"]), at_meeting=second, by=cast["manager"])
    with pytest.raises(MeetingRefused, match="cannot be published before then"):
        publish_minutes(minutes, by=cast["manager"], on=second.date - dt.timedelta(days=1))
    with pytest.raises(MeetingRefused, match="still to come"):
        publish_minutes(minutes, by=cast["manager"], on=TODAY + dt.timedelta(days=1))
    assert publish_minutes(minutes, by=cast["manager"], on=second.date).published_on == second.date


def test_the_council_cannot_have_ratified_a_version_written_after_its_meeting(senate, cast, council, report):
    meeting, item = ready_item(senate, cast, report)
    Meeting.objects.filter(pk=meeting.pk).update(date=TODAY - dt.timedelta(days=3))
    meeting.refresh_from_db()
    declarations.start_meeting(meeting, by=cast["manager"])
    for d in MeetingDeclaration.objects.filter(item=item):
        declarations.record_action(d, action="leaves", by=cast["chair"])
    version = latest(report)  # written today, three days after the meeting
    with pytest.raises(MeetingRefused, match="after the Council meeting on"):
        decide_item(item, by=cast["manager"], outcome="approved", changes="", method="consensus", version=version)
    ReportDraft.objects.filter(pk=version.pk).update(created_at=version.created_at - dt.timedelta(days=5))
    decide_item(item, by=cast["manager"], outcome="approved", changes="", method="consensus", version=latest(report))


def test_terms_written_after_the_meeting_cannot_be_approved_at_it(senate, cast, council):
    request = RequestFactory(created_by=cast["requester"], stage="tor_agreed")
    version = terms.save_version(request, values=terms.draft_from_request(request), by=cast["manager"])
    TermsOfReference.objects.filter(pk=version.pk).update(status="agreed")
    meeting = schedule(senate, cast, date=TODAY - dt.timedelta(days=2))
    item = add_item(meeting=meeting, kind="approve_terms", title="", request=request, by=cast["manager"])
    declarations.start_meeting(meeting, by=cast["manager"])
    assert any(f"v{version.version} were written on" in b for b in blockers(item))
    with pytest.raises(MeetingRefused, match="put them to a later meeting"):
        decide_item(item, by=cast["manager"], outcome="approved", changes="", method="consensus")


def test_permission_to_publish_is_not_dated_before_issue_or_in_the_future(senate, cast, council):
    request = report_request(cast)
    issued = TODAY
    base = {"given_by": "Jo Requester"}
    before = PermissionForm(
        base | _date("given_on", TODAY - dt.timedelta(days=1)) | {"given_before_today": "on"}, issued_on=issued
    )
    assert before.errors["given_on"] == [
        f"The advice was issued on {issued:%-d %B %Y}: permission to publish it cannot be dated before then"
    ]
    future = PermissionForm(base | _date("given_on", TODAY + dt.timedelta(days=1)), issued_on=issued)
    assert future.errors["given_on"] == ["The date permission was given must be today or in the past"]
    early = PermissionForm(
        base | _date("given_on", TODAY) | _date("publish_from", TODAY - dt.timedelta(days=1)), issued_on=issued
    )
    assert early.errors["publish_from"] == ["The agreed publication date cannot be before permission was given"]
    assert PermissionForm(base | _date("given_on", TODAY), issued_on=issued).is_valid()
    # A date in the past that the advice allows needs confirming, not silent acceptance.
    last_week = TODAY - dt.timedelta(days=7)
    unconfirmed = PermissionForm(base | _date("given_on", last_week), issued_on=last_week - dt.timedelta(days=7))
    assert unconfirmed.errors["given_on"] == [
        "The date permission was given is in the past: correct it, or tick to confirm permission was given before today"
    ]
    confirmed = PermissionForm(
        base | _date("given_on", last_week) | {"given_before_today": "on"}, issued_on=last_week - dt.timedelta(days=7)
    )
    assert confirmed.is_valid() and "given_before_today" not in confirmed.cleaned_data
    request.stage = "issued"
    request.save()
    publication.AdviceIssue.objects.create(request=request, covering_letter="Advice", issued_by=cast["manager"])
    with pytest.raises(MeetingRefused, match="cannot be dated before then"):
        publication.give_permission(
            request,
            given_on=TODAY - dt.timedelta(days=1),
            publish_from=None,
            redactions="",
            given_by="Jo",
            by=cast["manager"],
        )


def test_a_meeting_dated_in_the_past_needs_confirming_as_held(client, senate, cast, council):
    client.force_login(cast["manager"])
    data = {"kind": "council", "place": "Exeter", **_date("date", TODAY - dt.timedelta(days=7))}
    page = client.post("/south-west/council/new/", data).content.decode()
    assert "The date of the meeting is in the past: correct it, or tick to confirm" in page
    assert not Meeting.objects.exists()
    client.post("/south-west/council/new/", data | {"held_already": "on"})
    assert Meeting.objects.get().date == TODAY - dt.timedelta(days=7)


def test_a_follow_up_letter_is_not_dated_before_the_advice_was_issued(senate, cast, council):
    request = report_request(cast)
    with pytest.raises(MeetingRefused, match="issue the advice first"):
        publication.record_follow_up_letter(request, sent_on=TODAY, text="Any news?", by=cast["manager"])
    request.stage = "issued"
    request.save()
    publication.AdviceIssue.objects.create(request=request, covering_letter="Advice", issued_by=cast["manager"])
    with pytest.raises(MeetingRefused, match="cannot be dated before then"):
        publication.record_follow_up_letter(
            request, sent_on=TODAY - dt.timedelta(days=1), text="Any news?", by=cast["manager"]
        )
    assert not request.follow_up_letters.exists()
    letter = publication.record_follow_up_letter(request, sent_on=TODAY, text="Any news?", by=cast["manager"])
    assert list(request.follow_up_letters.all()) == [letter]
