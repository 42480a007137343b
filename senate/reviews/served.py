"""The request for advice as a record pages serve: `requires(permission, on=REQUEST)` finds the
request named by the URL's `pk` within the current Senate, checks the permission on it (every
permission asked of a request starts with `may_see_request`), and gives it to the view as `request`."""

from django.http import HttpRequest

from senate.core.access import Served
from senate.reviews.models import Request


def request_in(http: HttpRequest, pk: int) -> Request | None:
    senate = getattr(http, "senate", None)
    found = (
        Request.objects.filter(senate=senate, pk=pk)
        .select_related(
            "requesting_organisation", "sponsor_organisation", "programme", "created_by", "redirected_to_organisation"
        )
        .prefetch_related("service_areas", "affected_organisations")
        .first()
    )
    if found is not None and senate is not None:
        # The Senate the URL named, already read with its region: not joined again.
        found.senate = senate
    return found


REQUEST = Served(
    name="request", key="pk", find=request_in, missing="There is no request with that number in this Senate."
)
