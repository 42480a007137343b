from typing import Any

from django.urls import reverse

from senate.statistics.permission_names import StatisticsPermission as P


def items(request: Any, senate: Any) -> list[dict[str, str]]:
    """The dashboard, for the Senate team."""
    if request.user.has_perm(P.VIEW_STATISTICS, senate):
        return [{"href": reverse("statistics:dashboard", args=[senate.slug]), "text": "Dashboard"}]
    return []
