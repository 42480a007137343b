"""The current Senate: the `<senate>` part of a URL, found once for every page under it."""

from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse

from senate.core.memo import serving
from senate.organisations.models import Senate


class CurrentSenateMiddleware:
    """Resolves the `<senate>` part of a URL to the Senate, so views reach data only through it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.senate = None  # type: ignore[attr-defined]
        with serving():  # answers asked again while this request is served are kept (core.memo)
            return self.get_response(request)

    def process_view(self, request: HttpRequest, view: Any, args: Any, kwargs: dict[str, Any]) -> None:
        slug = kwargs.get("senate")
        if not isinstance(slug, str):
            return
        senate = Senate.objects.select_related("region").filter(slug=slug).first()
        if senate is None:
            raise Http404("There is no Clinical Senate at this address.")
        request.senate = senate  # type: ignore[attr-defined]
        kwargs["senate"] = senate
