"""Issued advice as a record the national team's page serves: a request of the Senate the URL names,
found only once its advice has been issued; the permission is then asked of the request itself."""

from django.http import HttpRequest

from senate.core.access import Served
from senate.national.queries import issued_advice
from senate.reviews.models import Request


def issued_in(http: HttpRequest, pk: int) -> Request | None:
    # With what the page shows of it: its sponsor (in the report) and its issue (the covering letter).
    found = issued_advice().select_related("sponsor_organisation", "advice_issue")
    return found.filter(senate=getattr(http, "senate", None), pk=pk).first()


ISSUED = Served(
    name="request", key="pk", find=issued_in, missing="There is no issued advice with that number in this Senate."
)
