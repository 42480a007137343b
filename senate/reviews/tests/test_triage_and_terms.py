"""Triage on its page, and terms of reference as versions with comments, shared, agreed and approved."""

import pytest

from senate.organisations.models import Organisation
from senate.reviews.models import Programme, TermsOfReference
from senate.reviews.tests.conftest import walk

BASE = "/south-west/requests"


@pytest.mark.parametrize("decision", ["ask_for_information", "redirect", "decline"])
def test_triage_without_a_reason_is_refused_at_the_reason_field(client, cast, received, decision):
    client.force_login(cast["manager"])
    data = {"decision": decision, "redirected_to": "South West Cardiac Network"}
    page = client.post(f"{BASE}/{received.pk}/triage/", data).content.decode()
    assert "Give the reason the requester will see" in page
    received.refresh_from_db()
    assert received.stage == "received"


def test_the_requester_sees_which_partner_their_request_was_redirected_to(client, cast, received):
    network = Organisation.objects.create(name="SW Cardiac Network", type="clinical_network")
    client.force_login(cast["manager"])
    data = {
        "decision": "redirect",
        "reason": "The cardiac network advises on this.",
        "redirected_to_organisation": network.pk,
    }
    assert client.post(f"{BASE}/{received.pk}/triage/", data).status_code == 302
    client.force_login(cast["requester"])
    page = client.get(f"{BASE}/{received.pk}/").content.decode()
    assert "The cardiac network advises on this." in page and "SW Cardiac Network" in page


def test_a_redirect_must_name_a_partner_organisation(client, cast, received):
    client.force_login(cast["manager"])
    data = {
        "decision": "redirect",
        "reason": "Elsewhere.",
        "redirected_to_organisation": received.requesting_organisation_id,
    }
    page = client.post(f"{BASE}/{received.pk}/triage/", data).content.decode()
    assert "Select a valid choice" in page or "Choose the partner" in page
    received.refresh_from_db()
    assert received.stage == "received"


def test_a_redirect_recorded_in_free_text_before_partners_is_still_shown(client, cast, received):
    received.stage, received.triage_reason, received.redirected_to = "redirected", "Elsewhere.", "Old Network"
    received.save()
    client.force_login(cast["requester"])
    assert "Old Network" in client.get(f"{BASE}/{received.pk}/").content.decode()


def test_accepting_into_a_new_programme_puts_the_request_on_the_programme_page(client, cast, received):
    client.force_login(cast["manager"])
    data = {"decision": "accept", "new_programme": "Stroke services in Devon"}
    client.post(f"{BASE}/{received.pk}/triage/", data)
    programme = Programme.objects.get(title="Stroke services in Devon")
    received.refresh_from_db()
    assert received.stage == "accepted" and received.programme == programme
    client.force_login(cast["requester"])
    page = client.get(f"{BASE}/programmes/{programme.pk}/").content.decode()
    assert received.reference in page and "Accepted" in page


def test_saving_terms_again_keeps_the_old_version(client, cast, received):
    walk(received, "accept", cast=cast)
    client.force_login(cast["manager"])
    form = {"scope": "Stroke units in Devon", "questions": "Is it safe?", "desktop_review": "on", "panel_day": "on"}
    client.post(f"{BASE}/{received.pk}/terms/edit/", form)
    client.post(f"{BASE}/{received.pk}/terms/edit/", form | {"scope": "Stroke units in Devon and Torbay"})
    versions = list(received.terms.order_by("version").values_list("version", "status", "scope"))
    assert versions == [(1, "superseded", "Stroke units in Devon"), (2, "draft", "Stroke units in Devon and Torbay")]


def test_the_requester_comments_agrees_and_the_chair_approves(client, cast, received):
    walk(received, "accept", cast=cast)
    client.force_login(cast["manager"])
    client.post(f"{BASE}/{received.pk}/terms/edit/", {"scope": "Stroke units", "questions": "Is it safe?"})
    client.post(f"{BASE}/{received.pk}/act/draft_terms/")
    client.post(f"{BASE}/{received.pk}/terms/share/")
    client.force_login(cast["requester"])
    client.post(f"{BASE}/{received.pk}/terms/", {"text": "Please add the ambulance service."})
    assert "Please add the ambulance service." in client.get(f"{BASE}/{received.pk}/terms/").content.decode()
    client.post(f"{BASE}/{received.pk}/act/agree_terms/")
    client.force_login(cast["chair"])
    client.post(f"{BASE}/{received.pk}/act/approve_terms/")
    terms = TermsOfReference.objects.get(request=received)
    received.refresh_from_db()
    assert received.stage == "tor_approved"
    assert terms.status == "approved" and terms.agreed_by == cast["requester"] and terms.approved_by == cast["chair"]
    assert "Senate Chair" in terms.approval_route


def test_approved_terms_cannot_be_edited(client, cast, received):
    walk(received, "accept", cast=cast)
    client.force_login(cast["manager"])
    client.post(f"{BASE}/{received.pk}/terms/edit/", {"scope": "Stroke units", "questions": "Is it safe?"})
    client.post(f"{BASE}/{received.pk}/terms/share/")
    walk(received, "draft_terms", "agree_terms", "approve_terms", cast=cast)
    client.post(f"{BASE}/{received.pk}/terms/edit/", {"scope": "Changed after approval", "questions": "?"})
    assert not received.terms.filter(scope="Changed after approval").exists()


def test_a_refused_act_says_what_is_missing_on_the_request_page(client, cast, received):
    walk(received, "accept", cast=cast)
    client.force_login(cast["manager"])
    response = client.post(f"{BASE}/{received.pk}/act/draft_terms/")
    assert response.status_code == 400 and "Draft the terms of reference first." in response.content.decode()
