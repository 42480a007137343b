"""Reads the assurance pages share: the context of one request, honest-broker material a person may
see, and the picture across requests (a plain function over the requests a person may see, so the
Senate team's, the assurance viewer's and a national team's pages ask the same question)."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet

from senate.accounts.models import User
from senate.accounts.permissions import is_senate_team
from senate.accounts.roles import organisations_for
from senate.assurance.models import AssuranceEvent, Engagement, Party, Point, Session, Step, Submission
from senate.reviews.models import Request


def quarter_of(today: dt.date) -> tuple[dt.date, dt.date]:
    first_month = 3 * ((today.month - 1) // 3) + 1
    start = dt.date(today.year, first_month, 1)
    end = dt.date(today.year + (first_month == 10), (first_month + 3 - 1) % 12 + 1, 1) - dt.timedelta(days=1)
    return start, end


@dataclass
class Across:
    quarter: tuple[dt.date, dt.date]
    feeding: list[tuple[Request, AssuranceEvent]] = field(default_factory=list)
    notifiable: list[Request] = field(default_factory=list)
    called_in: list[tuple[Request, list[AssuranceEvent]]] = field(default_factory=list)
    temporary: list[Request] = field(default_factory=list)


def across(visible: QuerySet[Request], today: dt.date) -> Across:
    """Which reviews feed which checkpoints this quarter, which proposals are notifiable, which were
    called in (a request or a direction), and urgent temporary changes with their review dates."""
    quarter = quarter_of(today)
    found = (
        visible.filter(assurance__isnull=False)
        .select_related("assurance", "requesting_organisation")
        .prefetch_related(Prefetch("assurance__events", queryset=AssuranceEvent.objects.order_by("on", "pk")))
        .order_by("reference")
    )
    result = Across(quarter)
    for r in found:
        events = list(r.assurance.events.all())
        informed = r.assurance.informs
        result.feeding += [(r, e) for e in events if e.step == informed and quarter[0] <= e.on <= quarter[1]]
        if r.assurance.notifiable:
            result.notifiable.append(r)
        calls = [e for e in events if e.step in (Step.CALL_IN_REQUEST, Step.CALL_IN_DIRECTION)]
        if calls:
            result.called_in.append((r, calls))
        if r.kind == "urgent_temporary" and r.assurance.temporary_review_date:
            result.temporary.append(r)
    result.feeding.sort(key=lambda pair: pair[1].on)
    result.temporary.sort(key=lambda r: r.assurance.temporary_review_date or today)
    return result


def submissions_visible_to(user: User, request: Request) -> QuerySet[Submission]:
    """The Senate team sees every submission; anyone else what is shared with every party and their
    own party's submissions."""
    found = Submission.objects.filter(party__request=request).select_related("party", "submitted_by")
    if is_senate_team(user, request):
        return found
    own = organisations_for(user, request.senate)
    return found.filter(Q(shared_at__isnull=False) | Q(party__organisation_id__in=own))


def parties_of(request: Request) -> QuerySet[Party]:
    return Party.objects.filter(request=request).select_related("organisation")


def own_parties(user: User, request: Request, parties: Iterable[Party] | None = None) -> list[Party]:
    """The parties this person acts for: of `parties` when the page has read them already."""
    own = organisations_for(user, request.senate)
    return [p for p in (parties_of(request) if parties is None else parties) if p.organisation_id in own]


def sessions_of(request: Request) -> QuerySet[Session]:
    return Session.objects.filter(request=request)


def points_of(request: Request) -> QuerySet[Point]:
    return Point.objects.filter(request=request)


def engagements_of(request: Request) -> QuerySet[Engagement]:
    return Engagement.objects.filter(request=request).select_related("organisation")
