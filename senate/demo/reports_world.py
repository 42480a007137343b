"""Demo assessments and reports: on every South West request at or past the draft report (or the
letter of advice), the review's criteria, the panel's judgements, recommendations linked to criteria,
report drafts, and factual-accuracy rounds with the requester's comments and the panel's answers."""

import datetime as dt
import random

from django.utils import timezone

from senate.accounts.models import Role, RoleAssignment
from senate.organisations.models import Senate
from senate.reports import agreement, assessment, framework
from senate.reports.drafting import DEFAULT_GLOSSARY, kind_for
from senate.reports.models import AccuracyComment, AccuracyRound, RecommendationCriterion, ReportDraft
from senate.reports.stages import at_or_past
from senate.reviews.models import Request

CODES = ["test-1-engagement", "test-3-evidence", "bed-test", "duty-inequalities", "workforce", "quality-safety"]
OUTCOMES = [
    "supported",
    "supported_with_conditions",
    "supported",
    "supported_with_conditions",
    "not_supported",
    "supported",
]
NARRATIVE = (
    "The panel read the pre-consultation business case and its appendices, visited both sites and heard from "
    "clinicians, managers and patient representatives.\n\nThe evidence presented for this criterion is "
    "consistent with national guidance and with the experience of comparable systems; the panel's "
    "reservations are set out in the recommendations."
)
DISSENT = (
    "I would support the proposal: the travel-time analysis is sound, and the risks the panel sees are "
    "better met by the conditions in the recommendations than by refusing the model."
)
SECTIONS = {
    "foreword": "On behalf of the Clinical Senate we thank the clinicians, managers and patient representatives "
    "who gave their time to this review.",
    "summary": "The panel supports the case for change. It supports the proposed model with conditions: "
    "the workforce plan and the travel-time analysis need more work before public consultation.",
    "scope": "The panel reviewed the clinical case. It did not review the financial or estates cases.",
    "method": "A desktop review of the evidence, a site visit and a panel day.",
    "conclusions": "Staying the same is not an option. The proposed model is clinically sound, subject to the "
    "recommendations in this report.",
    "glossary": DEFAULT_GLOSSARY,
}


def build(rng: random.Random, *, today: dt.date) -> None:
    senate = Senate.objects.get(slug="south-west")
    assignment = RoleAssignment.objects.filter(senate=senate, role=Role.MANAGER).order_by("user__email").first()
    assert assignment is not None, "the demo Senate has a manager"
    manager = assignment.user
    for request in Request.objects.filter(senate=senate).order_by("id"):
        if not (at_or_past(request, "draft_report") or at_or_past(request, "advice_drafted")):
            continue
        if request.stage in ("paused", "withdrawn"):
            continue
        _assess(request, manager, rng)
        first = _draft(request, 1, "First draft", manager)
        if request.is_short_path or not at_or_past(request, "factual_accuracy"):
            continue
        revised = at_or_past(request, "report_revised")
        second = _draft(request, 2, "Revised after the factual-accuracy check", manager) if revised else None
        _round(request, first, manager, today, corrected_in=second)


def _assess(request: Request, manager, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    codes = CODES if not request.is_short_path else CODES[1:2] + CODES[4:5]
    picked = list(framework.available(request.senate).filter(code__in=codes))
    assessment.pick_criteria(request, criteria=picked, by=manager)
    items = list(request.evidence_items.all()[:2])
    for n, criterion in enumerate(picked):
        seated = agreement.seating(request, criterion)
        if not seated.may_take_part:
            continue  # no panel on record (a review closed before panels were kept): no judgement either
        # The whole panel agrees, except that on a judgement against the proposal one member dissents.
        outcome = OUTCOMES[n % len(OUTCOMES)]
        dissenting = seated.may_take_part[-1:] if outcome == "not_supported" and len(seated.may_take_part) > 2 else []
        assessment.record_judgement(
            request, criterion=criterion, outcome=outcome, strength=rng.choice(["strong", "moderate"]),
            narrative=NARRATIVE, evidence=items, by=manager,
            agreed=[s for s in seated.may_take_part if s not in dissenting],
            dissents={s: DISSENT for s in dissenting},
        )  # fmt: skip
    for rec, criterion in zip(request.recommendations.order_by("number"), reversed(picked), strict=False):
        RecommendationCriterion.objects.get_or_create(recommendation=rec, defaults={"criterion": criterion})


def _draft(request: Request, version: int, note: str, by) -> ReportDraft:  # type: ignore[no-untyped-def]
    """Demo history: drafts are written directly, as a request past approval can no longer be drafted."""
    kind = kind_for(request)
    sections = {**SECTIONS, "background": request.background}
    return ReportDraft.objects.create(
        request=request, version=version, kind=kind, overall_opinion="supported_with_conditions",
        sections=sections, change_note=note, created_by=by,
    )  # fmt: skip


def _round(request: Request, draft: ReportDraft, manager, today: dt.date, *, corrected_in: ReportDraft | None) -> None:  # type: ignore[no-untyped-def]
    """The round on the first draft; once the report is revised, its window has closed, every comment
    is answered and the accepted one names the version that corrects it."""
    answered = corrected_in is not None
    window = dt.timedelta(days=request.senate.factual_accuracy_days)
    found = AccuracyRound.objects.create(
        request=request, draft=draft, opened_by=manager,
        closes_on=today - dt.timedelta(days=7) if answered else today + window,
        closed_at=timezone.now() if answered else None,
    )  # fmt: skip
    comments = [
        ("background", "The stroke unit at the second site opened in 2019, not 2017."),
        ("summary", "We think the summary understates the engagement already done with stroke survivors."),
    ]
    for n, (section, text) in enumerate(comments):
        item = AccuracyComment.objects.create(round=found, section=section, text=text, by=request.created_by)
        if answered:
            item.response = "accepted" if n == 0 else "answered"
            item.corrected_in = corrected_in if n == 0 else None
            item.answer = "" if n == 0 else "The panel has noted the engagement; its view on the summary is unchanged."
            item.answered_by, item.answered_at = manager, timezone.now()
            item.save()
