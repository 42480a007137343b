"""The records evidence pages serve, found and checked by the framework before the view runs
(`requires(permission, on=…)`, see senate.core.access): an evidence item, named by its request's number
and its own, within the current Senate. The permission is asked of the item's request; whether this
person may open the item itself (its tier, the panel's attestation) is then `access.can_open`."""

from typing import Any

from django.http import HttpRequest

from senate.core.access import Served
from senate.evidence.models import EvidenceItem


def _item(http: HttpRequest, pk: int, item_id: int) -> Any:
    items = EvidenceItem.objects.filter(request__senate=getattr(http, "senate", None), request_id=pk, pk=item_id)
    return items.select_related("request__senate").first()


ITEM = Served(
    name="item",
    key=("pk", "item_id"),
    find=_item,
    missing="There is no evidence item with that number on this request.",
    subject=lambda http, item: item.request,
)
