import pytest
from django.test import override_settings

from senate.reports import assessment, framework
from senate.reports.models import Criterion
from senate.reports.tests.factories import criteria, judged, request_at
from senate.reviews import terms


def test_the_national_framework_is_loaded_with_every_test_and_bed_condition(db, senate):
    titles = [c.title for c in framework.available(senate)]
    assert "Test 3: a clear, clinical evidence base" in titles
    assert sum(t.startswith("Bed test (") for t in titles) == 3
    for words in ("health inequalities", "net zero", "Interdependencies", "Workforce", "Quality and safety"):
        assert any(words in t for t in titles), words
    assert Criterion.objects.filter(senate=None, framework="london_mayor", optional=True).count() == 6


def test_a_senate_adds_its_own_criterion_seen_only_in_that_senate(cast, senate, other_senate):
    framework.add_senate_criterion(senate, title="Travel times in rural Devon", description="", by=cast["manager"])
    assert framework.available(senate).filter(title="Travel times in rural Devon").exists()
    assert not framework.available(other_senate).filter(title="Travel times in rural Devon").exists()
    with pytest.raises(ValueError, match="already has"):
        framework.add_senate_criterion(senate, title="Travel times in rural Devon", description="", by=cast["manager"])


def test_the_framework_page_lets_the_team_add_a_criterion_and_shows_errors_by_the_field(client, cast):
    client.force_login(cast["manager"])
    response = client.post("/south-west/reports/framework/", {"title": ""})
    assert "Enter a title" in response.content.decode()
    client.post("/south-west/reports/framework/", {"title": "Seven-day services", "description": "Cover."})
    assert "Seven-day services" in client.get("/south-west/reports/framework/").content.decode()
    client.force_login(cast["assembly"])
    assert client.post("/south-west/reports/framework/", {"title": "Mine"}).status_code == 403


def test_picking_criteria_puts_them_in_a_new_version_of_draft_terms(cast):
    request = request_at("tor_drafted", by=cast["requester"])
    first = terms.save_version(request, values=terms.draft_from_request(request), by=cast["manager"])
    criteria(request, "test-3-evidence", "bed-test", by=cast["manager"])
    current = terms.current(request)
    assert current.version == first.version + 1
    assert current.criteria.splitlines() == [
        "Test 3: a clear, clinical evidence base",
        "Test 5: the bed test (patient care test)",
    ]
    assert current.scope == first.scope


def test_approved_terms_are_left_alone(cast):
    request = request_at("tor_approved", by=cast["requester"])
    made = terms.save_version(request, values=terms.draft_from_request(request), by=cast["manager"])
    made.status = "approved"
    made.save()
    criteria(request, by=cast["manager"])
    assert terms.current(request).pk == made.pk


def test_a_judged_criterion_cannot_be_dropped(cast, review):
    picked = criteria(review, by=cast["manager"])
    judged(review, picked[0], by=cast["manager"], narrative="Clear.")
    with pytest.raises(ValueError, match="already judged"):
        assessment.pick_criteria(review, criteria=picked[1:], by=cast["manager"])


@override_settings(REPORTS_JUDGEMENT_SCALE=[("yes", "Yes"), ("no", "No")])
def test_the_judgement_scale_is_a_setting(cast, review):
    picked = criteria(review, by=cast["manager"])
    with pytest.raises(ValueError, match="Select a judgement"):
        judged(review, picked[0], by=cast["manager"], outcome="supported", narrative="x")
    made = judged(review, picked[0], by=cast["manager"], outcome="yes", narrative="x")
    assert framework.outcome_label(made.outcome) == "Yes"
