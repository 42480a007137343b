from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from senate.organisations.models import Senate
from senate.reviews.models import Request


def crumbs(senate: Senate, request: Request, *more: tuple[str, str]) -> list[dict[str, str]]:
    items = [
        {"href": reverse("organisations:senate_home", args=[senate.slug]), "text": senate.name},
        {"href": reverse("reviews:detail", args=[senate.slug, request.pk]), "text": request.reference or "Request"},
    ]
    return items + [{"href": href, "text": text} for href, text in more]


def posted(http: HttpRequest) -> Any:
    return http.POST if http.method == "POST" else None


def assessment_crumbs(senate: Senate, request: Request) -> list[dict[str, str]]:
    return crumbs(senate, request, (reverse("reports:assessment", args=[senate.slug, request.pk]), "Assessment"))
