"""Hostile evidence uploads are refused on the page with the reason at the file field; ordinary files
are stored; the text is read after commit, outside the upload's transaction; and an upload whose
transaction fails leaves no file behind."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from senate.core import audit
from senate.core.tests import files
from senate.core.uploads import sweep_orphans
from senate.core.uploads.stored import _walk
from senate.evidence import library
from senate.evidence.models import EvidenceItem, EvidenceVersion, Kind, Source, Tier
from senate.evidence.tests import samples
from senate.evidence.tests.factories import item, make_request


@pytest.fixture
def request_(cast):
    return make_request(stage="panel_recruited")


def upload(client, request_, name, data):
    return client.post(
        f"/south-west/evidence/requests/{request_.pk}/add/",
        {"title": "Pack", "kind": Kind.OTHER, "tier": Tier.OFFICIAL, "file": SimpleUploadedFile(name, data)},
    )


def stored_files() -> set[str]:
    return set(_walk(default_storage, "evidence"))


@pytest.mark.parametrize(
    "name,make,message",
    [
        ("beds.csv", files.html, "beds.csv is a web page (HTML). Upload a PDF, Word, Excel"),
        ("report.pdf", files.pdf_with_open_action_javascript, "report.pdf contains JavaScript, which could run"),
        ("report.pdf", files.pdf_html_polyglot, "report.pdf has something else in front of the PDF"),
        ("report.pdf", files.pdf_with_html_inside, "report.pdf is a web page (HTML) as well as a PDF"),
        ("plan.docx", files.docx_with_hta, "plan.docx has a program hidden inside it (update.hta)"),
        ("plan.docx", files.docx_with_macros, "plan.docx contains macros, which could run when it is opened"),
        ("slides.pptx", files.zip_bomb_pptx, "slides.pptx would expand to more than 100 MB when opened"),
    ],
)
def test_a_hostile_upload_is_refused_with_the_reason_at_the_field(client, cast, request_, name, make, message):
    client.force_login(cast["requester"])
    page = upload(client, request_, name, make()).content.decode()
    assert "There is a problem" in page
    assert page.count(message) == 2  # in the error summary and at the field
    assert not EvidenceItem.objects.exists() and not stored_files()


def test_ordinary_files_are_still_accepted(client, cast, request_):
    client.force_login(cast["requester"])
    for name, data in [("plan.docx", files.docx()), ("report.pdf", samples.pdf()), ("case.pdf", files.pdf())]:
        assert upload(client, request_, name, data).status_code == 302
    assert EvidenceVersion.objects.count() == 3 and len(stored_files()) == 3


def test_text_is_read_after_the_upload_commits(cast, request_, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as queued:
        one = item(request_, by=cast["requester"], name="plan.docx", data=files.docx("Stroke workforce plan"))
        assert one.latest_version().extracted_text == ""  # nothing read inside the transaction
    assert queued, "reading the text waits for the upload to commit"
    for then in queued:  # the reading, and the search index following the write
        then()
    assert one.latest_version().extracted_text == "Stroke workforce plan"


def test_a_failed_upload_leaves_no_file_behind(cast, request_, monkeypatch):
    first = item(request_, by=cast["requester"])
    before = stored_files()

    def fails(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(audit, "record", fails)
    with pytest.raises(RuntimeError):
        library.add_version(item=first, by=cast["requester"], name="v2.pdf", data=samples.pdf("second draft"))
    with pytest.raises(RuntimeError):
        item(request_, source=Source.REQUESTER, by=cast["requester"])
    assert stored_files() == before
    assert EvidenceVersion.objects.count() == 1


def test_orphaned_evidence_files_are_swept_and_stored_ones_kept(cast, request_):
    import os

    kept = item(request_, by=cast["requester"]).latest_version().file.name
    orphan = default_storage.save(f"evidence/{request_.pk}/left-behind.pdf", SimpleUploadedFile("x", b"%PDF-"))
    for name in (kept, orphan):
        os.utime(default_storage.path(name), (0, 0))
    assert sweep_orphans("evidence/", library.stored_files()) == 1
    assert stored_files() == {kept}


def _disk_fills_half_way(monkeypatch):
    """The file store runs out of room half way through writing a file, as a full disk does."""
    import errno
    import os

    from django.core.files.storage import FileSystemStorage

    def _save(self, name, content):
        path = self.path(name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as half:
            half.write(content.read()[:1000])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(FileSystemStorage, "_save", _save)


def test_a_full_disk_is_told_at_the_field_and_leaves_no_part_of_the_file(client, cast, request_, monkeypatch):
    """Fault benchmark (bench/faults), disk full: the upload was a bare 500 and left part of the file."""
    client.force_login(cast["requester"])
    _disk_fills_half_way(monkeypatch)
    response = upload(client, request_, "report.pdf", samples.pdf())
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert page.count("The file could not be stored because the server has no room left for files") == 2
    assert "Nothing has been saved" in page
    assert not EvidenceItem.objects.exists() and not stored_files()
    monkeypatch.undo()
    assert upload(client, request_, "report.pdf", samples.pdf()).status_code == 302  # room again: it works


def test_a_full_disk_leaves_no_new_version_and_no_part_of_it(cast, request_, monkeypatch):
    from senate.core.uploads import UploadNotStored

    first = item(request_, by=cast["requester"])
    before = stored_files()
    _disk_fills_half_way(monkeypatch)
    with pytest.raises(UploadNotStored, match="no room left for files"):
        library.add_version(item=first, by=cast["requester"], name="v2.pdf", data=samples.pdf("second draft"))
    assert stored_files() == before and EvidenceVersion.objects.count() == 1
