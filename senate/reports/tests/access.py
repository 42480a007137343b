"""Who may open each reports page; tests/test_page_access.py checks every role against each.
Draft reports are confidential: the Senate team and the panel; the requester's own organisation only
once a draft is sent to them for factual accuracy; never other roles, other Senates or the public."""

from django.utils import timezone

from senate.reports.models import AccuracyComment, AccuracyRound
from senate.reports.tests.factories import criteria, draft, request_at

TEAM = {"manager", "chair"}  # never a system administrator: no case files


def _review(cast, stage="panel_meeting"):
    request = request_at(stage, by=cast["requester"])
    return request


def _with_draft(cast, stage="panel_meeting"):
    request = _review(cast, stage)
    draft(request, by=cast["manager"]) if stage == "panel_meeting" else _draft_anyway(request, cast)
    return request


def _draft_anyway(request, cast):
    from senate.reports.models import ReportDraft

    return ReportDraft.objects.create(
        request=request, version=1, overall_opinion="supported", sections={"summary": "Supported."},
        created_by=cast["manager"],
    )  # fmt: skip


def _in_round(cast):
    request = _with_draft(cast, "factual_accuracy")
    found = AccuracyRound.objects.create(
        request=request, draft=request.report_drafts.get(), opened_by=cast["manager"],
        closes_on=timezone.localdate() + timezone.timedelta(days=14),
    )  # fmt: skip
    return request, found


def _criterion_path(cast):
    request = _review(cast)
    picked = criteria(request, by=cast["manager"])
    return f"/south-west/reports/requests/{request.pk}/criteria/{picked[0].pk}/"


def _answer_path(cast):
    request, found = _in_round(cast)
    item = AccuracyComment.objects.create(round=found, section="summary", text="Wrong date.", by=cast["requester"])
    return f"/south-west/reports/requests/{request.pk}/accuracy/{item.pk}/answer/"


def _path(tail, make=_review):
    return lambda cast: f"/south-west/reports/requests/{make(cast).pk}/{tail}"


PAGES = [
    ("reports:framework", lambda c: "/south-west/reports/framework/", TEAM | {"council", "assembly", "admin"}),
    ("reports:assessment", _path(""), TEAM),
    ("reports:criteria", _path("criteria/"), {"manager"}),
    ("reports:criterion", _criterion_path, TEAM),
    ("reports:add_recommendation", _path("recommendations/new/"), {"manager"}),
    ("reports:report", _path("report/", _with_draft), TEAM),
    ("reports:write", _path("report/write/"), {"manager"}),
    ("reports:version", _path("report/v1/", _with_draft), TEAM),
    ("reports:download", _path("report/v1.docx", _with_draft), TEAM),
    (
        "reports:accuracy",
        lambda c: f"/south-west/reports/requests/{_in_round(c)[0].pk}/accuracy/",
        TEAM | {"requester"},
    ),
    ("reports:answer", _answer_path, {"manager"}),
]
