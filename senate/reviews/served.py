"""The request for advice as a record pages serve: `requires(permission, on=REQUEST)` finds the
request named by the URL's `pk` within the current Senate, checks the permission on it (every
permission asked of a request starts with `may_see_request`), and gives it to the view as `request`.

Nearly every page of a review serves its request, with the organisations, programme and person it
names: five joins and two lists, about 4 ms of every such page at national scale. The request changes
only when someone acts (each change writes an audit event: ADR 0004), so it is kept until the next act
(`senate.core.cache.until_next_act`) and each page is given its own fresh copy of it."""

import pickle

from django.http import HttpRequest

from senate.core.access import Served
from senate.core.cache import until_next_act
from senate.organisations.models import Senate
from senate.reviews.models import Request


def request_in(http: HttpRequest, pk: int) -> Request | None:
    senate = getattr(http, "senate", None)
    if senate is None:
        return _read(None, pk)
    # Kept as it was read (pickled at once), not as a view may have changed it in memory since.
    kept = until_next_act(f"served-request:{senate.pk}:{int(pk)}", lambda: _as_kept(_read(senate, pk)))
    if kept is None:
        return None
    found: Request = pickle.loads(kept)
    # The Senate the URL named, already read with its region: not joined again.
    found.senate = senate
    return found


def _read(senate: Senate | None, pk: int) -> Request | None:
    return (
        Request.objects.filter(senate=senate, pk=pk)
        .select_related(
            "requesting_organisation", "sponsor_organisation", "programme", "created_by", "redirected_to_organisation"
        )
        .prefetch_related("service_areas", "affected_organisations")
        .first()
    )


def _as_kept(found: Request | None) -> bytes | None:
    return None if found is None else pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL)


REQUEST = Served(
    name="request", key="pk", find=request_in, missing="There is no request with that number in this Senate."
)
