"""Upload checks: the type comes from the content, never the name; empty, oversized, executable and
wrong files are refused with a message for the file field."""

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from senate.evidence import extract, uploads
from senate.evidence.tests import samples


@pytest.mark.parametrize(
    "name,make,expected",
    [
        ("case.pdf", samples.pdf, uploads.PDF),
        ("plan.docx", samples.docx, uploads.DOCX),
        ("beds.xlsx", samples.xlsx, uploads.XLSX),
        ("slides.pptx", samples.pptx, uploads.PPTX),
        ("beds.csv", samples.csv, uploads.CSV),
        ("map.png", samples.png, uploads.PNG),
        ("photo.jpg", samples.jpeg, uploads.JPEG),
        ("photo.JPEG", samples.jpeg, uploads.JPEG),
    ],
)
def test_allowed_files_are_accepted_with_their_sniffed_type(name, make, expected):
    data = make()
    checked = uploads.check_upload(name=name, data=data)
    assert checked.content_type == expected
    assert checked.size == len(data)
    assert len(checked.sha256) == 64


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("report.pdf", b"", "The selected file is empty"),
        ("report.pdf", samples.windows_exe(), "is a program"),
        ("report.pdf", samples.elf(), "is a program"),
        ("report.docx", samples.elf(), "is a program"),
        ("run.sh", b"#!/bin/sh\nrm -rf /\n", "is a program"),
        ("report.pdf", samples.png(), "is a PNG image but its name ends in “.pdf”"),
        ("report.pdf", samples.docx(), "is a Word document (DOCX) but its name ends in “.pdf”"),
        ("archive.docx", samples.plain_zip(), "must be a PDF, DOCX, XLSX, PPTX, CSV, PNG or JPEG"),
        ("movie.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "must be a PDF"),
        ("binary.csv", b"\x00\x01\x02\x03garbage\xff\xfe", "must be a PDF"),
        ("noextension", samples.pdf(), "name must end in .pdf"),
    ],
)
def test_refused_files_say_why(name, data, message):
    with pytest.raises(uploads.UploadRefused) as refused:
        uploads.check_upload(name=name, data=data)
    assert message in str(refused.value)


def test_files_over_the_size_limit_are_refused(settings):
    settings.EVIDENCE_MAX_UPLOAD_BYTES = 1024 * 1024
    big = samples.pdf() + b"%" * (1024 * 1024)
    with pytest.raises(uploads.UploadRefused, match="must be smaller than 1 MB"):
        uploads.check_upload(name="big.pdf", data=big)
    assert uploads.check_upload(name="ok.pdf", data=samples.pdf()).content_type == uploads.PDF


def test_a_zip_with_an_executable_inside_is_not_an_office_document():
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
        z.writestr("word/payload.exe", "MZ")
    with pytest.raises(uploads.UploadRefused):
        uploads.check_upload(name="plan.docx", data=out.getvalue())


@hypothesis_settings(max_examples=200, deadline=None)
@given(st.binary(min_size=1, max_size=512))
def test_arbitrary_bytes_are_refused_or_sniffed_as_an_allowed_type(data):
    try:
        checked = uploads.check_upload(name="file.csv", data=data)
    except uploads.UploadRefused:
        return
    assert checked.content_type in uploads.ALLOWED


@pytest.mark.parametrize(
    "make,content_type,words",
    [
        (samples.docx, uploads.DOCX, "Workforce plan"),
        (samples.xlsx, uploads.XLSX, "Torbay | 24"),
        (samples.pptx, uploads.PPTX, "Engagement findings"),
        (samples.csv, uploads.CSV, "Exeter,30"),
        (samples.pdf, uploads.PDF, "Stroke services business case"),
    ],
)
def test_text_is_extracted_for_search(make, content_type, words):
    assert words in extract.extract_text(data=make(), content_type=content_type)


def test_images_and_broken_files_give_no_text():
    assert extract.extract_text(data=samples.png(), content_type=uploads.PNG) == ""
    assert extract.extract_text(data=b"PK\x03\x04broken", content_type=uploads.DOCX) == ""


def test_text_is_read_from_a_report_pdf_with_embedded_fonts():
    """Reports made by WeasyPrint (or Word) draw glyphs, not letters; the text must still be found."""
    from weasyprint import HTML

    data = HTML(string="<h1>Bed modelling</h1><p>Occupancy at 92% in winter.</p>").write_pdf()
    text = extract.extract_text(data=data, content_type=uploads.PDF)
    assert "Bed modelling" in text and "Occupancy at 92% in winter." in text
