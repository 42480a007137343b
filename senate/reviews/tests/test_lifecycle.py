import pytest

from senate.reviews import lifecycle, terms
from senate.reviews.models import RequestEvent
from senate.reviews.tests.conftest import walk
from senate.reviews.tests.factories import RequestFactory

FORMAL_TO_APPROVED_TERMS = ["accept", "draft_terms", "agree_terms", "approve_terms"]


def _with_shared_terms(request, cast):
    version = terms.save_version(request, values=terms.draft_from_request(request), by=cast["manager"])
    terms.share(version, by=cast["manager"])
    return request


def test_accepting_writes_the_timeline_with_who_when_and_why(received, cast):
    request = walk(received, "accept", cast=cast, reason="Within our terms of reference")
    event = RequestEvent.objects.get(request=request, action="accept")
    assert (event.from_stage, event.to_stage, event.by, event.reason) == (
        "received",
        "accepted",
        cast["manager"],
        "Within our terms of reference",
    )


@pytest.mark.parametrize("who", ["requester", "assembly", "council", "assurance", "chair", "other_manager", "no_role"])
def test_only_the_senate_manager_triages(received, cast, who):
    with pytest.raises(lifecycle.TransitionRefused, match="You do not have a role"):
        lifecycle.perform("accept", received, by=cast[who])
    received.refresh_from_db()
    assert received.stage == "received" and not received.events.exists()


def test_terms_cannot_be_drafted_before_any_exist(received, cast):
    request = walk(received, "accept", cast=cast)
    with pytest.raises(lifecycle.TransitionRefused, match="Draft the terms of reference first"):
        lifecycle.perform("draft_terms", request, by=cast["manager"])


def test_requester_cannot_agree_terms_that_were_not_shared(received, cast):
    request = walk(received, "accept", cast=cast)
    terms.save_version(request, values=terms.draft_from_request(request), by=cast["manager"])
    request = walk(request, "draft_terms", cast=cast)
    with pytest.raises(lifecycle.TransitionRefused, match="Share the latest terms of reference"):
        lifecycle.perform("agree_terms", request, by=cast["requester"])


def test_only_the_chair_approves_terms_and_the_route_is_recorded(received, cast):
    request = _with_shared_terms(walk(received, "accept", cast=cast), cast)
    request = walk(request, "draft_terms", "agree_terms", cast=cast)
    with pytest.raises(lifecycle.TransitionRefused):
        lifecycle.perform("approve_terms", request, by=cast["manager"])
    request = walk(request, "approve_terms", cast=cast)
    approved = terms.current(request)
    assert approved.status == "approved" and approved.approved_by == cast["chair"]
    assert approved.agreed_by == cast["requester"]
    assert "Senate Chair" in approved.approval_route


def test_no_panel_before_approved_terms(received, cast):
    request = walk(received, "accept", cast=cast)
    with pytest.raises(lifecycle.TransitionRefused, match="cannot be done while the request is ‘Accepted’"):
        lifecycle.perform("record_panel_recruited", request, by=cast["manager"])


def test_no_issue_before_approval(received, cast):
    request = _with_shared_terms(walk(received, "accept", cast=cast), cast)
    request = walk(
        request,
        "draft_terms",
        "agree_terms",
        "approve_terms",
        "record_panel_recruited",
        "record_evidence_received",
        "start_desktop_review",
        "record_panel_meeting",
        "record_draft_report",
        "send_for_factual_accuracy",
        "record_report_revised",
        cast=cast,
    )
    with pytest.raises(lifecycle.TransitionRefused, match="cannot be done while the request is ‘Report revised"):
        lifecycle.perform("issue", request, by=cast["manager"])
    with pytest.raises(lifecycle.TransitionRefused, match="You do not have a role"):
        lifecycle.perform("approve_advice", request, by=cast["manager"])
    request = walk(request, "approve_advice", "issue", cast=cast)
    assert request.stage == "issued"


def test_a_non_commissioner_needs_a_sponsor_before_acceptance(cast, senate):
    from senate.organisations.models import Organisation

    trust = Organisation.objects.create(code="RTEST", name="Test Hospitals NHS Trust", type="trust")
    request = RequestFactory(requesting_organisation=trust, created_by=cast["requester"])
    with pytest.raises(lifecycle.TransitionRefused, match="needs a sponsoring commissioner"):
        lifecycle.perform("accept", request, by=cast["manager"])
    icb = Organisation.objects.get(code="QJK")
    accepted = lifecycle.perform("accept", request, by=cast["manager"], changes={"sponsor_organisation": icb})
    assert accepted.stage == "accepted"


def test_the_sponsor_rule_is_a_setting(cast, senate):
    from senate.organisations.models import Organisation

    senate.requires_commissioner_sponsor = False
    senate.save()
    trust = Organisation.objects.create(code="RTEST", name="Test Hospitals NHS Trust", type="trust")
    request = RequestFactory(requesting_organisation=trust, created_by=cast["requester"])
    assert lifecycle.perform("accept", request, by=cast["manager"]).stage == "accepted"


def test_declining_and_redirecting_need_a_reason(received, cast):
    for name in ("decline", "redirect", "ask_for_information"):
        with pytest.raises(lifecycle.TransitionRefused, match="Give a reason"):
            lifecycle.perform(name, received, by=cast["manager"], reason="  ")


def test_pause_and_resume_return_to_the_same_stage(received, cast):
    request = walk(received, "accept", "pause", cast=cast, reason="Covid pause")
    assert request.stage == "paused" and request.stage_before_pause == "accepted"
    request = walk(request, "resume", cast=cast)
    assert request.stage == "accepted" and request.stage_before_pause == ""


def test_the_requester_may_withdraw(received, cast):
    request = lifecycle.perform("withdraw", received, by=cast["requester"], reason="Programme stopped")
    assert request.stage == "withdrawn"
    with pytest.raises(lifecycle.TransitionRefused):
        lifecycle.perform("accept", request, by=cast["manager"])


def test_early_advice_takes_the_short_path_to_a_letter(cast):
    request = RequestFactory(kind="early_advice", created_by=cast["requester"])
    request = walk(request, "accept", cast=cast)
    with pytest.raises(lifecycle.TransitionRefused, match="ends in a letter"):
        terms.save_version(request, values=terms.draft_from_request(request), by=cast["manager"])
        lifecycle.perform("draft_terms", request, by=cast["manager"])
    request = walk(request, "record_advice_drafted", "approve_advice", "issue", "close", cast=cast)
    assert request.stage == "closed"


def test_formal_review_cannot_take_the_short_path(received, cast):
    request = walk(received, "accept", cast=cast)
    with pytest.raises(lifecycle.TransitionRefused, match="needs terms of reference and a report"):
        lifecycle.perform("record_advice_drafted", request, by=cast["manager"])


def test_early_advice_can_come_back_on_the_same_programme(cast):
    from senate.reviews.models import Programme

    first = walk(RequestFactory(kind="early_advice", created_by=cast["requester"]), "accept", cast=cast)
    programme = Programme.objects.create(
        senate=first.senate, title="Devon stroke", lead_organisation=first.requesting_organisation
    )
    second = RequestFactory(kind="early_advice", created_by=cast["requester"], programme=programme)
    first.programme = programme
    first.save()
    assert set(programme.requests.all()) == {first, second}
