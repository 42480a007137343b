"""The report: every version (each as its PDF), the factual-accuracy round's comments and the panel's
answers, the recommendations and the requester's responses. A disclosure bundle renders each version
with the redactions agreed for publication."""

from typing import Any

from senate.bundles.contents import Document, Part, Setting, Withheld, chronological, day, when, who
from senate.reports import accuracy, publication
from senate.reports.framework import outcome_label
from senate.reports.models import AccuracyRound, ReportDraft
from senate.reviews.models import FollowUp, Recommendation, Request


def part(setting: Setting) -> Part:
    r = setting.request
    found = Part("report", "The report, the factual-accuracy check and the recommendations")
    drafts = list(
        ReportDraft.objects.filter(request=r).select_related("created_by", "request__senate").order_by("version")
    )
    rows = []
    for d in drafts:
        path = f"documents/report/{r.reference or 'request'}-v{d.version}.pdf"
        found.documents.append(Document(path, f"{d.get_kind_display()} v{d.version}", _pdf(d, setting.redactions)))
        rows.append([f"v{d.version}", d.get_kind_display(), when(d.created_at), who(d.created_by),
                     outcome_label(d.overall_opinion), d.change_note, path])  # fmt: skip
    found.table(
        "report_versions",
        "Every version of the report",
        ["Version", "Kind", "Written", "By", "Overall opinion", "What changed", "File"],
        rows,
    )
    if setting.redactions:
        found.withheld.append(Withheld(
            f"{len(setting.redactions)} passage(s) of the report and the record, replaced by [redacted]",
            "Redaction agreed for publication", "Agreed with the requester when permission to publish was given"))  # fmt: skip
    _accuracy(found, r)
    _recommendations(found, r)
    return found


def _pdf(draft: ReportDraft, redactions: tuple[str, ...]) -> Any:
    return lambda: publication.report_pdf(draft, redactions)


def _accuracy(found: Part, r: Request) -> None:
    rounds = AccuracyRound.objects.filter(request=r).select_related("draft", "opened_by").order_by("opened_at", "id")
    found.table(
        "accuracy_rounds",
        "Factual-accuracy rounds",
        ["Opened", "By", "Draft", "Closes", "Closed"],
        [
            [when(a.opened_at), who(a.opened_by), f"v{a.draft.version}", day(a.closes_on), when(a.closed_at)]
            for a in rounds
        ],
    )
    found.table(
        "accuracy_comments",
        "The requester's factual-accuracy comments and the panel's answers",
        ["Commented", "By", "Draft", "Section", "Comment", "Answer", "Answered"],
        [[when(c.at), who(c.by), f"v{c.round.draft.version}", c.section.replace("_", " "), c.text,
          (c.get_response_display() + ". " + c.answer).strip(". ") if c.response else "Not answered",
          f"{when(c.answered_at)} {who(c.answered_by)}".strip()] for c in accuracy.all_comments(r)],
    )  # fmt: skip


def _recommendations(found: Part, r: Request) -> None:
    recs = Recommendation.objects.filter(request=r).prefetch_related("responses__by").order_by("number")
    rows: list[tuple[Any, list[str]]] = []
    found.table(
        "recommendations",
        "Recommendations",
        ["Number", "Theme", "Recommendation", "To", "Priority"],
        [[str(x.number), x.theme, x.text, x.addressee, x.get_priority_display()] for x in recs],
    )
    for x in recs:
        rows += [(p.at, [when(p.at), str(x.number), p.get_decision_display(), p.narrative, day(p.planned_date), who(p.by)])
                 for p in x.responses.all()]  # fmt: skip
    follow = FollowUp.objects.filter(request=r).select_related("recommendation", "by")
    rows += [(f.at, [when(f.at), str(f.recommendation.number) if f.recommendation else "All", "Senate follow-up",
                     f.note, "", who(f.by)]) for f in follow]  # fmt: skip
    found.table(
        "responses",
        "The requester's responses and the Senate's follow-up",
        ["When", "Recommendation", "Response", "What was said", "Planned by", "By"],
        chronological(rows),
    )
