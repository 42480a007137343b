"""Issue 19: each report version's PDF is laid out in the worker once the version is saved and kept in
the file storage, so downloads serve the kept file without laying it out again; anything not yet kept
is laid out on demand; who may download a version is unchanged."""

import pytest
from django.core.files.storage import default_storage

from senate.reports import rendering, tasks
from senate.reports.tests.factories import draft, request_at

BASE = "/south-west/reports/requests"


@pytest.fixture
def layouts(monkeypatch):
    """Every laying-out of a PDF (WeasyPrint), counted."""
    made: list[int] = []
    real = rendering.layout

    def counted(html):
        made.append(len(html))
        return real(html)

    monkeypatch.setattr(rendering, "layout", counted)
    return made


@pytest.fixture
def queued(monkeypatch):
    """The versions whose PDF was queued, the task run at once as the worker would."""
    asked: list[int] = []
    real = tasks.render_version_pdf

    class Queue:
        @staticmethod
        def enqueue(draft_id):
            asked.append(draft_id)
            return real.enqueue(draft_id)

    monkeypatch.setattr(tasks, "render_version_pdf", Queue)
    return asked


def _kept():
    return default_storage.listdir(rendering.KEPT)[1] if default_storage.exists(rendering.KEPT) else []


def test_saving_a_version_queues_its_pdf_once_committed_and_downloads_never_lay_it_out_again(
    client, cast, layouts, queued, django_capture_on_commit_callbacks
):
    request = request_at("draft_report", by=cast["requester"])
    with django_capture_on_commit_callbacks(execute=True):
        version = draft(request, by=cast["manager"])
        assert queued == []  # not before the version is committed
    assert queued == [version.pk] and len(layouts) == 1 and len(_kept()) == 1
    client.force_login(cast["manager"])
    first = client.get(f"{BASE}/{request.pk}/report/v1.pdf")
    second = client.get(f"{BASE}/{request.pk}/report/v1.pdf")
    assert first.status_code == second.status_code == 200 and first["Content-Type"] == "application/pdf"
    assert first.content.startswith(b"%PDF") and first.content == second.content
    assert len(layouts) == 1  # both downloads were served from the kept file


def test_a_version_not_yet_kept_is_laid_out_on_its_first_download_then_kept(client, cast, layouts):
    request = request_at("draft_report", by=cast["requester"])
    draft(request, by=cast["manager"])  # its on-commit render never ran: the worker has not got to it
    client.force_login(cast["manager"])
    for _ in range(3):
        assert client.get(f"{BASE}/{request.pk}/report/v1.pdf").content.startswith(b"%PDF")
    assert len(layouts) == 1 and len(_kept()) == 1


def test_a_new_version_gets_its_own_pdf_and_the_old_one_is_made_again_when_its_document_control_changes(
    client, cast, layouts, queued, django_capture_on_commit_callbacks
):
    request = request_at("draft_report", by=cast["requester"])
    with django_capture_on_commit_callbacks(execute=True):
        draft(request, by=cast["manager"])
    client.force_login(cast["manager"])
    old = client.get(f"{BASE}/{request.pk}/report/v1.pdf").content
    with django_capture_on_commit_callbacks(execute=True):
        second = draft(request, by=cast["manager"], summary="The panel does not support the proposals.")
    assert queued[-1] == second.pk and len(layouts) == 2
    assert client.get(f"{BASE}/{request.pk}/report/v2.pdf").content != old and len(layouts) == 2
    # v1's document control now lists v2, so v1 is other HTML: laid out afresh, never the stale file
    assert client.get(f"{BASE}/{request.pk}/report/v1.pdf").content != old and len(layouts) == 3


def test_a_kept_draft_pdf_is_still_refused_to_those_who_may_not_read_drafts(
    client, cast, layouts, django_capture_on_commit_callbacks
):
    request = request_at("draft_report", by=cast["requester"])
    with django_capture_on_commit_callbacks(execute=True):
        draft(request, by=cast["manager"])
    assert len(_kept()) == 1
    for who in ("requester", "assembly", "other_manager", "no_role"):
        client.force_login(cast[who])
        response = client.get(f"{BASE}/{request.pk}/report/v1.pdf")
        assert response.status_code in (403, 404), who
        assert not response.content.startswith(b"%PDF"), who
    assert len(layouts) == 1


def test_the_task_for_a_version_that_no_longer_exists_does_nothing(db, layouts):
    assert tasks.render_version_pdf.call(987654) == 0 and layouts == []


@pytest.fixture
def composed(monkeypatch):
    """Every composing of a report, counted."""
    from senate.reports import compose

    made: list[int] = []
    real = compose.compose

    def counted(draft, **kwargs):
        made.append(draft.pk)
        return real(draft, **kwargs)

    monkeypatch.setattr(compose, "compose", counted)
    return made


def test_a_kept_pdf_is_served_without_composing_the_report_until_something_is_recorded(
    client, cast, layouts, composed, django_capture_on_commit_callbacks
):
    from senate.reviews import follow_up

    request = request_at("draft_report", by=cast["requester"])
    draft(request, by=cast["manager"])
    client.force_login(cast["manager"])
    url = f"{BASE}/{request.pk}/report/v1.pdf"
    with django_capture_on_commit_callbacks(execute=True):
        first = client.get(url).content
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(url).content == first
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(url).content == first
    assert len(composed) == 1 and len(layouts) == 1  # downloads write audit events, but change nothing
    # an act on the request (a recommendation the report lists) makes the report composed again
    follow_up.add_recommendation(
        request, text="Publish the travel-time modelling.", theme="Access", addressee="Devon ICB", priority="high",
        by=cast["manager"],
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        changed = client.get(url).content
    assert len(composed) == 2 and len(layouts) == 2 and changed != first
