"""The header's navigation, built from what the signed-in person may do in the current Senate.
Each domain app adds its own items through a `navigation.items(request, senate)` function."""

import importlib
from typing import Any

from django.urls import reverse

# Apps that add header items, in the order they appear.
PROVIDERS = [
    "senate.reviews.navigation",
    "senate.members.navigation",
    "senate.interests.navigation",
    "senate.panels.navigation",
    "senate.council.navigation",
    "senate.statistics.navigation",
]
# Apps that add header items whatever the Senate (a role held across every Senate): `items(request)`.
EVERYWHERE = ["senate.national.navigation"]


def navigation_for(request: Any) -> list[dict[str, str]]:
    user = request.user
    senate = getattr(request, "senate", None)
    items: list[dict[str, str]] = []
    if senate is None and user.is_authenticated:
        senate = _home_senate(user)
    if senate is not None:
        items.append({"href": reverse("organisations:senate_home", args=[senate.slug]), "text": "Senate"})
        for provider in PROVIDERS:
            try:
                module = importlib.import_module(provider)
            except ModuleNotFoundError:
                continue
            items += module.items(request, senate)
    for provider in EVERYWHERE:
        try:
            items += importlib.import_module(provider).items(request)
        except ModuleNotFoundError:
            continue
    if user.is_authenticated:
        if hasattr(user, "profile"):
            items.append({"href": reverse("profile:view"), "text": "My profile"})
        if user.is_superuser:
            items.append({"href": "/admin/", "text": "Administration"})
    return _mark_current(items, request.path)


def _home_senate(user: Any) -> Any:
    from senate.accounts.roles import senates_of

    senates = senates_of(user)
    return senates[0] if senates else None


def _mark_current(items: list[dict[str, str]], path: str) -> list[dict[str, str]]:
    best = max((i for i in items if path.startswith(i["href"])), key=lambda i: len(i["href"]), default=None)
    for item in items:
        if item is best:
            item["current"] = "true"
    return items
