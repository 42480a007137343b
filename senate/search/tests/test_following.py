"""The index follows writes made through the domain functions, once they commit."""

from senate.evidence import extract, library
from senate.evidence.tests.factories import item
from senate.reviews.tests.factories import RequestFactory
from senate.search.query import parse
from senate.search.searching import search


def test_an_uploaded_file_is_found_by_its_text_once_read(cast, monkeypatch, django_capture_on_commit_callbacks):
    """The upload commits, the background task reads the file's text, and the index follows."""
    monkeypatch.setattr(extract, "best_effort", lambda **kwargs: "Mechanical thrombectomy round the clock")
    with django_capture_on_commit_callbacks(execute=True):
        request = RequestFactory(created_by=cast["requester"])
        item(request, title="Business case")
    results = search(cast["manager"], parse("thrombectomy"))
    assert [d.title for d in results.documents] == ["Business case"]
    assert search(cast["other_manager"], parse("thrombectomy")).total == 0


def test_a_pdf_without_text_is_marked(cast, monkeypatch, django_capture_on_commit_callbacks):
    monkeypatch.setattr(extract, "best_effort", lambda **kwargs: "")
    with django_capture_on_commit_callbacks(execute=True):
        request = RequestFactory(created_by=cast["requester"])
        found = item(request, title="Scanned letter")
        library.store_extracted_text(found.latest_version().pk)
    [document] = search(cast["manager"], parse("scanned letter")).documents
    assert document.no_text


def test_the_daily_run_indexes_the_register_as_it_stands_today(cast):
    from io import StringIO

    from django.core.management import call_command

    from senate.interests.tests.factories import declared
    from senate.members.models import MemberProfile

    declared(MemberProfile.objects.get(user=cast["council"]), nature="Trustee of a hospice charity")
    assert search(None, parse("hospice")).total == 0  # written outside a commit: not yet followed
    out = StringIO()
    call_command("search", "published", stdout=out)
    assert "registers and 0 requests published today indexed again" in out.getvalue()
    assert search(None, parse("hospice")).total == 1
