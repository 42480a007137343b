"""What the Senate team sees and downloads: the dashboard's charts with their tables, each table as
CSV and XLSX with the same rows, the annual report as PDF and DOCX, and the command that makes it."""

import csv
import io

import pytest
from docx import Document as read_docx
from openpyxl import load_workbook

from senate.reviews import lifecycle
from senate.reviews.tests.conftest import walk
from senate.reviews.tests.factories import RequestFactory
from senate.statistics.period import year_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(cast):
    r = RequestFactory(created_by=cast["requester"], kind="early_advice", title="Community hospital beds")
    with lifecycle.reviews_rules_only():
        return walk(r, "accept", "record_advice_drafted", "approve_advice", "issue", cast=cast)


def test_the_dashboard_draws_each_chart_beside_its_table(client, cast, issued):
    client.force_login(cast["chair"])
    page = client.get("/south-west/statistics/").content.decode()
    assert 'role="img"' in page and '<title id="chart-requests-by-stage-title">Requests by stage today</title>' in page
    assert "Issued to requester: 1 request" in page  # the chart's description, for screen readers
    assert "Table: Turnaround of advice issued in" in page and "Community hospital beds" in page
    assert "<script" not in page.split("<main", 1)[1]


def test_a_table_downloads_as_csv_and_xlsx_with_the_rows_the_page_shows(client, cast, issued):
    client.force_login(cast["manager"])
    year = year_of(issued.submitted_at.date()).start_year
    rows = list(csv.reader(io.StringIO(client.get(f"/south-west/statistics/download/?table=requests-by-stage&year={year}&format=csv").content.decode("utf-8-sig"))))  # fmt: skip
    assert rows == [["Stage", "Requests"], ["Issued to requester", "1"]]
    response = client.get(f"/south-west/statistics/download/?table=turnaround-by-request&year={year}&format=xlsx")
    assert response["Content-Disposition"].endswith('turnaround-by-request.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[1][:3] == ("Reference", "Title", "Kind") and values[2][1] == "Community hospital beds"
    assert client.get("/south-west/statistics/download/?table=nothing&format=csv").status_code == 404


def test_the_annual_report_comes_as_pdf_and_docx(client, cast, issued):
    client.force_login(cast["chair"])
    year = year_of(issued.submitted_at.date()).start_year
    pdf = client.get(f"/south-west/statistics/annual-report/download/?year={year}&format=pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    word = read_docx(
        io.BytesIO(client.get(f"/south-west/statistics/annual-report/download/?year={year}&format=docx").content)
    )
    text = "\n".join(p.text for p in word.paragraphs)
    for heading in ["Membership and coverage", "Advice issued", "Turnaround", "Recommendations and their uptake"]:
        assert heading in text
    assert f"{issued.reference}: Early 'critical friend' advice for NHS Devon" in text  # not published: no title


def test_the_command_writes_a_senates_report_and_the_national_summary(cast, issued, tmp_path):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    year = str(year_of(issued.submitted_at.date()).start_year)
    out = tmp_path / "sw.docx"
    call_command("report", "annual", "--senate", "south-west", "--year", year, "--format", "docx", "--output", str(out))
    assert "Annual report" in read_docx(str(out)).core_properties.subject
    national = tmp_path / "national.docx"
    call_command("report", "annual", "--national", "--year", year, "--format", "docx", "--output", str(national))
    cells = [c.text for t in read_docx(str(national)).tables for row in t.rows for c in row.cells]
    assert "South West Clinical Senate" in cells and "London Clinical Senate" in cells
    with pytest.raises(CommandError, match="no Senate called"):
        call_command("report", "annual", "--senate", "nowhere", "--year", year)
