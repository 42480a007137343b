"""Searching as a person: the permission is part of the query. The full-text match runs only among
the documents whose audience keys meet the viewer's (audience.viewer_keys), so nothing the person may
not open is ever matched, counted or shown."""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from django.db.models import QuerySet

from senate.reviews.models import AdviceKind
from senate.reviews.stages import Stage
from senate.search.audience import viewer_keys
from senate.search.backends import backend
from senate.search.models import Audience, Document
from senate.search.query import Query

PAGE_SIZE = 20
ADVICE_KINDS = dict(AdviceKind.choices)
STAGES = dict(Stage.choices)


@dataclass
class Filters:
    senate: int | None = None
    kind: str = ""
    year: int | None = None
    advice_kind: str = ""
    organisation: int | None = None  # the requesting organisation, or the ICB it sits in
    stage: str = ""


# Each facet: how a document's value and label are read, and whether it passes the filter.
FACETS: dict[str, tuple[Callable[[Document], Any], Callable[[Document, Filters], bool]]] = {
    "senate": (
        lambda d: (d.senate_id, d.senate.name),
        lambda d, f: f.senate is None or d.senate_id == f.senate,
    ),
    "advice_kind": (
        lambda d: (d.advice_kind, ADVICE_KINDS.get(d.advice_kind, "")) if d.advice_kind else None,
        lambda d, f: not f.advice_kind or d.advice_kind == f.advice_kind,
    ),
    "icb": (
        lambda d: (d.icb_id, d.icb.name) if d.icb else None,
        lambda d, f: f.organisation is None or f.organisation in (d.organisation_id, d.icb_id),
    ),
    "organisation": (
        lambda d: (d.organisation_id, d.organisation.name) if d.organisation else None,
        lambda d, f: f.organisation is None or f.organisation in (d.organisation_id, d.icb_id),
    ),
    "stage": (
        lambda d: (d.stage, STAGES.get(d.stage, d.stage)) if d.stage else None,
        lambda d, f: not f.stage or d.stage == f.stage,
    ),
    "kind": (
        lambda d: (d.kind, d.get_kind_display()),
        lambda d, f: not f.kind or d.kind == f.kind,
    ),
    "year": (
        lambda d: (d.dated.year, str(d.dated.year)),
        lambda d, f: f.year is None or d.dated.year == f.year,
    ),
}


@dataclass
class Results:
    query: Query
    total: int
    documents: list[Document]
    facets: dict[str, list[tuple[Any, int]]] = field(default_factory=dict)


def permitted(user: Any) -> QuerySet[Document]:
    """The documents this person may find: those sharing a key with them and not refusing them by name."""
    keys, deny = viewer_keys(user)
    documents = Document.objects.filter(pk__in=Audience.objects.filter(key__in=sorted(keys)).values("document_id"))
    if deny:
        documents = documents.exclude(pk__in=Audience.objects.filter(key=deny).values("document_id"))
    return documents


def search(user: Any, query: Query, filters: Filters | None = None, *, page: int = 1) -> Results:
    """The viewer's matches, best first, a page at a time; each facet counts, among the documents the
    viewer may find, those passing every other filter (so a count is what choosing it would show)."""
    filters = filters or Filters()
    allowed = permitted(user).values("pk").query.sql_with_params()
    ranked = backend().match(query, allowed)
    if not ranked and len(query.groups) > 1:  # nothing has every word: rank what has some of them
        query = replace(query, any_group=True)
        ranked = backend().match(query, allowed)
    rows = Document.objects.filter(pk__in=ranked).select_related("senate", "request", "meeting", "organisation", "icb")
    found = {d.pk: d for d in rows}
    matched = [found[pk] for pk in ranked if pk in found]
    passes = {d.pk: {name: test(d, filters) for name, (_value, test) in FACETS.items()} for d in matched}
    facets = {}
    for name, (value, _test) in FACETS.items():
        others = [d for d in matched if all(ok for other, ok in passes[d.pk].items() if other != name)]
        facets[name] = _count(others, value)
    shown = [d for d in matched if all(passes[d.pk].values())]
    start = (page - 1) * PAGE_SIZE
    return Results(query=query, total=len(shown), documents=shown[start : start + PAGE_SIZE], facets=facets)


def _count(documents: list[Document], key: Callable[[Document], Any]) -> list[tuple[Any, int]]:
    counts = Counter(k for k in map(key, documents) if k is not None)
    return sorted(counts.items(), key=lambda item: (-item[1], str(item[0][1])))
