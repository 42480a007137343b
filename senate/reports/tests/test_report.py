"""The report holds every agreed recommendation and every panel declaration, and versions are kept."""

import datetime as dt
import io
import zipfile

import docx
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from senate.interests.attestation import attest
from senate.interests.panel import declarations_for_panel
from senate.interests.tests.factories import declared
from senate.members.models import MemberProfile
from senate.reports import compose, publication, recommendations, rendering, signoff
from senate.reports.tests.factories import criteria, draft, evidence, judged, request_at, seat


@pytest.fixture
def recorded(cast, review):
    manager = cast["manager"]
    seat(cast["council"], review, role="chair")
    seat(cast["assembly"], review)
    item = evidence(review, "Stroke activity and bed modelling")
    picked = criteria(review, by=manager)
    judged(review, picked[0], by=manager, items=[item], narrative="Clear evidence for a hyper-acute unit.")
    texts = ["Publish a seven-day consultant rota.", "Model public transport travel times."]
    for text, crit in zip(texts, picked, strict=True):
        recommendations.add(
            review, text=text, theme="Workforce", addressee="", priority="high", criterion=crit, by=manager
        )
    return review, texts


def test_the_report_contains_every_recommendation_the_panel_agreed(cast, recorded):
    review, texts = recorded
    html = publication.report_html(draft(review, by=cast["manager"]))
    assert all(text in html for text in texts)
    assert "Clear evidence for a hyper-acute unit." in html
    assert "Evidence relied on: Stroke activity and bed modelling." in html
    assert "NHS Devon Integrated Care Board" in html  # the default addressee


def test_the_report_contains_every_panel_members_declaration(cast, recorded):
    review, _ = recorded
    council = MemberProfile.objects.get(user=cast["council"])
    assembly = MemberProfile.objects.get(user=cast["assembly"])
    declared(
        council, organisation=review.requesting_organisation, nature="Paid clinical adviser to the stroke programme"
    )
    attest(assembly, review, specific="My sister works at the trust's stroke unit.", by=cast["assembly"])
    doc = compose.compose(draft(review, by=cast["manager"]))
    panel = next(s for s in doc.sections if s.key == "panel")
    table = next(b for b in panel.blocks if b.kind == "table")
    members = {row[0]: row for row in table.rows}
    assert set(members) == {str(council), str(assembly)}
    assert members[str(council)][1] == "Chair"
    found = declarations_for_panel(review, [council, assembly], on=dt.date.today())
    assert found[0].interests, "the council member's interest in the requester must be found"
    for d in found:
        for said in d.interests + ([d.declared_for_review] if d.declared_for_review else []):
            assert said in members[d.member][3]
    assert "My sister works at the trust's stroke unit." in members[str(assembly)][3]


def test_the_pdf_a_reader_downloads_reads_every_recommendation_and_declaration(client, cast, recorded):
    """Read back from the PDF itself (as a search index or a screen reader would), not from its HTML."""
    from pypdf import PdfReader

    review, texts = recorded
    council = MemberProfile.objects.get(user=cast["council"])
    declared(council, organisation=review.requesting_organisation, nature="Paid clinical adviser to the programme")
    made = draft(review, by=cast["manager"])
    client.force_login(cast["manager"])
    response = client.get(f"/south-west/reports/requests/{review.pk}/report/v{made.version}.pdf")
    reader = PdfReader(io.BytesIO(response.content))
    words = " ".join(" ".join((page.extract_text() or "") for page in reader.pages).split())
    assert all(text in words for text in texts)
    assert "Paid clinical adviser to the programme" in words
    assert "Summary of recommendations" in words


def test_the_report_never_names_official_sensitive_or_draft_evidence(cast, review):
    """It may be published: such items are listed and classified, with their titles withheld."""
    from senate.evidence.models import Tier

    manager = cast["manager"]
    evidence(review, "Bed modelling v3", tier=Tier.OFFICIAL)
    secret = evidence(review, "Trust deficit recovery plan", tier=Tier.OFFICIAL_SENSITIVE)
    evidence(review, "Panel chair's working notes", tier=Tier.DRAFT)
    crit = criteria(review, by=manager)[0]
    judged(review, crit, by=manager, items=[secret], narrative="Finance and workforce are linked.")
    html = publication.report_html(draft(review, by=manager))
    assert "Bed modelling v3" in html
    assert "Trust deficit recovery plan" not in html and "working notes" not in html
    assert html.count("Title withheld (official-sensitive)") == 2  # in the list and in the judgement
    assert "Title withheld (draft – not for circulation)" in html
    assert "2 items are official-sensitive or not for circulation" in html


def test_drafts_are_versions_and_an_old_version_does_not_change(cast, recorded):
    review, _ = recorded
    first = draft(review, by=cast["manager"], summary="First summary.")
    crit = criteria(review, by=cast["manager"])[0]
    judged(review, crit, by=cast["manager"], outcome="not_supported", narrative="Later, the panel changed its mind.")
    second = draft(review, by=cast["manager"], summary="Second summary.")
    assert (first.version, second.version) == (1, 2)
    old = publication.report_html(first)
    assert "First summary." in old and "Later, the panel changed its mind." not in old
    assert "Later, the panel changed its mind." in publication.report_html(second)
    control = publication.report_html(second)
    assert "v1" in control and "v2" in control


def test_only_the_version_the_council_signed_off_is_final_not_simply_the_latest(cast, recorded):
    """Issue 14, item 3: an earlier version was issued and published as Final without the change
    the Council asked for. The final version is the signed-off one, and it says who signed it off."""
    review, _ = recorded
    first = draft(review, by=cast["manager"], summary="First summary.")
    second = draft(review, by=cast["manager"], summary="With the Council's change.")
    review.stage = "issued"
    review.save()
    assert publication.final_version(review) is None
    assert compose.compose(second).status_label.startswith("Draft")
    signoff.sign_off(
        second, ratified_at="Council meeting on 4 March 2027, item 2", ratified_on=dt.date(2027, 3, 4),
        chaired_by=cast["chair"], changes="Add the travel times", confirmed_by=cast["council"], by=cast["manager"],
    )  # fmt: skip
    assert publication.final_version(review) == second
    assert compose.compose(first).status_label.startswith("Draft")
    assert compose.compose(second).status_label == "Final"
    html = publication.report_html(second)
    assert "Ratified at the Council meeting on 4 March 2027, item 2" in html
    assert f"signed off by {cast['chair']}, who chaired the item" in html
    assert f"confirmed by {cast['council']}" in html
    with pytest.raises(ValueError, match="already been signed off"):
        signoff.sign_off(
            first, ratified_at="x", ratified_on=dt.date(2027, 3, 4), chaired_by=cast["chair"], by=cast["manager"]
        )


def test_an_early_advice_request_makes_a_letter_of_advice(cast):
    request = request_at("accepted", by=cast["requester"], kind="early_advice")
    doc = compose.compose(draft(request, by=cast["manager"], conclusions="Proceed to engagement."))
    assert doc.kind_label == "Letter of advice"
    assert [s.title for s in doc.sections][:3] == ["Document control", "Your request", "Our advice in brief"]


def test_the_pdf_and_docx_downloads_are_valid_files(client, cast, recorded):
    review, texts = recorded
    made = draft(review, by=cast["manager"])
    client.force_login(cast["manager"])
    base = f"/south-west/reports/requests/{review.pk}/report/v{made.version}"
    pdf = client.get(base + ".pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")
    assert pdf.content.rstrip().endswith(b"%%EOF")
    from pypdf import PdfReader

    catalog = PdfReader(io.BytesIO(pdf.content)).trailer["/Root"]  # tagged, with its language, for screen readers
    assert "/StructTreeRoot" in catalog and catalog["/Lang"] == "en-GB"
    word = client.get(base + ".docx")
    assert zipfile.is_zipfile(io.BytesIO(word.content))
    document = docx.Document(io.BytesIO(word.content))
    cells = " ".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert all(text in cells for text in texts)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "5  Summary of recommendations" in headings
    assert "South West Clinical Senate" in document.sections[0].header.paragraphs[0].text
    assert "PAGE" in document.sections[0].footer._element.xml
    assert client.get(base + ".exe").status_code == 404


def test_the_pdf_has_page_numbers_and_a_contents_list(cast, recorded):
    review, _ = recorded
    pdf, pages = rendering.pdf_pages(compose.compose(draft(review, by=cast["manager"])))
    assert pages >= 6
    html = publication.report_html(review.report_drafts.get())
    assert "counter(pages)" in html and "target-counter" in html and "Contents" in html


def test_the_bed_model_relied_on_for_the_bed_test_is_in_the_report_with_its_tables_and_charts(cast, review):
    from senate.beds.modelling import rely_on_for_bed_test
    from senate.beds.tests.factories import finished_model

    manager = cast["manager"]
    model = finished_model(request=review, title="Crisis beds: 104 to 84", created_by=manager)
    rely_on_for_bed_test(model, by=manager)
    bed_test = criteria(review, "bed-test", by=manager)[0]
    judged(review, bed_test, by=manager, outcome="supported_with_conditions", narrative="Alternatives are credible.")
    version = draft(review, by=manager)
    html = publication.report_html(version)
    assert "The panel&#39;s bed model: Crisis beds: 104 to 84" in html or "The panel's bed model: Crisis beds" in html
    assert "Steady demand: the rule of thumb and the Erlang loss model" in html
    assert html.count("<svg") >= 1 and "Assumptions of the bed model:" in html
    from senate.reports.docx_render import to_docx

    word = docx.Document(io.BytesIO(to_docx(compose.compose(version))))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "The chart is in the HTML and PDF versions" in text


def test_a_versions_document_is_kept_until_the_next_act_which_shows_at_once(
    cast, recorded, django_capture_on_commit_callbacks
):
    """The document is composed once and kept (as a page served in autocommit keeps it once it
    commits); an agreed recommendation, an act, is in it on the very next reading."""
    review, texts = recorded
    version = draft(review, by=cast["manager"])

    def read() -> str:
        with django_capture_on_commit_callbacks(execute=True):
            return rendering.to_html(publication.document(version))

    assert all(text in read() for text in texts)
    with CaptureQueriesContext(connection) as seen:
        publication.document(version)
    assert len(seen.captured_queries) == 1  # kept: only whether anything happened since is asked
    recommendations.add(
        review, text="Agree a transfer protocol.", theme="Access", addressee="", priority="high", criterion=None,
        by=cast["manager"],
    )  # fmt: skip
    assert "Agree a transfer protocol." in read()


def test_a_versions_page_is_kept_until_the_next_act_which_shows_at_once(
    client, cast, recorded, django_capture_on_commit_callbacks
):
    """The version's page draws its document once and keeps it (as a page served in autocommit keeps
    it once it commits); a recommendation agreed and a newer draft saved, both acts, are on it at once."""
    from django.core.cache import cache

    review, texts = recorded
    version = draft(review, by=cast["manager"])
    client.force_login(cast["manager"])
    url = f"/south-west/reports/requests/{review.pk}/report/v{version.version}/"

    def read() -> str:
        with django_capture_on_commit_callbacks(execute=True):
            return client.get(url).content.decode()

    cache.clear()
    try:
        assert all(text in read() for text in texts)
        assert "Agree a transfer protocol." not in read()
        recommendations.add(
            review, text="Agree a transfer protocol.", theme="Access", addressee="", priority="high",
            criterion=None, by=cast["manager"],
        )  # fmt: skip
        assert "Agree a transfer protocol." in read()
        draft(review, by=cast["manager"], summary="A second draft.")
        assert f"<td>v{version.version + 1}</td>" in read()
    finally:
        cache.clear()
