"""Loans between Senates, seen from both sides; the lending Senate's manager decides."""

from django.contrib import messages
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from senate.accounts.people import SignedInRequest
from senate.core.access import requires
from senate.organisations.models import Senate
from senate.panels import loans as lending
from senate.panels.forms import LoanDecisionForm
from senate.panels.models import Loan
from senate.panels.permission_names import PanelsPermission as P
from senate.panels.served import LOAN
from senate.panels.views.common import crumbs


@requires(P.MANAGE)
def loans(http: SignedInRequest, senate: Senate) -> HttpResponse:
    asked_of, asked_by = lending.loans_of(senate)
    forms = {loan.pk: LoanDecisionForm(prefix=f"loan-{loan.pk}") for loan in asked_of}
    return _page(http, senate, asked_of, asked_by, forms)


@requires(P.DECIDE_LOANS, on=LOAN)
def decide(http: SignedInRequest, senate: Senate, loan: Loan) -> HttpResponse:
    form = LoanDecisionForm(http.POST if http.method == "POST" else None, prefix=f"loan-{loan.pk}")
    if http.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                lending.decide_loan(
                    loan,
                    approve=form.cleaned_data["decision"] == "approve",
                    reason=form.cleaned_data["reason"],
                    by=http.user,
                )
        except lending.LoanRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(http, f"Your decision on lending {loan.profile} has been recorded.")
            return redirect("panels:loans", senate.slug)
    asked_of, asked_by = lending.loans_of(senate)
    forms = {x.pk: (form if x.pk == loan.pk else LoanDecisionForm(prefix=f"loan-{x.pk}")) for x in asked_of}
    return _page(http, senate, asked_of, asked_by, forms)


def _page(
    http: HttpRequest, senate: Senate, asked_of: QuerySet[Loan], asked_by: QuerySet[Loan], forms: dict
) -> HttpResponse:
    return render(
        http,
        "panels/loans.jinja",
        {
            "asked_of": asked_of,
            "asked_by": asked_by,
            "forms": forms,
            "errors": list(forms.values()),
            "can_decide": http.user.has_perm(P.DECIDE_LOANS, senate),
            "page_title": "Loans of panel members",
            "breadcrumbs": crumbs(senate),
        },
    )
