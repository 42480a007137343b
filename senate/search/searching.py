"""Searching as a person: the permission is part of the query. The full-text match runs only among
the documents whose audience keys meet the viewer's (audience.viewer_keys), so nothing the person may
not open is ever matched, counted or shown."""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from django.db import connection
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


# The columns a match is narrowed and counted by, read as plain tuples (never whole documents: a query
# may match a thousand, and only a page of them is shown).
COLUMNS = ("id", "senate_id", "advice_kind", "icb_id", "organisation_id", "stage", "kind", "dated")
SENATE, ADVICE, ICB, ORGANISATION, STAGE, KIND, DATED = range(1, 8)
KINDS = dict(Document.Kind.choices)

# Each facet: the value of a matched row it counts, and whether a row passes its filter.
FACETS: dict[str, tuple[Callable[[tuple], Any], Callable[[tuple, Filters], bool]]] = {
    "senate": (lambda r: r[SENATE], lambda r, f: f.senate is None or r[SENATE] == f.senate),
    "advice_kind": (lambda r: r[ADVICE] or None, lambda r, f: not f.advice_kind or r[ADVICE] == f.advice_kind),
    "icb": (
        lambda r: r[ICB],
        lambda r, f: f.organisation is None or f.organisation in (r[ORGANISATION], r[ICB]),
    ),
    "organisation": (
        lambda r: r[ORGANISATION],
        lambda r, f: f.organisation is None or f.organisation in (r[ORGANISATION], r[ICB]),
    ),
    "stage": (lambda r: r[STAGE] or None, lambda r, f: not f.stage or r[STAGE] == f.stage),
    "kind": (lambda r: r[KIND], lambda r, f: not f.kind or r[KIND] == f.kind),
    "year": (lambda r: r[DATED], lambda r, f: f.year is None or r[DATED] == f.year),
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
    viewer = viewer_keys(user)  # the permission, part of the full-text query (backends.py)
    ranked = backend().match(query, viewer)
    if not ranked and len(query.groups) > 1:  # nothing has every word: rank what has some of them
        query = replace(query, any_group=True)
        ranked = backend().match(query, viewer)
    matched = _columns(ranked)
    tests = list(FACETS.items())
    passes = [[test(r, filters) for _name, (_value, test) in tests] for r in matched]
    counts: dict[str, Counter] = {}
    for index, (name, (value, _test)) in enumerate(tests):
        counts[name] = Counter(
            v
            for r, ok in zip(matched, passes, strict=True)
            if all(ok[:index]) and all(ok[index + 1 :]) and (v := value(r)) is not None
        )
    shown = [r[0] for r, ok in zip(matched, passes, strict=True) if all(ok)]
    start = (page - 1) * PAGE_SIZE
    on_page = shown[start : start + PAGE_SIZE]
    rows = Document.objects.filter(pk__in=on_page).select_related("senate", "request", "meeting")
    found = {d.pk: d for d in rows}
    return Results(query=query, total=len(shown), documents=[found[pk] for pk in on_page], facets=_labelled(counts))


def _columns(ranked: list[int]) -> list[tuple]:
    """The matched documents' facet columns, best first, the date as its year (plain SQL: this runs on
    every search, for up to a thousand rows)."""
    if not ranked:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(COLUMNS)} FROM search_document WHERE id IN ({', '.join(['%s'] * len(ranked))})",
            ranked,
        )
        rows = {r[0]: (*r[:DATED], int(str(r[DATED])[:4])) for r in cursor.fetchall()}
    return [rows[pk] for pk in ranked if pk in rows]


def _names(table: str, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, name FROM {table} WHERE id IN ({', '.join(['%s'] * len(ids))})", sorted(ids))
        return dict(cursor.fetchall())


def _labelled(counts: dict[str, Counter]) -> dict[str, list[tuple[Any, int]]]:
    """Each facet's values with their names, most found first."""
    senates = _names("organisations_senate", set(counts["senate"]))
    organisations = _names("organisations_organisation", set(counts["icb"]) | set(counts["organisation"]))
    names: dict[str, Callable[[Any], str]] = {
        "senate": lambda v: senates.get(v, ""),
        "advice_kind": lambda v: ADVICE_KINDS.get(v, v),
        "icb": lambda v: organisations.get(v, ""),
        "organisation": lambda v: organisations.get(v, ""),
        "stage": lambda v: STAGES.get(v, v),
        "kind": lambda v: KINDS.get(v, v),
        "year": str,
    }
    return {
        name: sorted(
            (((value, names[name](value)), n) for value, n in counted.items()),
            key=lambda item: (-item[1], str(item[0][1])),
        )
        for name, counted in counts.items()
    }
