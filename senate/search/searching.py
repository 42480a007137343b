"""Searching as a person: the permission is part of the query. The full-text match runs only among
the documents whose audience keys meet the viewer's (audience.viewer_keys), so nothing the person may
not open is ever matched, counted or shown."""

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from senate.accounts.people import Visitor
from senate.reviews.models import AdviceKind
from senate.reviews.stages import Stage
from senate.search import backends
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


# The columns a match is narrowed and counted by, read with the match as plain tuples (never whole
# documents: a query may match a thousand, and only a page of them is shown).
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
class Found:
    """A document as a page of results shows it (presenters.py, api/search.py)."""

    pk: int
    kind: str
    title: str
    body: str
    url: str
    dated: dt.date
    no_text: bool
    senate_name: str
    senate_slug: str
    request_reference: str | None  # None when it belongs to no request
    about: str  # the request's reference, the meeting, or the register

    def get_kind_display(self) -> str:
        return KINDS.get(self.kind, self.kind)


@dataclass
class Results:
    query: Query
    total: int
    documents: list[Found]
    facets: dict[str, list[tuple[Any, int]]] = field(default_factory=dict)
    capped: bool = False  # more matched than the best `backends.LIMIT`, which alone are ranked and counted


def permitted(user: Visitor) -> QuerySet[Document]:
    """The documents this person may find: those sharing a key with them and not refusing them by name."""
    keys, deny = viewer_keys(user)
    documents = Document.objects.filter(pk__in=Audience.objects.filter(key__in=sorted(keys)).values("document_id"))
    if deny:
        documents = documents.exclude(pk__in=Audience.objects.filter(key=deny).values("document_id"))
    return documents


def search(user: Visitor, query: Query, filters: Filters | None = None, *, page: int = 1) -> Results:
    """The viewer's matches, best first, a page at a time; each facet counts, among the documents the
    viewer may find, those passing every other filter (so a count is what choosing it would show)."""
    filters = filters or Filters()
    viewer = viewer_keys(user)  # the permission, part of the full-text query (backends.py)
    ranked = backend().match_rows(query, viewer, columns=COLUMNS[1:])
    if not ranked and len(query.groups) > 1:  # nothing has every word: rank what has some of them
        query = replace(query, any_group=True)
        ranked = backend().match_rows(query, viewer, columns=COLUMNS[1:])
    matched = [(*r[:DATED], int(str(r[DATED])[:4])) for r in ranked]  # the date as its year
    counts, shown = _counted(matched, filters)
    start = (page - 1) * PAGE_SIZE
    on_page = shown[start : start + PAGE_SIZE]
    found = _page(on_page)
    return Results(
        query=query,
        total=len(shown),
        documents=[found[pk] for pk in on_page],
        facets=_labelled(counts),
        capped=len(ranked) >= backends.LIMIT,
    )


def _counted(matched: list[tuple], filters: Filters) -> tuple[dict[str, Counter], list[int]]:
    """Each facet's counts among the rows passing every other filter, and the rows passing them all."""
    tests = list(FACETS.items())
    counts: dict[str, Counter] = {name: Counter() for name, _facet in tests}
    shown = []
    filtered = filters != Filters()
    for r in matched:
        failed = [i for i, (_name, (_value, test)) in enumerate(tests) if not test(r, filters)] if filtered else []
        if len(failed) > 1:
            continue
        if not failed:
            shown.append(r[0])
        for index, (name, (value, _test)) in enumerate(tests):
            if (not failed or failed[0] == index) and (v := value(r)) is not None:
                counts[name][v] += 1
    return counts, shown


def _page(ids: list[int]) -> dict[int, "Found"]:
    """A page of documents with what the page shows of their Senate, request and meeting, read in one
    plain query (this runs on every search)."""
    from senate.council.models import Meeting

    if not ids:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT d.id, d.kind, d.title, d.body, d.url, d.dated, d.no_text, s.name, s.slug, "
            "d.request_id, r.reference, d.meeting_id, m.kind, m.date FROM search_document d "
            "JOIN organisations_senate s ON s.id = d.senate_id "
            "LEFT JOIN reviews_request r ON r.id = d.request_id "
            "LEFT JOIN council_meeting m ON m.id = d.meeting_id "
            f"WHERE d.id IN ({', '.join(['%s'] * len(ids))})",
            ids,
        )
        rows = cursor.fetchall()
    meetings = dict(Meeting.Kind.choices)
    found = {}
    for pk, kind, title, body, url, dated, no_text, name, slug, rid, ref, mid, mkind, mdate in rows:
        if rid is not None:
            about = ref or "Draft request"
        elif mid is not None:
            about = f"{meetings.get(mkind, mkind)} on {_date(mdate):%-d %B %Y}"
        else:
            about = "Register of interests"
        found[pk] = Found(
            pk=pk,
            kind=kind,
            title=title,
            body=body,
            url=url,
            dated=_date(dated),
            no_text=bool(no_text),
            senate_name=name,
            senate_slug=slug,
            request_reference=(ref or "") if rid is not None else None,
            about=about,
        )
    return found


def _date(value: str | dt.date) -> dt.date:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _names(senate_ids: set[int], organisation_ids: set[int]) -> tuple[dict[int, str], dict[int, str]]:
    """The names of these Senates and of these organisations, in one query."""
    if not senate_ids and not organisation_ids:
        return {}, {}
    parts, params = [], []
    for table, ids in (("organisations_senate", senate_ids), ("organisations_organisation", organisation_ids)):
        if ids:
            parts.append(f"SELECT '{table}', id, name FROM {table} WHERE id IN ({', '.join(['%s'] * len(ids))})")
            params += sorted(ids)
    found: dict[str, dict[int, str]] = {"organisations_senate": {}, "organisations_organisation": {}}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        for table, pk, name in cursor.fetchall():
            found[table][pk] = name
    return found["organisations_senate"], found["organisations_organisation"]


def _labelled(counts: dict[str, Counter]) -> dict[str, list[tuple[Any, int]]]:
    """Each facet's values with their names, most found first."""
    senates, organisations = _names(set(counts["senate"]), set(counts["icb"]) | set(counts["organisation"]))
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
