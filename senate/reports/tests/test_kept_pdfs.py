"""A report's PDF is laid out once and kept under the hash of its HTML: the second download is the same
file without laying it out again, and a changed report is never served from an old PDF."""

from django.core.files.storage import default_storage

from senate.reports import rendering
from senate.reports.publication import document
from senate.reports.tests.factories import draft, request_at


def test_a_kept_pdf_is_served_again_and_a_changed_report_gets_its_own(cast, monkeypatch):
    request = request_at("draft_report", by=cast["requester"])
    first = document(draft(request, by=cast["manager"], summary="The panel supports the proposals."))
    pdf = rendering.to_pdf(first)
    assert pdf.startswith(b"%PDF") and default_storage.listdir(rendering.KEPT)[1]

    def no_layout(*args, **kwargs):
        raise AssertionError("the kept PDF should have been served")

    monkeypatch.setattr("weasyprint.HTML.render", no_layout)
    assert rendering.to_pdf(first) == pdf
    second = document(draft(request, by=cast["manager"], summary="The panel does not support the proposals."))
    monkeypatch.undo()
    assert rendering.to_pdf(second) != pdf
    assert len(default_storage.listdir(rendering.KEPT)[1]) == 2


def test_a_redacted_copy_is_never_the_unredacted_pdf(cast):
    request = request_at("draft_report", by=cast["requester"])
    version = draft(request, by=cast["manager"], summary="Torbay's overnight service would close.")
    assert rendering.to_pdf(document(version)) != rendering.to_pdf(document(version, ["overnight service"]))
