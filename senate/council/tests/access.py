"""Who may open each Council page; tests/test_page_access.py checks every role against each."""

import datetime as dt

from django.core.files.base import ContentFile

from senate.council.models import AgendaItem, Meeting, Minutes, Paper
from senate.council.tests.factories import published_request
from senate.organisations.models import Senate
from senate.reviews.tests.factories import RequestFactory

MANAGE = {"manager", "chair"}  # meetings are case files: never a system administrator
VIEW = MANAGE | {"council"}
READ_REQUEST = VIEW | {"requester", "assurance"}


def _meeting(cast):
    senate = Senate.objects.get(slug="south-west")
    meeting = Meeting.objects.create(senate=senate, date=dt.date.today(), place="Exeter", created_by=cast["manager"])
    AgendaItem.objects.create(meeting=meeting, number=1, kind="other", title="Work programme")
    return meeting


def _m(tail=""):
    return lambda cast: f"/south-west/council/{_meeting(cast).pk}/{tail}"


def _paper(cast):
    meeting = _meeting(cast)
    paper = Paper(meeting=meeting, title="Agenda", sent_on=dt.date.today(), added_by=cast["manager"])
    paper.file.save("agenda.txt", ContentFile(b"Agenda"), save=True)
    return f"/south-west/council/{meeting.pk}/papers/{paper.pk}/"


def _changes_to_confirm(cast):
    """An item approved with changes, waiting for the Council member's confirmation."""
    from senate.council.models import Decision
    from senate.reports.tests.factories import draft

    meeting = _meeting(cast)
    request = RequestFactory(created_by=cast["requester"], stage="report_revised")
    item = AgendaItem.objects.create(meeting=meeting, number=2, kind="ratify_report", title="Ratify", request=request)
    Decision.objects.create(
        item=item, outcome="approved_with_changes", changes="Add the travel times", method="consensus",
        report_version=draft(request, by=cast["manager"]), chaired_by=cast["chair"], confirmer=cast["council"],
        recorded_by=cast["manager"],
    )  # fmt: skip
    return f"/south-west/council/{meeting.pk}/items/2/confirm-changes/"


def _request(cast, tail, stage="issued"):
    return f"/south-west/council/requests/{RequestFactory(created_by=cast['requester'], stage=stage).pk}/{tail}"


def _public_minutes(cast):
    meeting, later = _meeting(cast), _meeting(cast)
    minutes = Minutes.objects.create(
        meeting=meeting, text="Minutes", status="published", approved_at_meeting=later, updated_by=cast["manager"]
    )
    return f"/south-west/council/public/minutes/{minutes.pk}/"


PAGES = [
    ("council:meetings", lambda c: "/south-west/council/", VIEW),
    ("council:meeting_new", lambda c: "/south-west/council/new/", MANAGE),
    ("council:quorum", lambda c: "/south-west/council/quorum/", MANAGE),
    ("council:actions", lambda c: "/south-west/council/actions/", VIEW),
    ("council:meeting", _m(), VIEW),
    ("council:item_new", _m("items/new/"), MANAGE),
    ("council:paper_new", _m("papers/new/"), MANAGE),
    ("council:paper_file", _paper, VIEW),
    ("council:attendance", _m("attendance/"), MANAGE),
    ("council:declarations", _m("declarations/"), VIEW),
    ("council:decide", _m("items/1/"), VIEW),
    ("council:confirm_changes", _changes_to_confirm, VIEW),
    ("council:minutes", _m("minutes/"), VIEW),
    ("council:meeting_actions", _m("actions/"), VIEW),
    ("council:issue", lambda c: _request(c, "issue/", stage="approved"), {"manager"}),
    ("council:publication", lambda c: _request(c, "publication/"), READ_REQUEST),
    ("council:public", lambda c: "/south-west/council/public/", "public"),
    ("council:public_report", lambda c: f"/south-west/council/public/advice/{published_request(c).pk}/", "public"),
    ("council:public_minutes", _public_minutes, "public"),
]
# Reached only by a form's post; their refusals are tested where they are used. The report document
# needs a report from the reports app (tested in test_public.py).
NOT_GET_PAGES = {
    "council:start",
    "council:confirm",
    "council:declaration_action",
    "council:acting_chair",
    "council:minutes_draft",
    "council:minutes_approve",
    "council:minutes_publish",
    "council:action_done",
    "council:follow_up_letter",
    "council:record_publication",
    "council:public_report_document",  # tested in test_public.py, with the PDF
    "council:public_report_pdf",
}
