"""Searching as a person: the permission is part of the query. The full-text match runs only among
the documents whose audience keys meet the viewer's (audience.viewer_keys), so nothing the person may
not open is ever matched, counted or shown."""

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from django.db.models import QuerySet

from senate.search.audience import viewer_keys
from senate.search.backends import backend
from senate.search.models import Audience, Document
from senate.search.query import Query

PAGE_SIZE = 20


@dataclass
class Filters:
    senate: int | None = None
    kind: str = ""
    year: int | None = None


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
    filters = filters or Filters()
    allowed = permitted(user).values("pk").query.sql_with_params()
    ranked = backend().match(query, allowed)
    if not ranked and len(query.groups) > 1:  # nothing has every word: rank what has some of them
        query = replace(query, any_group=True)
        ranked = backend().match(query, allowed)
    rows = Document.objects.filter(pk__in=ranked).select_related("senate", "request")
    found = {d.pk: d for d in rows}
    matched = [found[pk] for pk in ranked if pk in found]
    facets = {
        "senate": _count(matched, lambda d: (d.senate_id, d.senate.name)),
        "kind": _count(matched, lambda d: (d.kind, d.get_kind_display())),
        "year": _count(matched, lambda d: (d.dated.year, str(d.dated.year))),
    }
    shown = [d for d in matched if _passes(d, filters)]
    start = (page - 1) * PAGE_SIZE
    return Results(query=query, total=len(shown), documents=shown[start : start + PAGE_SIZE], facets=facets)


def _passes(document: Document, filters: Filters) -> bool:
    return (
        (filters.senate is None or document.senate_id == filters.senate)
        and (not filters.kind or document.kind == filters.kind)
        and (filters.year is None or document.dated.year == filters.year)
    )


def _count(documents: list[Document], key: Any) -> list[tuple[Any, int]]:
    counts = Counter(key(d) for d in documents)
    return sorted(counts.items(), key=lambda item: (-item[1], str(item[0][1])))
