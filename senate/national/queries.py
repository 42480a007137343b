"""Reads of the national view: the national advice log (published advice of every Senate, by the one
rule of every public page, `council.publication.published_advice`), issued advice for NHS England's
national team, and every Senate's figures side by side (`senate_figures`, for the national dashboard
of issue 17 to reuse)."""

import datetime as dt
import statistics
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, DateField, F, Min, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, ExtractYear, Greatest

from senate.assurance.queries import Across, across
from senate.council.publication import ISSUED_OR_LATER, published_advice
from senate.organisations.models import Organisation, Senate
from senate.reviews.models import Request, RequestEvent
from senate.reviews.stages import Stage


@dataclass(frozen=True)
class LogFilters:
    """What a visitor narrowed the log to; None for "all"."""

    senate: Senate | None = None
    year: int | None = None
    kind: str | None = None
    service: Any = None
    icb: Organisation | None = None


def advice_log(*, today: dt.date, filters: LogFilters = LogFilters()) -> QuerySet[Request]:
    """Published advice of every Senate, newest published first, each with `published_on` (the day
    it became public: permission given, or the agreed publication date when later)."""
    log = (
        published_advice(today=today)
        .annotate(
            published_on=Greatest(
                "publication_permission__given_on",
                Coalesce("publication_permission__publish_from", "publication_permission__given_on"),
                output_field=DateField(),
            )
        )
        .select_related("senate")
        .prefetch_related("service_areas")
        .order_by("-published_on", "-pk")
    )
    if filters.senate is not None:
        log = log.filter(senate=filters.senate)
    if filters.year is not None:
        log = log.annotate(published_year=ExtractYear("published_on")).filter(published_year=filters.year)
    if filters.kind:
        log = log.filter(kind=filters.kind)
    if filters.service is not None:
        log = log.filter(
            pk__in=Request.service_areas.through.objects.filter(expertise=filters.service).values("request")
        )
    if filters.icb is not None:
        log = log.filter(pk__in=_concerning(filters.icb))
    return log


def _concerning(icb: Organisation) -> QuerySet[Request, Any]:
    """Requests about an ICB's area: made or sponsored by it or by an organisation in it, or affecting it."""
    return Request.objects.filter(
        Q(requesting_organisation=icb)
        | Q(requesting_organisation__icb=icb)
        | Q(sponsor_organisation=icb)
        | Q(affected_organisations=icb)
        | Q(affected_organisations__icb=icb)
    ).values("pk")


def log_years(*, today: dt.date) -> list[int]:
    """The years in which advice was published, newest first (the log's year filter)."""
    log: Any = advice_log(today=today)  # `published_on` is the log's annotation
    years = {d.year for d in log.values_list("published_on", flat=True)}
    return sorted(years, reverse=True)


def _issued_at() -> Subquery:
    """When a request's advice was first issued (its first "Issued" event), as a subquery: grouping
    every issued request with its events to find it cost the national page most of its time."""
    first = RequestEvent.objects.filter(request=OuterRef("pk"), to_stage=Stage.ISSUED).order_by("at")
    return Subquery(first.values("at")[:1])


def issued_advice() -> QuerySet[Request]:
    """Requests of every Senate whose advice has been issued (published or not), newest first."""
    return (
        Request.objects.filter(stage__in=ISSUED_OR_LATER)
        .select_related("senate", "requesting_organisation")
        .annotate(issued_at=_issued_at())
        .order_by(F("issued_at").desc(nulls_last=True), "-pk")
    )


@dataclass(frozen=True)
class SenateFigures:
    senate: Senate
    received: int
    issued: int
    in_progress: int
    median_days: int | None  # from the request being sent to the advice being issued


# Ends other than advice: a request that ends this way is no longer in progress.
ENDED_WITHOUT_ADVICE = frozenset({Stage.WITHDRAWN, Stage.DECLINED, Stage.REDIRECTED})


def senate_figures(*, on: dt.date | None = None) -> list[SenateFigures]:
    """Every current Senate side by side, in three queries whatever the number of requests: requests
    received (sent by the requester), advice issued, requests in progress (neither issued nor ended),
    and the median number of days from a request being sent to its advice being issued (its timeline's
    "Issued to requester" step)."""
    sent = Request.objects.filter(submitted_at__isnull=False)
    counts: dict[int, Any] = {
        row["senate"]: row
        for row in sent.values("senate").annotate(
            received=Count("pk"),
            issued=Count("pk", filter=Q(stage__in=ISSUED_OR_LATER)),
            in_progress=Count("pk", filter=~Q(stage__in=ISSUED_OR_LATER | ENDED_WITHOUT_ADVICE)),
        )
    }
    days: dict[int, list[float]] = defaultdict(list)
    # From the few "Issued" events rather than from every request with all its events.
    issued_events = RequestEvent.objects.filter(to_stage=Stage.ISSUED, request__submitted_at__isnull=False)
    timed = issued_events.values("request").annotate(issued_at=Min("at")).order_by()
    for senate_id, submitted, issued in timed.values_list("request__senate", "request__submitted_at", "issued_at"):
        days[senate_id].append((issued - submitted).total_seconds() / 86400)
    figures = []
    for senate in Senate.objects.current(on).select_related("region"):
        row = counts.get(senate.pk, {})
        median = round(statistics.median(days[senate.pk])) if days[senate.pk] else None
        figures.append(
            SenateFigures(senate, row.get("received", 0), row.get("issued", 0), row.get("in_progress", 0), median)
        )
    return figures


def assurance_across(*, today: dt.date) -> Across:
    """Assurance across every Senate's requests, for NHS England's national team: the same question as
    a Senate's own page (`assurance.queries.across`), asked of every request a requester has sent
    (never a draft), each with its Senate."""
    sent = Request.objects.filter(submitted_at__isnull=False).exclude(stage=Stage.DRAFT).select_related("senate")
    return across(sent, today)
