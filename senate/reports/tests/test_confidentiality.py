"""Draft reports never reach the public, other requesters or roles not entitled to them."""

import datetime as dt

import pytest

from senate.accounts.models import Role
from senate.accounts.tests.factories import UserFactory, give_role
from senate.organisations.models import Organisation
from senate.reports import signoff
from senate.reports.tests.factories import draft, request_at
from senate.reviews import lifecycle


@pytest.fixture
def drafted(cast):
    request = request_at("panel_meeting", by=cast["requester"])
    draft(request, by=cast["manager"], summary="CONFIDENTIAL SUMMARY TEXT")
    return request


def _urls(request):
    base = f"/south-west/reports/requests/{request.pk}/report/"
    return [base, base + "v1/", base + "v1.pdf", base + "v1.docx"]


def test_the_public_is_sent_to_sign_in(client, drafted):
    for url in _urls(drafted):
        response = client.get(url)
        assert response.status_code == 302 and "/account/sign-in/" in response["Location"]


def test_another_organisations_requester_never_sees_the_draft(client, cast, drafted):
    other = give_role(
        UserFactory(),
        drafted.senate,
        Role.REQUESTER,
        organisation=Organisation.objects.exclude(pk=drafted.requesting_organisation_id).filter(type="icb").first(),
    )
    drafted.stage = "draft_report"
    drafted.save()
    lifecycle.perform("send_for_factual_accuracy", drafted, by=cast["manager"])
    client.force_login(other)
    for url in _urls(drafted) + [f"/south-west/reports/requests/{drafted.pk}/accuracy/"]:
        response = client.get(url)
        assert response.status_code in (403, 404), url
        assert b"CONFIDENTIAL SUMMARY TEXT" not in response.content


def test_the_requester_sees_the_draft_only_once_it_is_sent_to_them(client, cast, drafted):
    client.force_login(cast["requester"])
    assert client.get(_urls(drafted)[1]).status_code == 403
    drafted.stage = "draft_report"
    drafted.save()
    lifecycle.perform("send_for_factual_accuracy", drafted, by=cast["manager"])
    assert b"CONFIDENTIAL SUMMARY TEXT" in client.get(_urls(drafted)[1]).content


def test_the_assurance_viewer_reads_only_issued_advice(client, cast, drafted):
    client.force_login(cast["assurance"])
    assert client.get(_urls(drafted)[1]).status_code == 403
    drafted.stage = "issued"
    drafted.save()
    assert client.get(_urls(drafted)[1]).status_code == 200


def test_the_request_page_links_to_the_report_only_for_those_who_may_read_it(client, cast, drafted):
    client.force_login(cast["manager"])
    assert (
        f"/reports/requests/{drafted.pk}/report/" in client.get(f"/south-west/requests/{drafted.pk}/").content.decode()
    )
    client.force_login(cast["council"])
    assert (
        f"/reports/requests/{drafted.pk}/report/"
        not in client.get(f"/south-west/requests/{drafted.pk}/").content.decode()
    )


def test_a_panel_member_sees_no_evidence_titles_on_the_assessment_until_they_attest(client, cast):
    from senate.evidence.models import Tier
    from senate.interests.attestation import attest
    from senate.reports.tests.factories import criteria, evidence, judged, seat

    request = request_at("panel_meeting", by=cast["requester"])
    secret = evidence(request, "Trust deficit recovery plan", tier=Tier.OFFICIAL_SENSITIVE)
    crit = criteria(request, by=cast["manager"])[0]
    judged(request, crit, by=cast["manager"], items=[secret], narrative="Finance matters.")
    profile = seat(cast["assembly"], request)
    client.force_login(cast["assembly"])
    url = f"/south-west/reports/requests/{request.pk}/criteria/{crit.pk}/"
    page = client.get(url).content.decode()
    assert "Trust deficit recovery plan" not in page and "Title withheld (official-sensitive)" in page
    attest(profile, request, specific="", by=cast["assembly"])
    assert "Trust deficit recovery plan" in client.get(url).content.decode()


def test_changing_a_judgement_keeps_links_to_evidence_the_member_cannot_see(client, cast):
    from senate.evidence.models import Tier
    from senate.reports.models import Judgement
    from senate.reports.tests.factories import criteria, evidence, judged, seat

    request = request_at("panel_meeting", by=cast["requester"])
    secret = evidence(request, "Trust deficit recovery plan", tier=Tier.OFFICIAL_SENSITIVE)
    crit = criteria(request, by=cast["manager"])[0]
    judged(request, crit, by=cast["manager"], items=[secret], narrative="Finance matters.")
    seat(cast["assembly"], request)  # not attested: cannot see the item, so cannot have meant to unlink it
    client.force_login(cast["assembly"])
    data = {"form": "judgement", "outcome": "supported", "strength": "moderate", "narrative": "Now supported."}
    data |= {f"position_{pk}": "agreed" for pk in request.panel_members.values_list("pk", flat=True)}
    client.post(f"/south-west/reports/requests/{request.pk}/criteria/{crit.pk}/", data)
    latest = Judgement.objects.filter(request=request, criterion=crit).order_by("-version").first()
    assert latest.version == 2 and list(latest.evidence.all()) == [secret]


def test_the_requester_reads_only_the_versions_sent_to_them_and_the_issued_one(client, cast, drafted):
    """Issue 13, leak 3: once one factual-accuracy round existed, every later version was readable."""
    drafted.stage = "draft_report"
    drafted.save()
    lifecycle.perform("send_for_factual_accuracy", drafted, by=cast["manager"])
    draft(drafted, by=cast["manager"], summary="Draft: confidential SECOND THOUGHTS")  # v2, never sent
    base = f"/south-west/reports/requests/{drafted.pk}/report/"
    client.force_login(cast["requester"])
    assert b"CONFIDENTIAL SUMMARY TEXT" in client.get(base + "v1/").content
    for url in (base + "v2/", base + "v2.pdf", base + "v2.docx"):
        response = client.get(url)
        assert response.status_code in (403, 404), url
        assert b"SECOND THOUGHTS" not in response.content
    assert f"{base}v2/" not in client.get(base).content.decode()
    client.force_login(cast["manager"])
    assert b"SECOND THOUGHTS" in client.get(base + "v2/").content
    assert f"{base}v2/" in client.get(base).content.decode()
    drafted.stage = "issued"  # v2 is the signed-off, issued version: now it is the requester's too
    drafted.save()
    second = drafted.report_drafts.get(version=2)
    signoff.sign_off(
        second, ratified_at="Council meeting, item 1", ratified_on=dt.date.today(), chaired_by=cast["chair"],
        by=cast["manager"],
    )  # fmt: skip
    client.force_login(cast["requester"])
    assert b"SECOND THOUGHTS" in client.get(base + "v2/").content
