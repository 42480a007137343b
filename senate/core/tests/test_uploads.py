"""The upload policy every upload goes through, called as a plain function: what a file is comes from
its content, the name must agree, and active content, polyglots and archive bombs are refused with a
message that names the file and says why."""

import datetime as dt
import io
import os
import time
import tracemalloc

import pytest
from django.core.files.storage import default_storage
from django.db import transaction

from senate.core import uploads
from senate.core.tests import files

EVERYTHING = tuple(uploads.KINDS)
DOCUMENTS = (uploads.PDF, uploads.DOCX, uploads.XLSX, uploads.PPTX, uploads.ODT, uploads.CSV)


def check(name, data, *, kinds=EVERYTHING, max_bytes=25 * files.MB):
    return uploads.check_upload(name, data, max_bytes=max_bytes, allowed_kinds=kinds)


def refusal(name, data, **kwargs) -> str:
    with pytest.raises(uploads.UploadRefused) as refused:
        check(name, data, **kwargs)
    return str(refused.value)


@pytest.mark.parametrize(
    "name,make,kind",
    [
        ("case.pdf", files.pdf, uploads.PDF),
        ("plan.docx", files.docx, uploads.DOCX),
        ("minutes.odt", files.odt, uploads.ODT),
        ("plan.DOCX", files.docx, uploads.DOCX),
    ],
)
def test_ordinary_documents_are_accepted(name, make, kind):
    data = make()
    checked = check(name, data)
    assert (checked.content_type, checked.size, checked.original_name) == (kind, len(data), name)


def test_a_report_made_by_weasyprint_is_accepted():
    """Senate's own reports pack their dictionaries into compressed object streams, which are inflated and checked."""
    from weasyprint import HTML

    data = HTML(string="<h1>Advice</h1><p><a href='https://www.england.nhs.uk/'>NHS England</a></p>").write_pdf()
    assert b"/ObjStm" in data
    assert check("advice.pdf", data).content_type == uploads.PDF


def test_a_file_object_is_read_only_up_to_the_limit():
    upload = io.BytesIO(files.pdf() + b"%" * (2 * files.MB))
    assert "must be smaller than 1 MB" in refusal("big.pdf", upload, max_bytes=files.MB)
    assert check("case.pdf", io.BytesIO(files.pdf())).content_type == uploads.PDF


@pytest.mark.parametrize(
    "data",
    [
        files.html(),
        b"<html><body>site,beds</body></html>",
        b"   \r\n<script>alert(1)</script>",
        b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
        b"<!-- a comment -->site,beds",
        b"site,beds\nTorbay,24\n<iframe src='https://evil.example/'></iframe>\n",
    ],
)
def test_html_is_never_taken_for_csv(data):
    assert refusal("beds.csv", data).startswith("beds.csv is a web page (HTML). Upload a ")


def test_a_web_page_is_refused_by_name_and_by_content():
    assert refusal("paper.html", files.html(), kinds=DOCUMENTS) == (
        "paper.html is a web page (HTML). Upload a PDF, Word, Excel, PowerPoint, OpenDocument text or CSV file"
    )
    assert "page.htm is named as a web page (.htm)" in refusal("page.htm", b"site,beds\nTorbay,24\n")
    assert "update.hta is named as a program or script (.hta)" in refusal("update.hta", b"site,beds\n")
    assert "XML or another kind of markup" in refusal("beds.csv", b"<?xml version='1.0'?><beds/>")


@pytest.mark.parametrize(
    "make,reason",
    [
        (files.pdf_with_open_action_javascript, "contains JavaScript, which could run when it is opened"),
        (files.pdf_with_escaped_javascript, "contains JavaScript"),
        (files.pdf_with_javascript_in_an_object_stream, "contains JavaScript"),
        (lambda: files.pdf_with(b"Launch"), "is set to start a program when it is opened"),
        (lambda: files.pdf_with(b"EmbeddedFiles"), "has other files attached inside it"),
        (lambda: files.pdf_with(b"RichMedia"), "contains embedded media"),
        (lambda: files.pdf_with(b"XFA"), "is an interactive (XFA) form"),
    ],
)
def test_pdfs_with_active_content_are_refused(make, reason):
    message = refusal("report.pdf", make())
    assert message.startswith(f"report.pdf {reason}")
    assert message.endswith("Save it again without it (for example, print it to PDF) and upload that")


def test_pdf_and_html_polyglots_are_refused():
    assert "has something else in front of the PDF" in refusal("report.pdf", files.pdf_html_polyglot())
    assert "is a web page (HTML) as well as a PDF" in refusal("report.pdf", files.pdf_with_html_inside())
    assert "as well as a PDF" in refusal("report.pdf", files.pdf() + b"<script>alert(1)</script>")


def test_an_encrypted_or_unreadable_object_stream_is_refused_as_uncheckable():
    hidden = files.pdf_with_javascript_in_an_object_stream()
    broken = hidden.replace(b"/FlateDecode", b"/LZWDecode")
    assert "could not be checked for hidden content" in refusal("report.pdf", broken)


@pytest.mark.parametrize(
    "make,reason",
    [
        (files.docx_with_hta, "has a program hidden inside it (update.hta)"),
        (files.docx_with_macros, "contains macros, which could run when it is opened"),
        (files.docx_declaring_macros, "contains macros"),
        (lambda: files.docx_with_path("../../startup/run.xml"), "holds a file that would be saved outside"),
        (lambda: files.docx_with_path("/etc/cron.d/run"), "holds a file that would be saved outside"),
        (lambda: files.docx_with_path("word/activeX/activeX1.bin"), "contains macros"),
        (lambda: files.many_entries(2001), "holds more than 2,000 files inside it"),
    ],
)
def test_office_files_carrying_programs_or_macros_are_refused(make, reason):
    assert refusal("plan.docx", make()).startswith(f"plan.docx {reason}")


def test_a_zip_bomb_is_refused_from_its_directory_without_expanding_it():
    bomb = files.zip_bomb_pptx()
    assert len(bomb) < files.MB
    tracemalloc.start()
    try:
        message = refusal("slides.pptx", bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert message == "slides.pptx would expand to more than 100 MB when opened, so it was refused"
    assert peak < 10 * files.MB


def test_an_entry_compressed_beyond_the_ratio_is_refused(settings):
    settings.UPLOAD_MAX_EXPANDED_BYTES = 500 * files.MB
    assert "is compressed far more than a real document can be" in refusal("slides.pptx", files.zip_bomb_pptx())


def test_a_zip_whose_header_lies_about_its_size_is_refused():
    assert refusal("slides.pptx", files.lying_zip()) == "slides.pptx is damaged, or is not a real Office document"


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("evil.exe", files.windows_exe(), "evil.exe is a program, not a document. Upload a PDF, Word"),
        ("report.pdf", files.windows_exe(), "report.pdf is a program, not a document"),
        ("run.sh", b"#!/bin/sh\nrm -rf /\n", "is a program"),
        ("evil.bat", b"@echo off\ndel /q C:\\\n", "is named as a program or script (.bat)"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "is in an older Microsoft format"),
        ("report.docx", files.pdf(), "report.docx is a PDF but its name ends in “.docx”"),
        ("report.pdf", files.docx(), "is a Word document (DOCX) but its name ends in “.pdf”"),
        ("report", files.pdf(), "the file's name must end in .pdf"),
        ("report.pdf", b"", "report.pdf is empty"),
    ],
)
def test_type_comes_from_the_content_and_the_name_must_agree(name, data, message):
    assert message in refusal(name, data)


def test_a_kind_not_allowed_here_is_refused_naming_what_is():
    message = refusal("map.png", files.pdf(), kinds=(uploads.DOCX,))
    assert message == "map.png is a PDF, which cannot be uploaded here. Upload a Word file"


def test_the_pdf_check_is_quick_on_a_hostile_25_mb_file():
    data = files.pdf() + b"/" * (24 * files.MB)
    begun = time.monotonic()
    check("report.pdf", data)
    assert time.monotonic() - begun < 3


@pytest.mark.django_db
def test_a_stored_file_is_deleted_when_its_transaction_fails():
    before = _stored("papers")
    with pytest.raises(RuntimeError), uploads.stored_file("papers/a.pdf", b"%PDF-") as saved, transaction.atomic():
        assert default_storage.exists(saved)
        raise RuntimeError("the database write failed")
    assert _stored("papers") == before


def test_the_sweeper_removes_only_old_files_nothing_points_at():
    kept = default_storage.save("papers/kept.pdf", io.BytesIO(b"%PDF-"))
    orphan = default_storage.save("papers/1/orphan.pdf", io.BytesIO(b"%PDF-"))
    young = default_storage.save("papers/young.pdf", io.BytesIO(b"%PDF-"))
    two_days_ago = time.time() - 2 * 24 * 3600
    for name in (kept, orphan):
        os.utime(default_storage.path(name), (two_days_ago, two_days_ago))
    assert uploads.sweep_orphans("papers/", [kept]) == 1
    assert _stored("papers") == {kept, young}
    assert uploads.sweep_orphans("nothing-here/", []) == 0


def test_the_sweeper_runs_at_most_every_few_hours_in_the_worker(settings):
    sweep = uploads.sweeper("papers/", lambda: [])
    orphan = default_storage.save("papers/orphan.pdf", io.BytesIO(b"%PDF-"))
    os.utime(default_storage.path(orphan), (0, 0))
    later = dt.datetime.now(dt.UTC)
    assert (sweep(later), sweep(later)) == (1, 0)


def _stored(folder: str) -> set[str]:
    from senate.core.uploads.stored import _walk

    return set(_walk(default_storage, folder))
