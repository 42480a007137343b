"""`senate panels export REQUEST...`: the problem the pages would solve, in senate-panel-problem/1."""

import datetime as dt
from typing import Any

from django.db.models import Q

from senate.analytics.panel_assignment import write_problem
from senate.panels import problems
from senate.reviews.models import Request


class ExportRefused(ValueError):
    pass


def find_requests(names: list[str]) -> list[Request]:
    """Requests by reference (SW-2026-001) or number; all of one Senate."""
    found, missing = [], []
    for name in names:
        query = Q(reference=name) | (Q(pk=int(name)) if name.isdigit() else Q(pk__in=[]))
        request = Request.objects.filter(query).select_related("senate__region").first()
        (found.append(request) if request else missing.append(name))
    if missing:
        raise ExportRefused(f"No request with the reference or number: {', '.join(missing)}")
    if not found:
        raise ExportRefused("Name at least one request")
    if len({r.senate_id for r in found}) > 1:
        raise ExportRefused("The requests belong to different Senates; export one Senate's requests at a time")
    return found


def export_problem(requests: list[Request], *, on: dt.date) -> tuple[dict[str, Any], list[str]]:
    """The JSON document, and a warning for each rule the format cannot hold (pins, counted region rules).
    Manager removals are written as conflicts, which the format treats the same way."""
    try:
        built = problems.build(requests, on=on)
    except problems.NoSpecification as refusal:
        raise ExportRefused(str(refusal)) from None
    warnings = [f"pin {m} on {r} left out: the format has no pins" for m, r in sorted(built.problem.pins)]
    warnings += [
        f"{r.id}: at least {r.min_out_of_region} from outside the region left out: the format has no such rule"
        for r in built.problem.reviews
        if r.min_out_of_region
    ]
    return write_problem(built.problem, drop_extensions=True), warnings
