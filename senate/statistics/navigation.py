from django.http import HttpRequest
from django.urls import reverse

from senate.organisations.models import Senate
from senate.statistics.permission_names import StatisticsPermission as P


def items(http: HttpRequest, senate: Senate) -> list[dict[str, str]]:
    """The dashboard, for the Senate team."""
    if http.user.has_perm(P.VIEW_STATISTICS, senate):
        return [{"href": reverse("statistics:dashboard", args=[senate.slug]), "text": "Dashboard"}]
    return []
