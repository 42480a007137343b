"""Terms of reference: drafted from the request, changed only by making a new version, discussed in
comments, shared with the requester, agreed by them, then approved (lifecycle.py)."""

from typing import Any

from django.db import transaction
from django.utils import timezone

from senate.accounts.models import User
from senate.core import audit
from senate.notifications.outbox import queue_email
from senate.reviews.models import Request, TermsComment, TermsOfReference

FIELDS = [
    "scope",
    "exclusions",
    "questions",
    "criteria",
    "desktop_review",
    "site_visits",
    "interviews",
    "panel_day",
    "method_notes",
    "panel_profile",
    "timetable",
    "panel_date",
    "deliverables",
    "publication",
]


def draft_from_request(request: Request) -> dict[str, Any]:
    """A first draft the Senate manager edits: the request's own words where it has them."""
    areas = ", ".join(e.name for e in request.service_areas.all())
    return {
        "scope": f"An independent clinical review of the proposals for {areas or request.title} "
        f"put forward by {request.requesting_organisation.name}.",
        "questions": request.questions,
        "criteria": "Test 3: a clear clinical evidence base. Test 5: the bed test, where beds reduce. "
        "Health inequalities; workforce; interdependencies between services; quality and safety.",
        "desktop_review": True,
        "panel_day": True,
        "site_visits": bool(request.kind == "formal_review"),
        "deliverables": "A written report with recommendations, approved by the Clinical Senate Council.",
        "publication": "The report belongs to the requester and is published with their express permission.",
    }


def save_version(request: Request, *, values: dict[str, Any], by: User) -> TermsOfReference:
    """Every save is a new version; the previous one is kept as superseded."""
    with transaction.atomic():
        previous = request.terms.exclude(status=TermsOfReference.Status.SUPERSEDED).order_by("-version").first()
        if previous is not None and previous.status == TermsOfReference.Status.APPROVED:
            raise ValueError("Approved terms of reference cannot be changed.")
        number = (request.terms.order_by("-version").values_list("version", flat=True).first() or 0) + 1
        if previous is not None:
            previous.status = TermsOfReference.Status.SUPERSEDED
            previous.save(update_fields=["status"])
        terms = TermsOfReference.objects.create(
            request=request, version=number, created_by=by, **{k: values[k] for k in FIELDS if k in values}
        )
        audit.record(
            "terms.version_saved", terms, by=by, senate=request.senate, summary=f"Terms of reference v{number} saved"
        )
    return terms


def share(terms: TermsOfReference, *, by: User) -> TermsOfReference:
    from senate.reviews.notices import recipients

    with transaction.atomic():
        terms.status = TermsOfReference.Status.SHARED
        terms.save(update_fields=["status"])
        audit.record(
            "terms.shared", terms, by=by, senate=terms.request.senate, summary=f"Terms v{terms.version} shared"
        )
        for person in recipients(terms.request, "requester"):
            queue_email(
                to=person,
                subject=f"{terms.request.reference}: terms of reference v{terms.version} to read",
                body="The Senate has shared draft terms of reference for you to comment on and agree.",
                kind="terms.shared",
                about=terms.request,
                senate=terms.request.senate,
            )
    return terms


def add_comment(terms: TermsOfReference, *, text: str, by: User) -> TermsComment:
    if not text.strip():
        raise ValueError("Enter a comment")
    with transaction.atomic():
        comment = TermsComment.objects.create(terms=terms, author=by, text=text.strip())
        audit.record(
            "terms.commented", terms, by=by, senate=terms.request.senate, summary="Comment on terms of reference"
        )
    return comment


def current(request: Request) -> TermsOfReference | None:
    return request.terms.exclude(status=TermsOfReference.Status.SUPERSEDED).order_by("-version").first()


def stamp(terms: TermsOfReference) -> str:
    return f"v{terms.version}, {timezone.localtime(terms.created_at):%-d %B %Y}"
