"""Upload checks: the type comes from the content, never the name; empty, oversized, executable and
wrong files are refused with a message for the file field."""

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from senate.core.tests import files
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
        ("report.pdf", b"", "report.pdf is empty"),
        ("report.pdf", samples.windows_exe(), "is a program"),
        ("report.pdf", samples.elf(), "is a program"),
        ("report.docx", samples.elf(), "is a program"),
        ("run.sh", b"#!/bin/sh\nrm -rf /\n", "is a program"),
        ("report.pdf", samples.png(), "is a PNG image but its name ends in “.pdf”"),
        ("report.pdf", samples.docx(), "is a Word document (DOCX) but its name ends in “.pdf”"),
        ("archive.docx", samples.plain_zip(), "is a zip file (a compressed folder), not a document"),
        ("movie.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "is not a type of file Senate accepts"),
        (
            "binary.csv",
            b"\x00\x01\x02\x03garbage\xff\xfe",
            "Upload a PDF, Word, Excel, PowerPoint, CSV, PNG or JPEG file",
        ),
        ("beds.csv", b"<!doctype html><p>site,beds</p>", "beds.csv is a web page (HTML)"),
        ("minutes.odt", files.odt(), "is an OpenDocument text (ODT), which cannot be uploaded here"),
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


def test_the_extractor_stops_at_a_lying_zip_header_without_filling_memory():
    """The upload check refuses this file; the extractor must still cope if one got through."""
    import tracemalloc

    tracemalloc.start()
    try:
        text = extract.extract_text(
            data=files.lying_zip(claimed=1024, expanded=200 * files.MB), content_type=uploads.PPTX
        )
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert text == "" and peak < 50 * files.MB


def test_the_extractor_reads_a_huge_slide_only_up_to_its_limits():
    import io
    import tracemalloc
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", files.CONTENT_TYPES)
        package.writestr("ppt/presentation.xml", "<p:presentation xmlns:p='urn:p'/>")
        with package.open("ppt/slides/slide1.xml", "w") as slide:
            slide.write(b"<p:sld xmlns:p='urn:p' xmlns:a='urn:a'>")
            for _ in range(60):
                slide.write(b"<a:p><a:t>Beds</a:t></a:p>" * 40_000)
            slide.write(b"</p:sld>")
    tracemalloc.start()
    try:
        text = extract.extract_text(data=out.getvalue(), content_type=uploads.PPTX)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert text.startswith("Beds\nBeds") and len(text) <= extract.MAX_CHARS
    assert peak < 50 * files.MB


def test_isolated_extraction_reads_text_in_a_child_process():
    text = extract.isolated(data=samples.docx(), content_type=uploads.DOCX, seconds=30, memory_bytes=512 * files.MB)
    assert "Workforce plan" in text


def test_isolated_extraction_gives_no_text_when_the_child_runs_out_of_memory_or_time():
    assert extract.isolated(data=samples.pdf(), content_type=uploads.PDF, seconds=30, memory_bytes=files.MB) == ""
    assert (
        extract.isolated(data=samples.pdf(), content_type=uploads.PDF, seconds=0.001, memory_bytes=512 * files.MB) == ""
    )
