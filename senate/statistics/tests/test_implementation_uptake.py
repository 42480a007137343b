"""Recommendations accepted, partly accepted, rejected and implemented: the dashboard's table and chart,
its CSV and XLSX, and the annual report's uptake section count where each recommendation stands by the
latest implementation record, made through the follow-up page's rule."""

import csv
import io

import pytest
from django.utils import timezone
from docx import Document as read_docx
from openpyxl import load_workbook

from senate.reviews import follow_up, lifecycle
from senate.reviews.tests.conftest import walk
from senate.reviews.tests.factories import RequestFactory
from senate.statistics.period import year_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def uptake(cast):
    """Three recommendations: accepted and implemented (after being in progress), partly accepted and
    in progress, not accepted with nothing recorded."""
    r = RequestFactory(created_by=cast["requester"], kind="early_advice", title="Stroke pathway")
    with lifecycle.reviews_rules_only():
        r = walk(r, "accept", cast=cast)
        recs = [
            follow_up.add_recommendation(r, text=f"Do {n}", theme="", addressee="", priority="high", by=cast["manager"])
            for n in ("one", "two", "three")
        ]
        r = walk(r, "record_advice_drafted", "approve_advice", "issue", cast=cast)
        recs = list(r.recommendations.order_by("number"))
        for rec, decision in zip(recs, ["accepted", "partly", "not_accepted"], strict=True):
            follow_up.respond(rec, decision=decision, narrative="Considered", planned_date=None, by=cast["requester"])
        r = walk(r, "record_response", cast=cast)
    recs = list(r.recommendations.order_by("number"))
    today = timezone.localdate()

    def record(rec, status, by):
        follow_up.record_implementation(rec, status=status, on=today, evidence="Board paper", by=by, today=today)

    record(recs[0], "in_progress", cast["requester"])
    record(recs[0], "implemented", cast["manager"])
    record(recs[1], "in_progress", cast["requester"])
    return r


def _year(request) -> int:
    return year_of(request.submitted_at.date()).start_year


def test_the_dashboard_counts_implemented_by_the_latest_record(client, cast, uptake):
    client.force_login(cast["chair"])
    page = client.get(f"/south-west/statistics/?year={_year(uptake)}").content.decode()
    for shown in [
        "Accepted: 1 recommendation",
        "Partly accepted: 1 recommendation",
        "Not accepted: 1 recommendation",
        "Implementation in progress: 1 recommendation",
        "Implemented: 1 recommendation",
        "Will not be implemented: 0 recommendations",
    ]:
        assert shown in page


def test_the_recommendations_table_downloads_with_implementation(client, cast, uptake):
    client.force_login(cast["manager"])
    url = f"/south-west/statistics/download/?table=recommendations&year={_year(uptake)}&format="
    rows = list(csv.reader(io.StringIO(client.get(url + "csv").content.decode("utf-8-sig"))))
    assert ["Implemented", "1"] in rows and ["Implementation in progress", "1"] in rows
    assert ["No response yet", "0"] in rows
    sheet = load_workbook(io.BytesIO(client.get(url + "xlsx").content)).active
    values = [row[:2] for row in sheet.iter_rows(values_only=True)]
    assert ("Implemented", 1) in values and ("Accepted", 1) in values


def test_the_annual_report_shows_uptake_to_implementation(client, cast, uptake):
    client.force_login(cast["chair"])
    body = client.get(f"/south-west/statistics/annual-report/download/?year={_year(uptake)}&format=docx").content
    word = read_docx(io.BytesIO(body))
    rows = [[cell.text for cell in row.cells] for t in word.tables for row in t.rows]
    assert ["Implemented", "1"] in rows and ["Implementation in progress", "1"] in rows


def test_a_new_record_changes_the_figures_at_once(client, cast, uptake):
    client.force_login(cast["chair"])
    url = f"/south-west/statistics/?year={_year(uptake)}"
    assert "Implemented: 1 recommendation" in client.get(url).content.decode()
    rec = uptake.recommendations.get(number=2)
    today = timezone.localdate()
    follow_up.record_implementation(rec, status="implemented", on=today, evidence="Audit", by=cast["manager"], today=today)  # fmt: skip
    page = client.get(url).content.decode()
    assert "Implemented: 2 recommendations" in page and "Implementation in progress: 0 recommendations" in page
