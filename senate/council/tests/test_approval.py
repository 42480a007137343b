"""Once a Senate holds Council meetings, the Council (not the Chair alone) approves."""

import pytest

from senate.council.models import QuorumRule
from senate.council.tests.factories import schedule
from senate.reviews import lifecycle


def test_scheduling_the_first_council_meeting_moves_approval_to_the_council(senate, cast, council, report):
    schedule(senate, cast)
    with pytest.raises(lifecycle.TransitionRefused, match="the Council decides this at a quorate meeting"):
        lifecycle.perform("approve_advice", report, by=cast["chair"])
    report.refresh_from_db()
    assert report.stage == "report_revised"


def test_the_request_page_says_approval_is_for_a_council_meeting(client, senate, cast, council, report):
    QuorumRule.objects.create(senate=senate)
    client.force_login(cast["chair"])
    response = client.post(f"/south-west/requests/{report.pk}/act/approve_advice/")
    assert response.status_code == 400
    assert "the Council decides this at a quorate meeting" in response.content.decode()


def test_with_the_setting_off_the_chair_approves_from_the_request_page(senate, cast, council, report):
    QuorumRule.objects.create(senate=senate, council_approves=False)
    lifecycle.perform("approve_advice", report, by=cast["chair"])
    report.refresh_from_db()
    assert report.stage == "approved"


def test_a_panel_meeting_does_not_move_approval_to_the_council(senate, cast, council, report):
    schedule(senate, cast, kind="panel")
    assert lifecycle.perform("approve_advice", report, by=cast["chair"]).stage == "approved"


def test_in_a_council_senate_advice_is_issued_only_with_a_covering_letter(senate, cast, council, report):
    QuorumRule.objects.create(senate=senate)
    report.stage = "approved"
    report.save()
    with pytest.raises(lifecycle.TransitionRefused, match="covering letter"):
        lifecycle.perform("issue", report, by=cast["manager"])
