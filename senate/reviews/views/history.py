"""A request's history: the audit trail of the request and its records, for the Senate team."""

from django.http import HttpResponse
from django.shortcuts import render

from senate.accounts.people import SignedInRequest
from senate.core.access import requires
from senate.organisations.models import Senate
from senate.reviews import history
from senate.reviews.models import Request
from senate.reviews.permission_names import ReviewsPermission
from senate.reviews.served import REQUEST
from senate.reviews.views.common import crumbs


@requires(ReviewsPermission.VIEW_HISTORY, on=REQUEST)
def request_history(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    context = {
        "advice_request": request,
        "entries": history.entries(request),
        "page_title": f"History: {request.reference or 'draft request'}",
        "breadcrumbs": crumbs(senate, request),
    }
    return render(http, "reviews/history.jinja", context)
