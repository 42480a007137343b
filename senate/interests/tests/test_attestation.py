"""Before a panel member opens a review's evidence, they attest that their register is current."""

import pytest
from django.apps import apps

from senate.core.models import AuditEvent
from senate.interests.attestation import AttestationRequired, attest, has_attested, require_attestation
from senate.interests.models import Attestation
from senate.interests.tests.factories import make_request


def _url(review):
    return f"/south-west/interests/requests/{review.pk}/attest/"


def _invite(review, profile, status="invited"):
    """A seat on the review's panel (the panels app, looked up by name: interests never imports it)."""
    return apps.get_model("panels", "PanelMember").objects.create(request=review, profile=profile, status=status)


def test_evidence_is_refused_before_attestation_and_allowed_after(cast, stroke_review, council_profile):
    with pytest.raises(AttestationRequired):
        require_attestation(cast["council"], stroke_review)
    attest(council_profile, stroke_review, by=cast["council"])
    assert require_attestation(cast["council"], stroke_review).profile == council_profile
    assert has_attested(council_profile, stroke_review)


def test_attestation_is_per_request(cast, stroke_review, council_profile):
    attest(council_profile, stroke_review, by=cast["council"])
    with pytest.raises(AttestationRequired):
        require_attestation(council_profile, make_request())


def test_people_without_a_profile_have_not_attested(cast, stroke_review):
    assert not has_attested(cast["manager"], stroke_review)


def test_the_member_attests_on_the_page_with_time_and_text(client, cast, stroke_review, assembly_profile):
    _invite(stroke_review, assembly_profile)
    client.force_login(cast["assembly"])
    response = client.post(
        _url(stroke_review),
        {"confirm": ["yes"], "anything": "True", "specific": "My daughter is a nurse at Torbay Hospital"},
    )
    assert response.status_code == 302
    attestation = Attestation.objects.get()
    assert attestation.specific == "My daughter is a nurse at Torbay Hospital"
    assert "complete and up to date" in attestation.statement and attestation.at is not None
    assert AuditEvent.objects.filter(action="interests.attested", actor=cast["assembly"]).exists()
    assert "You confirmed your declarations for this review on" in client.get(_url(stroke_review)).content.decode()


def test_the_attestation_must_be_confirmed_and_any_declaration_written(client, cast, stroke_review, assembly_profile):
    _invite(stroke_review, assembly_profile, status="accepted")
    client.force_login(cast["assembly"])
    page = client.post(_url(stroke_review), {"anything": "True", "specific": ""}).content.decode()
    assert "Confirm that your declarations are complete and up to date" in page
    assert "Enter what you need to declare for this review" in page
    assert not Attestation.objects.exists()


def test_people_who_are_not_members_cannot_attest(client, cast, stroke_review):
    for who in ("requester", "manager"):
        client.force_login(cast[who])
        assert client.post(_url(stroke_review), {"confirm": ["yes"], "anything": "False"}).status_code in (403, 404)
    assert not Attestation.objects.exists()


def test_only_members_invited_to_or_seated_on_the_panel_open_the_attest_page(
    client, cast, stroke_review, council_profile, assembly_profile
):
    """Issue 13, leak 1: any Assembly member opened any request's attest page and read its title."""
    client.force_login(cast["assembly"])
    page = client.get(_url(stroke_review))
    assert page.status_code == 403 and stroke_review.title.encode() not in page.content
    assert client.post(_url(stroke_review), {"confirm": ["yes"], "anything": "False"}).status_code == 403
    _invite(stroke_review, assembly_profile, status="declined")
    assert client.get(_url(stroke_review)).status_code == 403
    _invite(stroke_review, council_profile)
    client.force_login(cast["council"])
    assert client.get(_url(stroke_review)).status_code == 200
    assert not Attestation.objects.exists()


def test_nobody_attests_for_an_unsent_draft(client, cast, council_profile):
    draft = make_request(stage="draft", reference="", created_by=cast["requester"])
    _invite(draft, council_profile)
    client.force_login(cast["council"])
    assert client.get(_url(draft)).status_code == 403
