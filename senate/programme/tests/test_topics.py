"""Senate-initiated work: a thematic review becomes a request the Senate team carries through the
lifecycle; requesters never see it; a horizon-scanning item stays on the plan until it is done."""

import pytest

from senate.core.models import AuditEvent
from senate.notifications.models import Email
from senate.programme import topics
from senate.programme.models import Topic
from senate.programme.tests.factories import thematic_topic
from senate.reviews import lifecycle
from senate.reviews.permission_names import ReviewsPermission
from senate.reviews.queries import requests_visible_to


def test_a_thematic_review_opens_an_accepted_request_with_a_reference(senate, cast, icb):
    topic = thematic_topic(senate, cast, icb)
    request = topic.request
    assert request.stage == "accepted" and request.reference.startswith("SW-")
    assert request.kind == "thematic" and request.origin == "senate"
    assert request.events.get().action == "opened_by_senate"
    assert AuditEvent.objects.filter(action="topic.opened").exists()
    assert "Priya Council" in topic.sponsor


def test_requesters_do_not_see_senate_initiated_work_but_the_council_does(senate, cast, icb):
    request = thematic_topic(senate, cast, icb).request
    assert not cast["requester"].has_perm(ReviewsPermission.VIEW_REQUEST, request)
    assert request not in requests_visible_to(cast["requester"], senate)
    assert cast["council"].has_perm(ReviewsPermission.VIEW_REQUEST, request)
    assert request in requests_visible_to(cast["council"], senate)


def test_the_manager_takes_the_requesters_steps(senate, cast, icb):
    request = thematic_topic(senate, cast, icb).request
    assert cast["manager"].has_perm(ReviewsPermission.ACT_AS_REQUESTER, request)
    assert not cast["requester"].has_perm(ReviewsPermission.ACT_AS_REQUESTER, request)


def test_no_email_goes_to_the_lead_organisations_contacts(senate, cast, icb):
    request = thematic_topic(senate, cast, icb).request
    with lifecycle.reviews_rules_only():
        lifecycle.perform("pause", request, by=cast["manager"], reason="Waiting for national data")
    assert not Email.objects.filter(to=cast["requester"].email).exists()


def test_a_topic_needs_a_sponsor_and_writes_nothing_without_one(senate, cast, icb):
    with pytest.raises(topics.TopicRefused) as refused:
        thematic_topic(senate, cast, icb, sponsor_member=None)
    assert refused.value.field == "sponsor_member"
    assert not Topic.objects.exists()


def test_horizon_scanning_has_no_request_and_is_finished_with_what_it_found(senate, cast):
    topic = topics.open_topic(
        senate=senate, kind="horizon", title="Genomic testing in the next five years", description="What is coming",
        lead_organisation=None, sponsor_member=cast["chair"], by=cast["manager"],
    )  # fmt: skip
    assert topic.request is None
    with pytest.raises(topics.TopicRefused):
        topics.finish_horizon_scan(topic, outcome=" ", by=cast["manager"])
    topics.finish_horizon_scan(topic, outcome="Three services to watch", by=cast["manager"])
    assert topic.done_at is not None


def test_the_manager_agrees_the_terms_of_work_the_senate_opened(senate, cast, icb):
    from senate.reviews import terms

    request = thematic_topic(senate, cast, icb).request
    version = terms.save_version(request, values=terms.draft_from_request(request), by=cast["manager"])
    terms.share(version, by=cast["manager"])
    lifecycle.perform("draft_terms", request, by=cast["manager"])
    with pytest.raises(lifecycle.TransitionRefused):
        lifecycle.perform("agree_terms", request, by=cast["requester"])
    request = lifecycle.perform("agree_terms", request, by=cast["manager"])
    assert request.stage == "tor_agreed"


def test_search_finds_senate_initiated_work_for_the_council_not_for_requesters(
    client, senate, cast, icb, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        thematic_topic(senate, cast, icb, title="Zanzibarine frailty pathways")
    client.force_login(cast["council"])
    assert "Zanzibarine" in client.get("/search/", {"q": "Zanzibarine"}).content.decode().split('id="results"')[-1]
    client.force_login(cast["requester"])
    page = client.get("/search/", {"q": "Zanzibarine"}).content.decode()
    assert 'id="results"' not in page or "Zanzibarine" not in page.split('id="results"')[1]
