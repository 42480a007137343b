"""The public Council page shows only advice that is ratified, issued and permitted (from its agreed
date), and only published minutes. Confidential material is created first, then looked for."""

import datetime as dt

import pytest

from senate.council import declarations, publication
from senate.council.decisions import decide_item
from senate.council.meetings import MeetingRefused
from senate.council.minutes import approve_minutes, draft_minutes, publish_minutes, save_minutes
from senate.council.models import MeetingDeclaration
from senate.council.tests.factories import TODAY, latest, published_request, ready_item, report_request, schedule
from senate.reports.tests.factories import draft
from senate.reviews import lifecycle
from senate.reviews.models import Recommendation


def _ratify(senate, cast, request, outcome="approved"):
    meeting, item = ready_item(senate, cast, request)
    declarations.start_meeting(meeting, by=cast["manager"])
    for d in MeetingDeclaration.objects.filter(item=item):
        declarations.record_action(d, action="leaves", by=cast["chair"])
    changes = "" if outcome == "approved" else "Rework the workforce section"
    decide_item(item, by=cast["manager"], outcome=outcome, changes=changes, method="consensus", version=latest(request))
    request.refresh_from_db()
    return meeting


def _secret(request, text):
    Recommendation.objects.create(request=request, number=1, text=text)
    return text


def _issued(senate, cast, text, summary=""):
    request = report_request(cast, title=f"Review: {text}")
    _secret(request, text)
    draft(request, by=cast["manager"], summary=summary or text)
    _ratify(senate, cast, request)
    publication.issue_advice(request, covering_letter="Please find our advice.", by=cast["manager"])
    request.refresh_from_db()
    return request


def _permit(request, cast, **fields):
    values = {"given_on": TODAY, "publish_from": None, "redactions": "", "given_by": "Jo Requester"} | fields
    return publication.give_permission(request, by=cast["requester"], **values)


@pytest.fixture
def world(senate, cast, council):
    """One request in each state short of public, and one that is public."""
    unratified = report_request(cast, title="Unratified review")
    _secret(unratified, "SECRET unratified recommendation")
    referred = report_request(cast, title="Referred-back review")
    _secret(referred, "SECRET referred-back recommendation")
    _ratify(senate, cast, referred, outcome="referred_back")
    ratified_not_issued = report_request(cast, title="Ratified but not issued")
    _secret(ratified_not_issued, "SECRET ratified not issued")
    _ratify(senate, cast, ratified_not_issued)
    no_permission = _issued(senate, cast, "SECRET issued without permission")
    future = _issued(senate, cast, "SECRET permitted from next month")
    _permit(future, cast, publish_from=TODAY + dt.timedelta(days=30))
    public = _issued(senate, cast, "Open the hyper-acute stroke unit at Torbay", "The panel supports a unit at Torbay.")
    _permit(public, cast, redactions="Torbay")
    hidden = [unratified, referred, ratified_not_issued, no_permission, future]
    return {"public": public, "hidden": hidden}


def test_public_pages_show_only_ratified_issued_and_permitted_advice(client, world, senate):
    index = client.get("/south-west/council/public/").content.decode()
    assert "Review: Open the hyper-acute stroke unit at [redacted]" in index
    for request in world["hidden"]:
        assert request.title not in index
        assert "SECRET" not in index
        assert client.get(f"/south-west/council/public/advice/{request.pk}/").status_code == 404
        assert client.get(f"/south-west/council/public/advice/{request.pk}/report/").status_code == 404
    page = client.get(f"/south-west/council/public/advice/{world['public'].pk}/").content.decode()
    assert "Open the hyper-acute stroke unit at [redacted]" in page and "Torbay" not in page


def test_the_published_report_is_the_final_version_with_redactions(client, world):
    document = client.get(f"/south-west/council/public/advice/{world['public'].pk}/report/").content.decode()
    assert "The panel supports a unit at [redacted]." in document
    assert "Torbay" not in document


def test_the_public_list_and_the_check_agree(world):
    listed = set(publication.public_requests(world["public"].senate, today=TODAY))
    assert listed == {world["public"]}
    assert [r for r in world["hidden"] if publication.is_public(r, today=TODAY)] == []


def test_permission_cannot_be_given_before_the_advice_is_issued(senate, cast, council, report):
    with pytest.raises(MeetingRefused, match="once the advice has been issued"):
        _permit(report, cast)


def test_unratified_advice_cannot_be_issued(senate, cast, council, report):
    with pytest.raises(MeetingRefused, match="has not ratified"):
        publication.issue_advice(report, covering_letter="Here it is", by=cast["manager"])
    report.refresh_from_db()
    assert report.stage == "report_revised"


def test_recording_publication_moves_the_request_to_published(world, cast):
    request = publication.record_publication(world["public"], by=cast["manager"], today=TODAY)
    assert request.stage == "published"
    with pytest.raises(MeetingRefused):
        publication.record_publication(world["hidden"][-1], by=cast["manager"], today=TODAY)


def test_only_published_minutes_appear_on_the_public_page(client, senate, cast, council):
    first = schedule(senate, cast, date=TODAY - dt.timedelta(days=90))
    second = schedule(senate, cast, date=TODAY - dt.timedelta(days=30))
    third = schedule(senate, cast, date=TODAY - dt.timedelta(days=2))
    published = save_minutes(draft_minutes(first, by=cast["manager"]), text="Published words", by=cast["manager"])
    publish_minutes(approve_minutes(published, at_meeting=second, by=cast["manager"]), by=cast["manager"], on=TODAY)
    approved = save_minutes(draft_minutes(second, by=cast["manager"]), text="SECRET approved", by=cast["manager"])
    approve_minutes(approved, at_meeting=third, by=cast["manager"])
    draft = save_minutes(draft_minutes(third, by=cast["manager"]), text="SECRET draft", by=cast["manager"])
    index = client.get("/south-west/council/public/").content.decode()
    assert str(first) in index and str(second) not in index and str(third) not in index
    assert "Published words" in client.get(f"/south-west/council/public/minutes/{published.pk}/").content.decode()
    for hidden in (approved, draft):
        assert client.get(f"/south-west/council/public/minutes/{hidden.pk}/").status_code == 404


def test_the_public_page_lists_the_council_and_links_the_register(client, council):
    page = client.get("/south-west/council/public/").content.decode()
    assert "Pat Public" in page and "Patient and public voice member" in page
    assert "/south-west/interests/register/" in page


def test_closing_the_request_keeps_published_advice_public(client, world, cast):
    request = lifecycle.perform("close", world["public"], by=cast["manager"], reason="Closed")
    assert request.stage == "closed"
    assert (
        f"/south-west/council/public/advice/{request.pk}/" in client.get("/south-west/council/public/").content.decode()
    )


def test_redactions_that_need_escaping_are_removed_from_the_html_pdf_and_docx(client, senate, cast, council):
    """Issue 13, leak 4: redaction ran on escaped HTML, so a phrase with ', & or " never matched."""
    import io

    from docx import Document as read_docx
    from pypdf import PdfReader

    phrases = ["panel's overall opinion", "Smith & Jones", 'the "Torbay" option']
    summary = 'The panel\'s overall opinion favours Smith & Jones and the "Torbay" option.'
    request = _issued(senate, cast, "A unit run by Smith & Jones", summary)
    _permit(request, cast, redactions="\n".join(phrases))
    page = client.get(f"/south-west/council/public/advice/{request.pk}/").content.decode()
    document = client.get(f"/south-west/council/public/advice/{request.pk}/report/").content.decode()
    assert "The [redacted] favours [redacted] and [redacted]." in document
    pdf = publication.report_document(request, fmt="pdf")
    pdf_text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    word = read_docx(io.BytesIO(publication.report_document(request, fmt="docx")))
    docx_text = "\n".join(
        [p.text for p in word.paragraphs]
        + [c.text for t in word.tables for row in t.rows for c in row.cells]
        + [word.core_properties.title or ""]
    )
    for name, text in {
        "page": page,
        "document": document,
        "pdf": " ".join(pdf_text.split()),
        "docx": docx_text,
    }.items():
        for leaked in ("overall opinion favours", "Smith", "Jones", "Torbay"):
            assert leaked not in text, f"{leaked!r} is on the public {name}"
    assert "The [redacted] favours [redacted] and [redacted]." in document
    assert "[redacted] favours [redacted]" in " ".join(pdf_text.split())
    assert "The [redacted] favours [redacted] and [redacted]." in docx_text
    assert "A unit run by [redacted]" in page


def test_the_public_report_has_the_nhs_layout_a_way_back_and_an_accessible_pdf(client, world):
    """Issue 14, item 14: the public report had no NHS header, navigation or way back, and no PDF."""
    import io

    from pypdf import PdfReader

    request = world["public"]
    advice = f"/south-west/council/public/advice/{request.pk}/"
    page = client.get(advice + "report/").content.decode()
    assert 'class="nhsuk-header' in page and "nhsuk-breadcrumb" in page and f'href="{advice}"' in page
    assert f'href="{advice}report.pdf"' in page and f'href="{advice}report.pdf"' in client.get(advice).content.decode()
    response = client.get(advice + "report.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(response.content))
    catalog = pdf.trailer["/Root"]
    assert "/StructTreeRoot" in catalog and str(catalog.get("/Lang", "")).lower().startswith("en")
    assert pdf.metadata.title and request.title.split()[0] in pdf.metadata.title
    text = " ".join(p.extract_text() for p in pdf.pages) + pdf.metadata.title
    assert "[redacted]" in text and "Torbay" not in text
    for hidden in world["hidden"]:
        assert client.get(f"/south-west/council/public/advice/{hidden.pk}/report.pdf").status_code == 404


def test_advice_without_a_signed_off_report_has_no_link_to_one(client, cast, world):
    """Whether there is a report to read is asked without composing it: advice that ended in a letter
    links to none; advice with a signed-off report links to it."""
    letter = published_request(cast, title="Advice given by letter")
    assert 'id="report-link"' not in client.get(f"/south-west/council/public/advice/{letter.pk}/").content.decode()
    page = client.get(f"/south-west/council/public/advice/{world['public'].pk}/").content.decode()
    assert 'id="report-link"' in page
