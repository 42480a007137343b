"""The assessment framework: the national tests and this Senate's own criteria."""

from itertools import groupby

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from senate.accounts.people import SignedInRequest
from senate.core.access import check, requires
from senate.organisations.models import Senate
from senate.reports import framework
from senate.reports.forms import SenateCriterionForm
from senate.reports.models import Framework
from senate.reports.permission_names import ReportsPermission as P
from senate.reports.views.common import posted


@requires(P.VIEW_FRAMEWORK)
def framework_page(http: SignedInRequest, senate: Senate) -> HttpResponse:
    form = SenateCriterionForm(posted(http))
    if http.method == "POST":
        check(http, P.EDIT_FRAMEWORK, senate)
        if form.is_valid():
            try:
                framework.add_senate_criterion(senate, by=http.user, **form.cleaned_data)
            except ValueError as refused:
                form.add_error("title", str(refused))
            else:
                messages.success(http, "The criterion has been added to this Senate's framework.")
                return redirect("reports:framework", senate.slug)
    labels = dict(Framework.choices)
    groups = [(labels[k], list(g)) for k, g in groupby(framework.available(senate), key=lambda c: c.framework)]
    context = {
        "groups": groups,
        "form": form,
        "scale": framework.scale(),
        "can_edit": http.user.has_perm(P.EDIT_FRAMEWORK, senate),
        "page_title": "The assessment framework",
        "breadcrumbs": [{"href": reverse("organisations:senate_home", args=[senate.slug]), "text": senate.name}],
    }
    return render(http, "reports/framework.jinja", context)
