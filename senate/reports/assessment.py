"""The review's criteria, the panel members' own views, and the panel's versioned consensus
judgement on each criterion (issue 6, parts 3 and 4)."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.db.models import Max, Prefetch

from senate.accounts.models import User
from senate.core import audit
from senate.panels.models import JudgementPosition
from senate.reports import agreement, framework
from senate.reports.models import Criterion, IndividualView, Judgement, ReviewCriterion, Strength
from senate.reviews.models import Request


def criteria_for(request: Request) -> list[Criterion]:
    rows = ReviewCriterion.objects.filter(request=request).select_related("criterion")
    return [row.criterion for row in rows]


def pick_criteria(request: Request, *, criteria: list[Criterion], by: User) -> list[Criterion]:
    """Set the review's criteria. Criteria already judged cannot be removed (their judgements stay).
    The terms of reference's free-text criteria follow, as a new version, while they can change."""
    allowed = {c.pk for c in framework.available(request.senate)}
    if any(c.pk not in allowed for c in criteria):
        raise ValueError("Choose criteria from this Senate's framework")
    if not criteria:
        raise ValueError("Select at least one criterion")
    wanted = {c.pk for c in criteria}
    judged = set(Judgement.objects.filter(request=request).values_list("criterion_id", flat=True))
    if judged - wanted:
        raise ValueError("A criterion the panel has already judged cannot be removed")
    with transaction.atomic():
        ReviewCriterion.objects.filter(request=request).exclude(criterion_id__in=wanted).delete()
        have = set(ReviewCriterion.objects.filter(request=request).values_list("criterion_id", flat=True))
        for criterion in criteria:
            if criterion.pk not in have:
                ReviewCriterion.objects.create(request=request, criterion=criterion, added_by=by)
        audit.record(
            "review.criteria_picked",
            request,
            by=by,
            senate=request.senate,
            summary=f"Criteria for the review: {len(criteria)} chosen",
        )
        _follow_in_terms(request, by=by)
    return criteria_for(request)


def _follow_in_terms(request: Request, *, by: User) -> None:
    from senate.reviews import terms
    from senate.reviews.models import TermsOfReference

    current = terms.current(request)
    if current is None or current.status == TermsOfReference.Status.APPROVED:
        return
    text = "\n".join(c.title for c in criteria_for(request))
    if current.criteria.strip() == text:
        return
    values = {field: getattr(current, field) for field in terms.FIELDS} | {"criteria": text}
    terms.save_version(request, values=values, by=by)


def record_view(request: Request, *, criterion: Criterion, outcome: str, text: str, by: User) -> IndividualView:
    _check(request, criterion, outcome)
    agreement.check_recorder(request, criterion, by)
    if not text.strip():
        raise ValueError("Enter your view")
    with transaction.atomic():
        view = IndividualView.objects.create(
            request=request, criterion=criterion, author=by, outcome=outcome, text=text.strip()
        )
        audit.record("judgement.view_recorded", view, by=by, senate=request.senate, summary=f"View on {criterion}")
    return view


def record_judgement(
    request: Request,
    *,
    criterion: Criterion,
    outcome: str,
    strength: str,
    narrative: str,
    evidence: list[Any],
    agreed: Iterable[Any],
    dissents: Mapping[Any, str] | None = None,
    by: User,
) -> Judgement:
    """A new version of the panel's judgement, with where every seated member stood (agreed,
    dissented with their view, excluded by restriction, did not take part); earlier versions are kept
    unchanged. Refused (JudgementRefused, a ValueError) unless more than half of the members who may
    take part agree, or when the recorder's own restriction covers the criterion (reports.agreement)."""
    _check(request, criterion, outcome)
    agreement.check_recorder(request, criterion, by)
    marked = agreement.mark(agreement.seating(request, criterion), agreed=agreed, dissents=dissents or {})
    if strength not in Strength.values:
        raise ValueError("Select the strength of the evidence")
    if not narrative.strip():
        raise ValueError("Enter the panel's reasoning")
    if any(item.request_id != request.pk for item in evidence):
        raise ValueError("Choose evidence from this review")
    with transaction.atomic():
        rows = Judgement.objects.select_for_update().filter(request=request, criterion=criterion)
        number = (rows.aggregate(n=Max("version"))["n"] or 0) + 1
        made = Judgement.objects.create(
            request=request, criterion=criterion, version=number, outcome=outcome,
            strength=strength, narrative=narrative.strip(), recorded_by=by,
        )  # fmt: skip
        made.evidence.set(evidence)
        JudgementPosition.objects.bulk_create(
            JudgementPosition(judgement=made, seat=m.seat, position=m.position, view=m.view) for m in marked
        )
        audit.record(
            "judgement.recorded",
            made,
            by=by,
            senate=request.senate,
            summary=f"{criterion}: {framework.outcome_label(outcome)} (v{number})",
            data={m.position: sorted(x.seat.profile_id for x in marked if x.position == m.position) for m in marked},
        )
    return made


def _check(request: Request, criterion: Criterion, outcome: str) -> None:
    if not ReviewCriterion.objects.filter(request=request, criterion=criterion).exists():
        raise ValueError("That criterion is not one of this review's")
    if outcome not in dict(framework.scale()):
        raise ValueError("Select a judgement")


# Each position with its seat, member and account joined: one query for the positions, not three more.
PREFETCH = (
    "evidence",
    Prefetch("positions", queryset=JudgementPosition.objects.select_related("seat__profile__user")),
)


def current_judgements(request: Request) -> dict[int, Judgement]:
    """The latest version of each criterion's judgement, by criterion id."""
    found: dict[int, Judgement] = {}
    rows = Judgement.objects.filter(request=request).select_related("recorded_by").prefetch_related(*PREFETCH)
    for row in rows.order_by("criterion_id", "-version"):
        found.setdefault(row.criterion_id, row)
    return found


def history(request: Request, criterion: Criterion) -> list[Judgement]:
    return list(
        Judgement.objects.filter(request=request, criterion=criterion)
        .select_related("recorded_by")
        .prefetch_related(*PREFETCH)
        .order_by("-version")
    )


def views_on(request: Request, criterion: Criterion) -> list[IndividualView]:
    return list(IndividualView.objects.filter(request=request, criterion=criterion).select_related("author"))
