"""Recommendations, responses, follow-up and terms of reference are refused at the wrong moment."""

import datetime as dt

import pytest

from senate.core.models import AuditEvent
from senate.reviews import follow_up, terms
from senate.reviews.models import Recommendation, TermsOfReference
from senate.reviews.tests.factories import RequestFactory

TODAY = dt.date.today()


def _recommendation(cast, stage):
    request = RequestFactory(created_by=cast["requester"], stage=stage)
    return Recommendation.objects.create(request=request, number=1, text="Publish travel times.")


def test_recommendations_are_numbered_in_the_order_they_are_added(cast):
    request = RequestFactory(created_by=cast["requester"], stage="draft_report")
    first = follow_up.add_recommendation(request, text="A", theme="", addressee="", priority="high", by=cast["manager"])
    second = follow_up.add_recommendation(request, text="B", theme="", addressee="", priority="low", by=cast["manager"])
    assert (first.number, second.number) == (1, 2)
    assert AuditEvent.objects.filter(action="recommendation.added").count() == 2


def test_no_recommendation_is_added_once_the_advice_is_approved(cast):
    request = RequestFactory(created_by=cast["requester"], stage="approved")
    with pytest.raises(ValueError, match="not after it is approved"):
        follow_up.add_recommendation(request, text="Late", theme="", addressee="", priority="high", by=cast["manager"])
    assert not request.recommendations.exists()


def test_a_response_waits_until_the_advice_is_issued(cast):
    rec = _recommendation(cast, "approved")
    with pytest.raises(ValueError, match="Responses are recorded once the advice has been issued."):
        follow_up.respond(rec, decision="accepted", narrative="Yes", planned_date=None, by=cast["requester"])


def test_follow_up_waits_for_the_requesters_response(cast):
    request = RequestFactory(created_by=cast["requester"], stage="issued")
    with pytest.raises(ValueError, match="Follow-up is recorded after the requester has responded."):
        follow_up.record_follow_up(request, note="Chased", recommendation=None, by=cast["manager"])


def test_implementation_waits_for_the_requesters_response(cast):
    rec = _recommendation(cast, "issued")
    with pytest.raises(ValueError, match="once the requester has responded"):
        follow_up.record_implementation(rec, status="done", on=TODAY, evidence="x", by=cast["manager"], today=TODAY)


def test_implementation_of_an_unknown_status_is_refused_at_the_status_field(cast):
    rec = _recommendation(cast, "follow_up")
    with pytest.raises(follow_up.Refused, match="Select where implementation stands") as refused:
        follow_up.record_implementation(rec, status="nearly", on=TODAY, evidence="x", by=cast["manager"], today=TODAY)
    assert refused.value.field == "status"


def test_approved_terms_of_reference_cannot_be_changed(cast):
    request = RequestFactory(created_by=cast["requester"], stage="tor_approved")
    version = terms.save_version(request, values=terms.draft_from_request(request), by=cast["manager"])
    TermsOfReference.objects.filter(pk=version.pk).update(status=TermsOfReference.Status.APPROVED)
    with pytest.raises(ValueError, match="Approved terms of reference cannot be changed."):
        terms.save_version(request, values={"scope": "Wider"}, by=cast["manager"])


def test_each_save_of_the_terms_is_a_new_version_and_the_last_is_superseded(cast):
    request = RequestFactory(created_by=cast["requester"], stage="accepted")
    first = terms.save_version(request, values={"scope": "First"}, by=cast["manager"])
    second = terms.save_version(request, values={"scope": "Second"}, by=cast["manager"])
    first.refresh_from_db()
    assert second.version == 2 and first.status == TermsOfReference.Status.SUPERSEDED
    assert terms.current(request) == second


def test_an_empty_comment_on_the_terms_is_refused(cast):
    request = RequestFactory(created_by=cast["requester"], stage="tor_drafted")
    version = terms.save_version(request, values={"scope": "Scope"}, by=cast["manager"])
    with pytest.raises(ValueError, match="Enter a comment"):
        terms.add_comment(version, text="   ", by=cast["requester"])


def test_a_comment_on_the_terms_is_kept_without_surrounding_space(cast):
    request = RequestFactory(created_by=cast["requester"], stage="tor_drafted")
    version = terms.save_version(request, values={"scope": "Scope"}, by=cast["manager"])
    assert terms.add_comment(version, text="  Add workforce.  ", by=cast["requester"]).text == "Add workforce."


def test_the_first_draft_of_the_terms_plans_site_visits_only_for_a_formal_review(cast):
    formal = RequestFactory(created_by=cast["requester"], kind="formal_review")
    early = RequestFactory(created_by=cast["requester"], kind="early_advice")
    assert terms.draft_from_request(formal)["site_visits"] is True
    assert terms.draft_from_request(early)["site_visits"] is False


def test_the_first_draft_of_the_terms_names_the_requesting_organisation_and_its_questions(cast):
    request = RequestFactory(created_by=cast["requester"], title="Stroke services", questions="Is it safe?")
    drafted = terms.draft_from_request(request)
    assert "Stroke services" in drafted["scope"] and request.requesting_organisation.name in drafted["scope"]
    assert drafted["questions"] == "Is it safe?"


def test_sharing_the_terms_emails_the_requester_to_read_them(cast):
    from senate.notifications.models import Email

    request = RequestFactory(created_by=cast["requester"], stage="tor_drafted")
    version = terms.save_version(request, values={"scope": "Scope"}, by=cast["manager"])
    terms.share(version, by=cast["manager"])
    email = Email.objects.get(kind="terms.shared")
    assert email.to == cast["requester"].email and "terms of reference v1 to read" in email.subject
