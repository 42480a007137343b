"""What the evidence app answers for conflict restrictions (`interests.restrictions`, earlier in the
app order): its confidentiality tiers and a request's items, and when each person first opened a
request's evidence (`interests.panel`). Registered in `EvidenceConfig.ready()`."""

import datetime as dt
from typing import Any

from senate.evidence.models import AccessLog, EvidenceItem
from senate.interests.restrictions import Restrictable
from senate.reviews.models import Request


def tier_choices(_request: Request | None = None) -> list[tuple[str, str]]:
    """The confidentiality tiers, least restricted first (public is never restricted)."""
    field_ = EvidenceItem._meta.get_field("tier")
    return [(str(v), str(label)) for v, label in field_.choices if v != "public"]  # type: ignore[union-attr,misc]


def _known_tiers(_request: Request, tiers: list[Any]) -> int:
    known = {value for value, _ in tier_choices()}
    return sum(1 for tier in tiers if str(tier) in known)


def item_choices(request: Request) -> list[tuple[str, str]]:
    """The request's items, each with its tier in words, read as values (no item is built)."""
    tiers = dict(EvidenceItem._meta.get_field("tier").choices or ())  # type: ignore[arg-type]
    items = EvidenceItem.objects.filter(request=request).order_by("added_at", "pk")
    return [
        (str(pk), f"{title} ({tiers.get(tier, tier)})") for pk, title, tier in items.values_list("pk", "title", "tier")
    ]


def _items_of(request: Request, pks: list[Any]) -> int:
    return EvidenceItem.objects.filter(request=request, pk__in=pks).count()


def _item_titles(pks: list[Any]) -> dict[Any, str]:
    return {item.pk: str(item) for item in EvidenceItem.objects.filter(pk__in=pks)}


def first_opened(request: Request, user_ids: list[int]) -> dict[int, dt.datetime]:
    """When each of these people first opened any of this request's evidence, from the access log."""
    opened: dict[int, dt.datetime] = {}
    log = AccessLog.objects.filter(item__request=request, user__in=user_ids)
    for user_id, at in log.order_by("opened_at").values_list("user_id", "opened_at"):
        opened.setdefault(user_id, at)
    return opened


TIERS = Restrictable(choices=tier_choices, count_valid=_known_tiers, titles=lambda tiers: {t: str(t) for t in tiers})
ITEMS = Restrictable(choices=item_choices, count_valid=_items_of, titles=_item_titles)
