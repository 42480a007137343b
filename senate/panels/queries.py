"""What the panels pages read: each a function a test can call, with a fixed number of queries
whatever the number of members, seats or runs (the views hold no queries of their own)."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import CharField, Count, Q, QuerySet, Value

from senate.members.models import MemberProfile
from senate.organisations.models import Senate
from senate.panels.candidates import Candidate, read_pool
from senate.panels.checks import faults_of_recruited
from senate.panels.models import (
    Loan,
    OptimiserRun,
    PanelAbsence,
    PanelAvailability,
    PanelChoice,
    PanelMember,
    PanelSpec,
)
from senate.panels.specs import PANEL_CLOSED
from senate.reviews.models import Request

CANDIDATES_PER_PAGE = 25
RUN_REQUESTS_PER_PAGE = 5


@dataclass
class CandidatePage:
    found: list[Candidate]
    """The page's candidates, each with their fit explained in words."""
    page: Page
    total: int


def candidate_page(
    request: Request,
    *,
    on: dt.date,
    spec: PanelSpec | None,
    q: str = "",
    show: str = "all",
    skill: str = "",
    sort: str = "fit",
    page: int | str | None = None,
    per_page: int = CANDIDATES_PER_PAGE,
) -> CandidatePage:
    """One page of the request's candidates, filtered and sorted over the whole pool, which is
    scored once from plain values; only the page's rows are made into Candidates with their profiles."""
    # Who may be invited turns on every member's declarations and conflicts: read for the whole pool only
    # when filtering on it, else for the page's rows.
    eligible = show == "eligible"
    pool = read_pool(request, on=on, spec=spec, skills=[skill] if skill else [], declarations=eligible, screen=eligible)
    rows = pool.best_first()
    q = q.strip().lower()
    if q:
        rows = [i for i in rows if q in pool.names[i].lower() or q in pool.titles[i].lower()]
    if show == "eligible":
        rows = [i for i in rows if not pool.blocked(i)]
    elif show in ("own", "lent"):
        rows = [i for i in rows if pool.lent[i] == (show == "lent")]
    if skill:
        rows = [i for i in rows if skill in pool.skills[i]]
    if sort == "load":
        rows.sort(key=lambda i: (pool.load[i], -pool.fit[i]))
    elif sort == "name":
        rows.sort(key=lambda i: pool.names[i])
    shown = Paginator(rows, per_page).get_page(page)
    return CandidatePage(found=pool.candidates(list(shown)), page=shown, total=len(rows))


def standing_choices(request: Request) -> dict[str, dict[int, str]]:
    """The manager's pins and removals, the seats and the loans of a request, by profile id, in one
    query (a member has at most one of each on a request)."""

    def tagged(model: type[PanelChoice] | type[PanelMember] | type[Loan], what: str, value: str) -> QuerySet[Any, Any]:
        rows = model.objects.filter(request=request).order_by()
        return rows.annotate(what=Value(what, output_field=CharField())).values_list("what", "profile_id", value)

    found: dict[str, dict[int, str]] = {"choices": {}, "seats": {}, "loaned": {}}
    both = tagged(PanelChoice, "choices", "kind").union(
        tagged(PanelMember, "seats", "status"), tagged(Loan, "loaned", "status"), all=True
    )
    for what, profile_id, value in both:
        found[what][profile_id] = value
    return found


def seats_of(request: Request) -> list[PanelMember]:
    seats = list(PanelMember.objects.filter(request=request).select_related("profile__user", "answer_recorded_by"))
    for seat in seats:
        seat.request = request  # the request already read, not read again for each seat
    return seats


def loans_for(request: Request) -> list[Loan]:
    return list(Loan.objects.filter(request=request).select_related("profile__user", "lender"))


def other_open_requests(senate: Senate, request: Request) -> list[Request]:
    """The Senate's other requests with a panel specification whose panel is still being formed
    (`panel_open`, asked of the database: a Senate's finished reviews keep their specifications)."""
    others = Request.objects.filter(senate=senate, panel_spec__isnull=False).exclude(pk=request.pk)
    return list(others.exclude(stage__in=PANEL_CLOSED))


def not_yet_recruited(request: Request, spec: PanelSpec | None, labels: dict[str, str] | None = None) -> str | None:
    """Why 'panel recruited' may not be recorded yet for a request that awaits it ('' when it may be),
    or None when the request is not at that step: the lifecycle's own check
    (`checks.panel_recruited_check`, given the specification the page read with its rules), so the
    page and the act never disagree. `labels`: the skills' labels, when the page has read them."""
    if request.stage != "tor_approved":
        return None
    return faults_of_recruited(request, spec, labels) or ""


def latest_run(senate: Senate) -> OptimiserRun | None:
    return OptimiserRun.objects.filter(senate=senate).first()


def run_requests(made: OptimiserRun) -> list[Request]:
    return list(made.requests.select_related("senate").order_by("pk"))


def run_choices(requests: list[Request]) -> dict[str, Any]:
    """The pins and removals, removals counted per request, and loans of a run's requests: three
    queries whatever the number of requests."""
    removed = (
        PanelChoice.objects.filter(request__in=requests)
        .values("request_id")
        .annotate(n=Count("pk", filter=Q(kind=PanelChoice.Kind.REMOVE)))
    )
    return {
        "choices": {
            (r, p): kind
            for r, p, kind in PanelChoice.objects.filter(request__in=requests).values_list(
                "request_id", "profile_id", "kind"
            )
        },
        "removed_counts": {row["request_id"]: row["n"] for row in removed},
        "loaned": {(x.request_id, x.profile_id): x for x in Loan.objects.filter(request__in=requests)},
    }


def run_summary(made: OptimiserRun, requests: list[Request], shown: Page) -> list[dict[str, Any]]:
    """Every request of a run in one line (members proposed, rules unmet, the page it is on), from the
    run's kept result: no query, however many requests the run covered."""
    on_page = {r.pk: shown.number for r in shown}
    per_page = shown.paginator.per_page
    lines = []
    for n, r in enumerate(requests):
        result = made.for_request(r.pk)
        lines.append(
            {
                "request": r,
                "proposed": len(result.get("panel", [])),
                "unmet": len(result.get("unmet", [])),
                "page": on_page.get(r.pk, n // per_page + 1),
            }
        )
    return lines


def already_seated(request: Request, profile_id: int) -> bool:
    return PanelMember.objects.filter(request=request, profile_id=profile_id).exists()


def loan_approved(request: Request, profile_id: int) -> bool:
    return Loan.objects.filter(request=request, profile_id=profile_id, status=Loan.Status.APPROVED).exists()


def seat_with_member(request: Request, seat_pk: int) -> PanelMember | None:
    return PanelMember.objects.select_related("profile__user").filter(pk=seat_pk, request=request).first()


def profile(pk: int) -> MemberProfile | None:
    return MemberProfile.objects.select_related("user").filter(pk=pk).first()


def availability_of(profile: MemberProfile) -> PanelAvailability | None:
    return PanelAvailability.objects.filter(profile=profile).first()


def absence_of(profile: MemberProfile, pk: int) -> PanelAbsence | None:
    return PanelAbsence.objects.filter(pk=pk, profile=profile).first()


def seats_of_member(profile: MemberProfile) -> Any:
    return PanelMember.objects.filter(profile=profile).select_related("request__senate").order_by("-invited_at")


def request_in(senate: Senate, pk: int) -> Request | None:
    return Request.objects.filter(pk=pk, senate=senate).select_related("senate__region").first()
