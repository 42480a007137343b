"""Asking for advice: drafts, references and the notice check."""

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Max

from senate.accounts.models import User
from senate.core import audit
from senate.organisations.models import Organisation, Senate
from senate.reviews.models import Programme, Request


def new_programme(request: Request, title: str) -> Programme:
    """A programme opened at triage for an accepted request, led by its requesting organisation."""
    return Programme.objects.create(
        senate=request.senate, title=title or request.title, lead_organisation=request.requesting_organisation
    )


def start_draft(*, senate: Senate, organisation: Organisation, by: User) -> Request:
    with transaction.atomic():
        request = Request.objects.create(
            senate=senate, requesting_organisation=organisation, title="", kind="", created_by=by
        )
        audit.record("request.draft_started", request, by=by, senate=senate, summary="Draft request started")
    return request


def save_draft(request: Request, *, changes: dict[str, Any], by: User) -> Request:
    """Save one page of the request form. Many-to-many values are set after the row is saved."""
    many = {k: changes.pop(k) for k in ("service_areas", "affected_organisations") if k in changes}
    with transaction.atomic():
        for field, value in changes.items():
            setattr(request, field, value)
        request.save()
        for field, values in many.items():
            getattr(request, field).set(values)
        audit.record(
            "request.draft_saved",
            request,
            by=by,
            senate=request.senate,
            summary="Draft request saved",
            data={"fields": sorted([*changes, *many])},
        )
    return request


def assign_reference(request: Request) -> None:
    """SW-2026-007: the Senate's initials, the year, a running number."""
    if request.reference:
        return
    year = dt.date.today().year
    prefix = "".join(word[0] for word in request.senate.slug.split("-")).upper() + f"-{year}-"
    last = Request.objects.filter(reference__startswith=prefix).aggregate(n=Max("reference"))["n"]
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    request.reference = f"{prefix}{number:03d}"


def notice_is_short(request: Request) -> bool:
    """Flag, never refuse, a request whose decision date is closer than the Senate's notice period."""
    days = request.notice_days()
    return days is not None and days < request.senate.request_notice_days
