"""The header's navigation, built from what the signed-in person may do in the current Senate (or, on a
page outside any Senate, their own). Each later app registers its `navigation.items(request, senate)`
at `NAVIGATION` (or `items(request)` at `EVERYWHERE`, for a role held across every Senate) from its
`AppConfig.ready()`, in the order the items appear (`senate.core.registry`)."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from senate.accounts.models import User
from senate.accounts.roles import senates_of
from senate.core import registry

NAVIGATION = registry.point("organisations.navigation", "the header's items in a Senate: items(request, senate)")
EVERYWHERE = registry.point("organisations.navigation_everywhere", "header items whatever the Senate: items(request)")


def navigation_for(request: HttpRequest) -> list[dict[str, str]]:
    user = request.user
    senate = getattr(request, "senate", None)
    items: list[dict[str, str]] = []
    if senate is None and user.is_authenticated:
        senate = _home_senate(user)
    if senate is not None:
        items.append({"href": reverse("organisations:senate_home", args=[senate.slug]), "text": "Senate"})
        for contribute in registry.contributions(NAVIGATION):
            items += contribute(request, senate)
    for contribute in registry.contributions(EVERYWHERE):
        items += contribute(request)
    if user.is_authenticated:
        if hasattr(user, "profile"):
            items.append({"href": reverse("profile:view"), "text": "My profile"})
        if user.is_superuser:
            items.append({"href": "/admin/", "text": "Administration"})
    return _mark_current(items, request.path)


def _home_senate(user: User) -> Any:
    senates = senates_of(user)
    return senates[0] if senates else None


def _mark_current(items: list[dict[str, str]], path: str) -> list[dict[str, str]]:
    best = max((i for i in items if path.startswith(i["href"])), key=lambda i: len(i["href"]), default=None)
    for item in items:
        if item is best:
            item["current"] = "true"
    return items
