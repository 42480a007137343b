from typing import Any

from django.http import Http404
from django.urls import reverse

from senate.reviews.models import Request


def crumbs(senate: Any, *more: tuple[str, str]) -> list[dict[str, str]]:
    items = [{"href": reverse("organisations:senate_home", args=[senate.slug]), "text": senate.name}]
    return items + [{"href": href, "text": text} for href, text in more]


def load_request(senate: Any, pk: int) -> Request:
    request = Request.objects.filter(pk=pk, senate=senate).select_related("senate__region").first()
    if request is None:
        raise Http404("There is no request with that number in this Senate.")
    return request


def request_crumbs(senate: Any, request: Any) -> list[dict[str, str]]:
    return crumbs(senate, (reverse("panels:panel", args=[senate.slug, request.pk]), f"Panel: {request}"))
