"""The Council's decision: for each of the request's agenda items, the meeting, who attended, the
declarations and recusals, the quorum after recusals, the decision with its votes, the minutes and the
papers; then the issue of the advice and its publication. A disclosure bundle lists the redactions
agreed for publication as withheld rather than quoting them."""

from typing import Any

from django.db.models import Q

from senate.bundles.contents import Document, Part, Setting, Withheld, day, when, who
from senate.council import decisions
from senate.council.models import AdviceIssue, AgendaItem, FollowUpLetter, Minutes, Paper, PublicationPermission
from senate.reviews.models import Request


def part(setting: Setting) -> Part:
    r = setting.request
    found = Part("council", "The Council's decision, the minutes, issue and publication")
    items = list(
        AgendaItem.objects.filter(request=r)
        .select_related("meeting__chair", "meeting__senate", "decision__recorded_by")
        .prefetch_related("meeting__attendance", "declarations__attendee", "declarations__recorded_by")
        .order_by("meeting__date", "number")
    )
    _items(found, items)
    _attendance(found, items)
    meetings = {i.meeting_id for i in items}
    minutes = Minutes.objects.filter(meeting_id__in=meetings).select_related("meeting", "approved_at_meeting")
    found.table(
        "minutes",
        "Minutes of those meetings",
        ["Meeting", "Status", "Approved", "Published", "Minutes"],
        [[str(m.meeting), m.get_status_display(), f"{day(m.approved_on)} {m.approved_at_meeting or ''}".strip(),
          day(m.published_on), m.text] for m in minutes.order_by("meeting__date")],
    )  # fmt: skip
    _papers(found, r, meetings)
    _issue(found, setting)
    return found


def _items(found: Part, items: list[AgendaItem]) -> None:
    rows, declared = [], []
    for item in items:
        decision = getattr(item, "decision", None)
        verdict = decisions.verdict(item) if item.needs_decision else None
        quorum = "" if verdict is None else (
            f"{'Quorate' if verdict.quorate else 'Not quorate'}: {verdict.counted} of {verdict.needed} needed. "
            + " ".join(verdict.reasons)
        )  # fmt: skip
        votes = ""
        if decision:
            votes = (f"{decision.get_method_display()}: {decision.votes_for} for, {decision.votes_against} against, "
                     f"{decision.abstentions} abstaining, {decision.recused} recused")  # fmt: skip
        rows.append([str(item.meeting), f"{item.number}: {item.title}", item.get_kind_display(), who(item.meeting.chair),
                     quorum.strip(), decision.get_outcome_display() if decision else "Not decided", votes,
                     decision.changes if decision else "", f"{when(decision.at)} {who(decision.recorded_by)}" if decision else ""])  # fmt: skip
        declared += [[str(item.meeting), str(item.number), d.attendee.name, d.get_source_display(), d.text,
                      "Yes" if d.confirmed else "No", d.get_action_display() or "No action yet", "Yes" if d.recused else "No"]
                     for d in item.declarations.all()]  # fmt: skip
    found.table(
        "council_decisions",
        "The request at Council: quorum after recusals, decision and votes",
        ["Meeting", "Item", "Kind", "Chair", "Quorum", "Decision", "Votes", "Changes required", "Recorded"],
        rows,
    )
    found.table(
        "council_declarations",
        "Declarations at the start of the item, and recusals",
        ["Meeting", "Item", "Member", "Source", "Declared", "Confirmed", "Action", "Recused"],
        declared,
    )


def _attendance(found: Part, items: list[AgendaItem]) -> None:
    meetings = {i.meeting_id: i.meeting for i in items}
    found.table(
        "council_attendance",
        "Attendance",
        ["Meeting", "Name", "Council role", "Observer", "Attendance"],
        [[str(m), a.name, a.role, "Yes" if a.observer else "", a.get_status_display()]
         for m in meetings.values() for a in m.attendance.all()],
    )  # fmt: skip


def _papers(found: Part, r: Request, meetings: set[int]) -> None:
    """The papers of the request's items, and the papers of those meetings that belong to no item (the
    agenda); never the papers of another request's item."""
    papers = Paper.objects.filter(meeting_id__in=meetings).filter(Q(item__request=r) | Q(item__isnull=True))
    rows = []
    for p in papers.select_related("meeting", "item", "added_by").order_by("meeting__date", "id"):
        path = f"documents/council/M{p.meeting_id}-P{p.pk}-{(p.file.name or '').rsplit('/', 1)[-1]}"
        found.documents.append(Document(path, p.title, _reader(p)))
        rows.append(
            [str(p.meeting), p.title, f"item {p.item.number}" if p.item else "", day(p.sent_on), who(p.added_by), path]
        )
    found.table("council_papers", "Council papers", ["Meeting", "Paper", "For", "Sent", "Added by", "File"], rows)


def _reader(paper: Paper) -> Any:
    def read() -> bytes:
        with paper.file.open("rb") as f:
            return f.read()

    return read


def _issue(found: Part, setting: Setting) -> None:
    r = setting.request
    issue = AdviceIssue.objects.filter(request=r).select_related("issued_by").first()
    permission = PublicationPermission.objects.filter(request=r).select_related("recorded_by").first()
    letters = FollowUpLetter.objects.filter(request=r).order_by("sent_on", "id")
    rows = []
    if issue:
        rows.append([when(issue.issued_at), "Advice issued", who(issue.issued_by), issue.covering_letter])
    if permission:
        agreed = permission.redaction_list()
        if setting.disclosure and agreed:
            redactions = f"{len(agreed)} redaction(s) agreed: withheld from this bundle"
        else:
            redactions = "Redactions agreed: " + "; ".join(agreed) if agreed else "No redactions"
        rows.append([day(permission.given_on), "Permission to publish", permission.given_by,
                     f"Publish from {day(permission.publish_from) or 'when issued'}. {redactions}. Recorded by {who(permission.recorded_by)}"])  # fmt: skip
        if setting.disclosure and agreed:
            found.withheld.append(Withheld("The wording of the redactions agreed for publication",
                                           "Redaction agreed for publication", "Quoting it would undo the redaction"))  # fmt: skip
    rows += [[day(x.sent_on), "Follow-up letter", "", x.text] for x in letters]
    found.table("issue_and_publication", "Issue and publication", ["When", "What", "By", "Detail"], rows)
