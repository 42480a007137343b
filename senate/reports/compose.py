"""Compose a report version from the structured record (request, terms of reference, judgements,
recommendations, panel and declarations, evidence, document control) and its written sections."""

import datetime as dt
from typing import Any

from django.utils import timezone

from senate.evidence.models import EvidenceItem
from senate.reports import accuracy, agreement, assessment, drafting, framework, recommendations, signoff
from senate.reports.document import Block, Document, Section, paragraphs, table
from senate.reports.models import AccuracyComment, Judgement, ReportDraft, SignOff
from senate.reports.outline import BROKERING, LETTER_ORDER, REPORT_ORDER, order_for, section_titles
from senate.reviews.models import Request

__all__ = ["BROKERING", "LETTER_ORDER", "REPORT_ORDER", "compose", "order_for", "section_titles"]


def compose(draft: ReportDraft, *, today: dt.date | None = None) -> Document:
    request = draft.request
    today = today or timezone.localdate()
    made = signoff.sign_off_of(draft)
    recs = recommendations.with_criteria(request)  # shown in their own section and beside the findings
    builders = {
        "document_control": lambda: _document_control(request, draft, made),
        "request": lambda: _request(request),
        "recommendations": lambda: _recommendations(recs),
        "method": lambda: _method(request, draft),
        "terms": lambda: _terms(request),
        "findings": lambda: _findings(request, draft, recs),
        "panel": lambda: _panel(request, today),
        "evidence": lambda: _evidence(request),
        "partners": lambda: _partners(request),
        "brokering": lambda: _brokering(request),
        "summary": lambda: _summary(draft),
    }
    sections = []
    for number, (key, title) in enumerate(order_for(draft), start=1):
        build = builders.get(key)
        blocks = build() if build else paragraphs(draft.sections.get(key, ""))
        sections.append(Section(key, number, title, blocks or [Block("note", "Not yet written.")]))
    # Final only when the Council signed off this very version, whatever stage the request is at.
    final = made is not None
    return Document(
        kind_label="Letter of advice" if draft.kind == ReportDraft.Kind.LETTER else "Clinical review report",
        title=request.title,
        senate_name=request.senate.name,
        reference=request.reference or "",
        requester=request.requesting_organisation.name,
        version_label=f"Version {draft.version}",
        status_label="Final" if final else "Draft: confidential, not for circulation",
        date_label=f"{timezone.localtime(draft.created_at):%-d %B %Y}",
        classification="OFFICIAL" if final else "OFFICIAL-SENSITIVE: draft",
        overall_opinion=framework.outcome_label(draft.overall_opinion),
        sections=sections,
    )


def _document_control(request: Request, draft: ReportDraft, made: SignOff | None) -> list[Block]:
    blocks = (
        [Block("note", signoff.sign_off_text(made)), table("Sign-off", ["", ""], signoff.sign_off_rows(made), [2, 5])]
        if made
        else []
    )
    versions = [
        [f"v{d.version}", f"{timezone.localtime(d.created_at):%-d %b %Y}", str(d.created_by), d.change_note]
        for d in accuracy.drafts(request)
    ]
    blocks.append(table("Versions", ["Version", "Date", "By", "Changes"], versions, [1, 2, 3, 6]))
    comments = accuracy.all_comments(request)
    if comments:
        rows = [
            [
                f"v{c.round.draft.version}",
                c.section.replace("_", " ").capitalize(),
                c.text,
                _answer(c),
            ]
            for c in comments
        ]
        blocks.append(
            table(
                "Factual-accuracy comments and the panel's answers",
                ["Draft", "Section", "Comment", "Answer"],
                rows,
                [1, 2, 5, 5],
            )
        )
    return blocks


def _answer(comment: AccuracyComment) -> str:
    if not comment.response:
        return "Awaiting answer"
    text = comment.get_response_display() + (f" {comment.answer}" if comment.answer else "")
    return text + (f" (in v{comment.corrected_in.version})" if comment.corrected_in else "")


def _request(request: Request) -> list[Block]:
    rows = [
        ["Requested by", request.requesting_organisation.name],
        ["Sponsor", request.sponsor_organisation.name if request.sponsor_organisation else "Not needed"],
        ["Kind of advice", request.get_kind_display()],
        ["NHS England assurance stage", request.get_assurance_stage_display() or "Not stated"],
        ["Places affected", request.places or "Not stated"],
    ]
    blocks = [table("About the request", ["", ""], rows, [2, 5])]
    if request.questions:
        blocks += [Block("h3", "The questions asked"), *paragraphs(request.questions.replace("\n", "\n\n"))]
    return blocks


def _summary(draft: ReportDraft) -> list[Block]:
    opinion = framework.outcome_label(draft.overall_opinion)
    return [Block("note", f"The panel's overall opinion: {opinion}."), *paragraphs(draft.sections.get("summary", ""))]


def _recommendations(recs: list[Any]) -> list[Block]:
    rows = [[str(r.number), r.theme or "General", r.text, r.addressee, r.get_priority_display()] for r in recs]
    if not rows:
        return [Block("p", "The panel makes no recommendations.")]
    return [table("Recommendations", ["No.", "Theme", "Recommendation", "For", "Priority"], rows, [1, 2, 7, 3, 2])]


def _method(request: Request, draft: ReportDraft) -> list[Block]:
    from senate.reviews import terms

    current = terms.current(request)
    blocks = paragraphs(draft.sections.get("method", ""))
    if current is not None:
        used = [
            label
            for flag, label in [
                (current.desktop_review, "a desktop review of the evidence supplied"),
                (current.site_visits, "site visits"),
                (current.interviews, "interviews with clinicians, managers and partners"),
                (current.panel_day, "a panel day to agree the panel's judgements"),
            ]
            if flag
        ]
        blocks.append(Block("list", items=tuple(s[0].upper() + s[1:] for s in used)))
    return blocks


def _terms(request: Request) -> list[Block]:
    from senate.reviews import terms

    current = terms.current(request)
    if current is None:
        return [Block("note", "No terms of reference have been recorded.")]
    rows = [
        [label, value]
        for label, value in [
            ("Version", terms.stamp(current) + f" ({current.get_status_display().lower()})"),
            ("Scope", current.scope),
            ("Exclusions", current.exclusions),
            ("Questions", current.questions),
            ("Criteria", "; ".join(c.title for c in assessment.criteria_for(request)) or current.criteria),
            ("Timetable", current.timetable),
            ("Deliverables", current.deliverables),
            ("Publication", current.publication),
        ]
        if value
    ]
    return [table("Terms of reference", ["Element", "Agreed"], rows, [2, 7])]


def _findings(request: Request, draft: ReportDraft, recs: list[Any]) -> list[Block]:
    criteria = assessment.criteria_for(request)
    if not criteria:
        return [Block("note", "No criteria have been chosen for this review.")]
    judged = _judgements_as_at(request, draft)
    overview = [
        [c.title, framework.outcome_label(judged[c.pk].outcome) if c.pk in judged else "Not yet judged",
         judged[c.pk].get_strength_display() if c.pk in judged else ""]
        for c in criteria
    ]  # fmt: skip
    blocks = [
        table(
            "The panel's judgement on each criterion",
            ["Criterion", "Judgement", "Strength of evidence"],
            overview,
            [6, 3, 3],
        )
    ]
    for c in criteria:
        blocks.append(Block("h3", c.title))
        j = judged.get(c.pk)
        if j is None:
            blocks.append(Block("note", "The panel has not yet recorded a judgement."))
            continue
        blocks.append(
            Block(
                "note",
                f"Judgement: {framework.outcome_label(j.outcome)}. Strength of evidence: {j.get_strength_display().lower()}.",
            )
        )
        blocks += paragraphs(j.narrative)
        blocks += [Block("p", line) for line in agreement.agreement_of(j).sentences()]
        relied = [evidence_name(item) for item in j.evidence.all()]
        if relied:
            blocks.append(Block("p", "Evidence relied on: " + "; ".join(relied) + "."))
        linked = [f"Recommendation {r.number}" for r in recs if r.criterion and r.criterion.pk == c.pk]
        if linked:
            blocks.append(Block("p", "See " + ", ".join(linked) + "."))
        if c.code == "bed-test":
            blocks += _bed_model(request)
    return blocks


def _bed_model(request: Request) -> list[Block]:
    """The bed model the panel relied on for the bed test: its tables, charts and assumptions."""
    from senate.beds import presenters

    model = presenters.bed_test_model(request)
    if model is None:
        return []
    blocks = [Block("h3", f"The panel's bed model: {model.title}")]
    for t in presenters.report_tables(model):
        blocks.append(table(t["caption"], list(t["head"]), [list(r) for r in t["rows"]]))
    for chart in presenters.report_charts(model):
        blocks.append(Block("figure", text=chart["title"], caption=chart["svg"]))
    assumptions = presenters.report_assumptions(model)
    if assumptions:
        blocks += [Block("p", "Assumptions of the bed model:"), Block("list", items=tuple(assumptions))]
    return blocks


def _judgements_as_at(request: Request, draft: ReportDraft) -> dict[int, Judgement]:
    """Each criterion's judgement as it stood when the draft was saved, so a version never changes."""
    found: dict[int, Judgement] = {}
    rows = Judgement.objects.filter(request=request, recorded_at__lte=draft.created_at).prefetch_related(
        *assessment.PREFETCH
    )
    for row in rows.order_by("criterion_id", "-version"):
        found.setdefault(row.criterion_id, row)
    return found


def _panel(request: Request, today: dt.date) -> list[Block]:
    from senate.interests.panel import panel_declarations
    from senate.panels.membership import accepted_seats
    from senate.panels.models import PanelRole

    seats = accepted_seats(request)
    if not seats:
        return [Block("note", "The panel has not been recorded.")]
    profiles = [seat.profile for seat in seats]
    labels = dict(PanelRole.choices)
    declarations = panel_declarations(request, profiles, on=today)
    rows = []
    for seat, d in zip(seats, declarations.rows, strict=True):
        said = (
            d.interests
            + d.decisions
            + ([f"Declared for this review: {d.declared_for_review}"] if d.declared_for_review else [])
        )
        rows.append(
            [
                d.member,
                labels.get(seat.role or "", "Member"),
                d.role,
                "; ".join(said) or "Nothing to declare",
            ]
        )
    return [
        *[Block("p", line) for line in declarations.statement],
        Block("p", "The declarations and the decisions taken on them are set out below."),
        table("Panel members, roles and declarations of interest", ["Member", "Panel role", "Senate role", "Declarations and decisions"], rows, [3, 2, 3, 6]),
    ]  # fmt: skip


# The report is written for its widest reader (it may be published), so it names only evidence at
# these tiers; an official-sensitive or draft item is listed, numbered and classified, title withheld.
NAMED_TIERS = {"public", "official"}


def evidence_name(item: EvidenceItem) -> str:
    """How the report names an evidence item: its title, or that the title is withheld and why."""
    if item.tier in NAMED_TIERS:
        return str(item.title)
    return f"Title withheld ({item.get_tier_display().lower()})"


def _partners(request: Request) -> list[Block]:
    from senate.assurance.queries import engagements_of

    rows = [
        [e.organisation.name, e.organisation.get_type_display(), e.get_how_display(), e.note]
        for e in engagements_of(request)
    ]
    if not rows:
        return [Block("note", "No partner organisations were recorded as engaged.")]
    return [table("Partners engaged", ["Partner", "Kind", "How", "Note"], rows, [4, 3, 2, 4])]


def _brokering(request: Request) -> list[Block]:
    from senate.assurance.brokering import confirmed_by_all
    from senate.assurance.queries import parties_of, points_of, sessions_of

    parties = [f"{p.name} ({p.organisation.name})" for p in parties_of(request)]
    blocks = [Block("h3", "The parties"), Block("list", items=tuple(parties))] if parties else []
    sessions = [f"{s.on:%-d %B %Y}: " + ", ".join(s.attended.splitlines()) for s in sessions_of(request)]
    if sessions:
        blocks += [Block("h3", "Facilitated sessions"), Block("list", items=tuple(sessions))]
    points = [[p.get_status_display(), p.text] for p in points_of(request)]
    if points:
        blocks.append(table("Points agreed and still in dispute", ["Where it stands", "Point"], points, [2, 8]))
    statement = getattr(request, "consensus", None) if hasattr(request, "consensus") else None
    if statement is not None:
        confirmed = "confirmed by every party" if confirmed_by_all(request) else "not yet confirmed by every party"
        blocks += [Block("h3", f"Consensus statement ({confirmed})"), *paragraphs(statement.text)]
    return blocks or [Block("note", "No honest-broker work has been recorded.")]


def _evidence(request: Request) -> list[Block]:
    from senate.evidence.witnesses import witnesses_heard

    heard = witnesses_heard(request)
    witnesses = [Block("h3", "Witnesses heard"), Block("list", items=tuple(heard))] if heard else []
    return _evidence_items(request) + witnesses


def _evidence_items(request: Request) -> list[Block]:
    items = EvidenceItem.objects.filter(request=request).order_by("added_at", "id")
    rows = [
        [str(n), evidence_name(item), item.get_kind_display(), item.get_source_display(), item.get_tier_display()]
        for n, item in enumerate(items, start=1)
    ]
    if not rows:
        return [Block("note", "No evidence items have been recorded.")]
    withheld = sum(item.tier not in NAMED_TIERS for item in items)
    note = (
        [Block("note", f"{withheld} item{'s are' if withheld != 1 else ' is'} official-sensitive or not for "
               "circulation: the Senate holds them, and the report does not name them.")]
        if withheld else []
    )  # fmt: skip
    return [table("Evidence", ["No.", "Title", "Kind", "Supplied by", "Classification"], rows, [1, 6, 3, 2, 3])] + note


def written_labels(draft: ReportDraft) -> dict[str, str]:
    titles = section_titles(draft)
    return {key: titles.get(key, drafting.LABELS[key]) for key in drafting.WRITTEN[draft.kind]}
