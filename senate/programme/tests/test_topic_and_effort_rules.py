"""Opening work the Senate starts itself, finishing horizon scanning, and recording support-team time."""

import datetime as dt

import pytest

from senate.core.models import AuditEvent
from senate.programme import effort, topics
from senate.programme.tests.factories import thematic_topic
from senate.reviews.models import AdviceKind
from senate.reviews.tests.factories import RequestFactory


def test_leadership_work_opens_a_request_of_another_kind(senate, cast, icb):
    topic = thematic_topic(senate, cast, icb, kind="leadership")
    assert topic.request.kind == AdviceKind.OTHER
    assert topic.request.requesting_organisation == icb


def test_thematic_work_needs_the_organisation_it_looks_at(senate, cast):
    with pytest.raises(topics.TopicRefused, match="Choose the organisation") as refused:
        thematic_topic(senate, cast, None)
    assert refused.value.field == "lead_organisation"


def test_horizon_scanning_needs_no_lead_organisation(senate, cast):
    topic = thematic_topic(senate, cast, None, kind="horizon")
    assert topic.request is None


def test_an_organisation_may_sponsor_without_a_council_member(senate, cast, icb):
    topic = thematic_topic(senate, cast, icb, sponsor_member=None, sponsor_organisation=icb)
    assert topic.sponsor == str(icb)
    assert AuditEvent.objects.get(action="topic.opened").data["sponsor"] == str(icb)


def test_a_member_and_an_organisation_sponsor_together(senate, cast, icb):
    topic = thematic_topic(senate, cast, icb, sponsor_organisation=icb)
    assert topic.sponsor == f"Priya Council and {icb}"


def test_a_thematic_review_is_not_finished_as_horizon_scanning(senate, cast, icb):
    topic = thematic_topic(senate, cast, icb)
    with pytest.raises(topics.TopicRefused, match="follow their request"):
        topics.finish_horizon_scan(topic, outcome="Done", by=cast["manager"])


def test_horizon_scanning_is_finished_only_with_what_it_found(senate, cast):
    topic = thematic_topic(senate, cast, None, kind="horizon")
    with pytest.raises(topics.TopicRefused, match="Say what the horizon scanning found"):
        topics.finish_horizon_scan(topic, outcome="  ", by=cast["manager"])
    assert topic.done_at is None


def test_time_for_a_day_still_to_come_is_refused(senate, cast):
    with pytest.raises(effort.EffortRefused) as refused:
        effort.record_effort(RequestFactory(), minutes=30, activity="triage", by=cast["manager"], note="",
                             on=dt.date.today() + dt.timedelta(days=1))  # fmt: skip
    assert refused.value.field == "on"


def test_time_against_an_unknown_activity_is_refused(senate, cast):
    with pytest.raises(effort.EffortRefused) as refused:
        effort.record_effort(RequestFactory(), minutes=30, activity="golf", by=cast["manager"], note="",
                             on=dt.date.today())  # fmt: skip
    assert refused.value.field == "activity"


@pytest.mark.parametrize("minutes", [0, 24 * 60 + 1])
def test_time_outside_one_minute_to_a_whole_day_is_refused(senate, cast, minutes):
    with pytest.raises(effort.EffortRefused, match="from 1 to 1440"):
        effort.record_effort(RequestFactory(), minutes=minutes, activity="triage", by=cast["manager"], note="",
                             on=dt.date.today())  # fmt: skip


def test_recorded_time_is_in_the_requests_trail(senate, cast):
    request = RequestFactory()
    effort.record_effort(request, minutes=45, activity="triage", by=cast["manager"], note="", on=dt.date.today())
    event = AuditEvent.objects.get(action="request.effort_recorded")
    assert event.summary.startswith(f"{request.reference}: 45 minutes on triage and scoping")
