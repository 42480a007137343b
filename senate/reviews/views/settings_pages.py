"""The Senate's service levels, changed by its Chair or manager."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from senate.accounts.people import SignedInRequest
from senate.core.access import requires
from senate.organisations.models import Senate
from senate.reviews import forms
from senate.reviews.permission_names import ReviewsPermission
from senate.reviews.service_levels import FIELDS, change_service_levels
from senate.reviews.views.common import crumbs


@requires(ReviewsPermission.SET_SERVICE_LEVELS)
def service_levels(http: SignedInRequest, senate: Senate) -> HttpResponse:
    initial = {f: getattr(senate, f) for f in FIELDS}
    form = forms.ServiceLevelsForm(http.POST if http.method == "POST" else None, initial=initial)
    if http.method == "POST" and form.is_valid():
        changed = change_service_levels(senate, values=form.cleaned_data, by=http.user)
        messages.success(http, "Service levels saved." if changed else "Nothing was changed.")
        return redirect("reviews:work_queue", senate.slug)
    context = {"form": form, "page_title": "Service levels", "breadcrumbs": crumbs(senate)[:1]}
    return render(http, "reviews/service_levels.jinja", context)
