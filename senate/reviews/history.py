"""A request's history: every audit event about the request and the records that belong to it.

Callers record an event on the record they change (a panel seat, an evidence item, a report draft, a
Council agenda item …), not on the request. So the history takes the request's own events and those
of every record that points at the request by a foreign key (or a many-to-many, as an optimiser run
does), or points at such a record (a factual-accuracy comment → its round → the request). The
records are found from the model registry, so reviews imports no app below it, and a new app's
records join the history without a change here. Events that name the request only in their `data`
(none today: every caller that does also records on a record of the request) are not included, which
keeps the lookup on the (object_type, object_id) index.
"""

import functools
import operator
from typing import Any

from django.db import connection, models
from django.db.models import ForeignObjectRel
from django.db.models.functions import Cast

from senate.core import audit
from senate.core.models import AuditEvent
from senate.reviews.models import Request

DEPTH = 2  # the request's records, and theirs


def events_about(request: Request) -> models.QuerySet[AuditEvent]:
    """The audit events of the request and its records, oldest first.

    The records are looked up first, and only of the kinds that have any audit event, so the events
    are then found by plain lists of ids: one query that ORs a subquery for every kind of record
    took PostgreSQL longer to plan, and Django to build, than to run."""
    about = models.Q(object_type=Request._meta.label_lower, object_id=str(request.pk))
    for object_type, ids in _record_ids(request).items():
        about |= models.Q(object_type=object_type, object_id__in=ids)
    return AuditEvent.objects.filter(about).select_related("actor").order_by("at", "id")


def _record_ids(request: Request) -> dict[str, list[str]]:
    """The ids (as audit events write them) of the request's records, by object type, in one query."""
    audited = set(AuditEvent.objects.order_by().values_list("object_type", flat=True).distinct())
    kinds = tuple(sorted(m._meta.label_lower for m in record_paths() if m._meta.label_lower in audited))
    if not kinds:
        return {}
    sql, params = _records_sql(kinds)
    found: dict[str, list[str]] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, [request.pk if p == ANY_REQUEST else p for p in params])
        for object_type, object_id in cursor.fetchall():
            found.setdefault(object_type, []).append(object_id)
    return found


# Stands for the request's id in the SQL `_records_sql` builds once: no request has this id.
ANY_REQUEST = -1_000_000_007


@functools.lru_cache(maxsize=32)
def _records_sql(kinds: tuple[str, ...]) -> tuple[str, list[Any]]:
    """The SQL of one UNION ALL over the records of these kinds that belong to a request, with its
    parameters (`ANY_REQUEST` where the request's id goes). Django took longer to build the ~30 parts
    of the query for every page than PostgreSQL took to run it, so it is built once per process for
    each set of kinds with audit events."""
    wanted = set(kinds)
    each = [
        model._default_manager.filter(_any_path(paths, ANY_REQUEST))
        .order_by()
        .values_list(
            models.Value(model._meta.label_lower, output_field=models.CharField()), Cast("pk", models.CharField())
        )
        for model, paths in record_paths().items()
        if model._meta.label_lower in wanted
    ]
    sql, params = each[0].union(*each[1:], all=True).query.sql_with_params()
    return sql, list(params)


def entries(request: Request) -> list[audit.Described]:
    return [audit.describe(event) for event in events_about(request)]


def _any_path(paths: list[str], request_id: int) -> models.Q:
    return functools.reduce(operator.or_, (models.Q(**{path: request_id}) for path in paths))


@functools.cache
def record_paths() -> dict[type[models.Model], list[str]]:
    """Each model whose rows belong to a request, with the lookups from it to the request."""
    paths: dict[type[models.Model], list[str]] = {}
    frontier: list[tuple[type[models.Model], str]] = [(Request, "")]
    for _ in range(DEPTH):
        reached = []
        for parent, to_request in frontier:
            for field in _pointing_at(parent):
                path = f"{field.name}__{to_request}" if to_request else field.name
                paths.setdefault(field.model, []).append(path)
                reached.append((field.model, path))
        frontier = reached
    paths.pop(Request, None)
    return paths


def _pointing_at(model: type[models.Model]) -> list[Any]:
    """The foreign keys, one-to-ones and many-to-manys of other models that point at `model` (not
    the tables Django makes for a many-to-many)."""
    return [
        rel.field
        for rel in model._meta.get_fields(include_hidden=True)
        if isinstance(rel, ForeignObjectRel) and rel.related_model and not rel.related_model._meta.auto_created
    ]
