import datetime as dt

from senate.demo import world
from senate.reports import publication
from senate.reports.models import AccuracyComment, Judgement, ReportDraft
from senate.reviews.models import Request


def test_the_demo_has_judgements_and_reports_on_requests_past_the_draft_report(db, monkeypatch):
    from senate.demo import panels_world, reports_world, requests_world

    monkeypatch.setattr(world, "WORLD_PARTS", [requests_world, panels_world, reports_world])
    world.build(scale="tiny", seed=7, today=dt.date(2026, 11, 23))
    drafted = Request.objects.get(senate__slug="south-west", stage="draft_report")
    assert Judgement.objects.filter(request=drafted).count() == 6
    assert drafted.report_drafts.count() == 1
    in_round = Request.objects.get(senate__slug="south-west", stage="factual_accuracy")
    assert AccuracyComment.objects.filter(round__request=in_round, response="").count() == 2
    closed = Request.objects.filter(senate__slug="south-west", stage="published", kind="formal_review").first()
    assert closed.report_drafts.count() == 2
    assert not AccuracyComment.objects.filter(round__request=closed, response="").exists()
    revised = closed.report_drafts.get(version=2)  # the Council signs it off (council_world, not built here)
    assert "Revised after the factual-accuracy check" in publication.report_html(revised)
    accepted = AccuracyComment.objects.get(round__request=closed, response="accepted")
    assert accepted.corrected_in == revised
    assert not ReportDraft.objects.filter(request__stage__in=["received", "panel_meeting"]).exists()
