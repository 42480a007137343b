"""A forward-plan item as a record pages serve (`requires(permission, on=PLAN_ITEM)`): found by the
URL's `pk` within the current Senate, checked, and given to the view as `plan_item`."""

from django.http import HttpRequest

from senate.core.access import Served
from senate.programme.models import PlanItem


def item_in(http: HttpRequest, pk: int) -> PlanItem | None:
    senate = getattr(http, "senate", None)
    return (
        PlanItem.objects.filter(senate=senate, pk=pk)
        .select_related("request", "topic", "council_meeting", "topic__sponsor_member", "topic__sponsor_organisation")
        .first()
    )


PLAN_ITEM = Served(
    name="plan_item", key="pk", find=item_in, missing="There is no item with that number in this Senate's forward plan."
)
