"""More of the upload policy's answers, each as the person uploading reads it: files with no name or
too big, names with folders or too long, zips, markup and pictures hiding web pages, and text in
the encodings NHS spreadsheets are saved in."""

import hashlib
import io
import zipfile

import pytest

from senate.core import uploads
from senate.core.tests import files

EVERYTHING = tuple(uploads.KINDS)
CSV_ROWS = b"ward,beds\nAcute medicine,30\nStroke,24\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(64)


def check(name, data, *, kinds=EVERYTHING, max_bytes=files.MB):
    return uploads.check_upload(name, data, max_bytes=max_bytes, allowed_kinds=kinds)


def refusal(name, data, **kwargs) -> str:
    with pytest.raises(uploads.UploadRefused) as refused:
        check(name, data, **kwargs)
    return str(refused.value)


def test_a_file_without_a_name_is_refused():
    assert refusal("  ", CSV_ROWS) == "The selected file must have a name"


def test_a_file_over_the_limit_says_the_limit_in_megabytes():
    message = refusal("beds.csv", CSV_ROWS * 100_000, max_bytes=2 * files.MB)
    assert message == "beds.csv is too big: the file must be smaller than 2 MB"


def test_a_small_limit_is_said_in_kilobytes():
    assert uploads.describe_size(500 * 1024) == "500 KB"
    assert uploads.describe_size(25 * 1024 * 1024) == "25 MB"


def test_the_folder_a_file_came_from_is_not_kept_in_its_name():
    assert check("C:\\Users\\nurse\\Desktop\\beds.csv", CSV_ROWS).original_name == "beds.csv"
    assert check("/home/nurse/beds.csv", CSV_ROWS).original_name == "beds.csv"


def test_a_very_long_name_is_shortened_in_the_message():
    name = "a" * 100 + ".exe"
    message = refusal(name, files.windows_exe())
    assert message.startswith("a" * 77 + "…") and name not in message


def test_an_accepted_file_says_what_it_is_its_size_and_fingerprint():
    checked = check("beds.csv", CSV_ROWS)
    assert checked == uploads.Checked(uploads.CSV, len(CSV_ROWS), hashlib.sha256(CSV_ROWS).hexdigest(), "beds.csv")


def test_a_spreadsheet_saved_from_excel_in_windows_1252_is_accepted():
    assert check("wards.csv", "ward,lead\nSt Mary’s,Dr Ó Súilleabháin\n".encode("cp1252")).content_type == uploads.CSV


def test_a_csv_with_a_byte_order_mark_is_accepted():
    assert check("wards.csv", b"\xef\xbb\xbf" + CSV_ROWS).content_type == uploads.CSV


def test_a_plain_zip_is_refused_as_a_compressed_folder():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    message = refusal("papers.docx", buffer.getvalue(), kinds=(uploads.DOCX, uploads.PDF))
    assert message == "papers.docx is a zip file (a compressed folder), not a document. Upload a PDF or Word file"


def test_xml_is_refused_as_markup_not_a_table():
    message = refusal("beds.csv", b'<?xml version="1.0"?>\n<beds><ward>30</ward></beds>\n')
    assert message.startswith("beds.csv is XML or another kind of markup, not a table of text.")


def test_text_with_control_characters_is_refused():
    assert "is not a type of file Senate accepts" in refusal("beds.csv", b"ward,beds\n\x01\x02,30\n")


def test_something_in_front_of_a_pdf_is_refused_as_a_disguise():
    message = refusal("case.pdf", files.pdf(before=b"GIF89a junk\n"))
    assert "has something else in front of the PDF" in message


def test_a_picture_that_is_also_a_web_page_is_refused():
    message = refusal("map.png", PNG + b"<script>alert(1)</script>")
    assert message == "map.png is a web page (HTML) as well as a picture, so it could be opened as something else"


def test_a_plain_picture_is_accepted_where_pictures_are():
    assert check("map.png", PNG, kinds=(uploads.PNG,)).content_type == uploads.PNG


def test_a_table_named_as_a_web_page_is_refused_by_its_name():
    message = refusal("beds.html", CSV_ROWS, kinds=(uploads.CSV,))
    assert message == "beds.html is named as a web page (.html). Upload a CSV file"


def test_the_kinds_allowed_are_listed_in_a_fixed_order_with_or_before_the_last():
    assert uploads.kinds_in_words([uploads.CSV, uploads.PDF, uploads.XLSX]) == "PDF, Excel or CSV"
    assert uploads.kinds_in_words([uploads.PNG]) == "PNG"


def test_text_cut_off_in_the_middle_of_a_character_is_still_read():
    assert uploads.decode_text("Ward é".encode()[:-1]) == "Ward "


def test_bytes_that_are_no_known_text_are_not_read_as_text():
    assert uploads.decode_text(b"\x81\x8d\x8f\x90\x9d") is None
