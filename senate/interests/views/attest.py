"""A panel member's attestation before they open a review's evidence."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from senate.accounts.people import SignedInRequest
from senate.core.access import requires
from senate.interests import presenters, queries
from senate.interests.attestation import STATEMENT, attest, latest_attestation
from senate.interests.facts import AdviceRequest
from senate.interests.forms import AttestForm
from senate.interests.permission_names import InterestsPermission as P
from senate.interests.served import REQUEST
from senate.interests.views.common import crumbs, own_profile, posted
from senate.organisations.models import Senate


@requires(P.ATTEST, on=REQUEST)
def attest_page(http: SignedInRequest, senate: Senate, request: AdviceRequest) -> HttpResponse:
    profile = own_profile(http)
    form = AttestForm(posted(http))
    if http.method == "POST" and form.is_valid():
        attest(
            profile,
            request,
            specific=form.cleaned_data.get("specific", "") if form.cleaned_data["anything"] else "",
            by=http.user,
        )
        messages.success(http, "Thank you. Your declarations for this review are recorded.")
        return redirect("interests:attest", senate.slug, request.pk)
    context = {
        "advice_request": request,
        "form": form,
        "statement": STATEMENT,
        "previous": latest_attestation(profile, request),
        "sections": presenters.own_sections(
            queries.own_declarations(profile), timezone.localdate(), presenters.home_rules(profile)
        ),
        "page_title": f"Declarations for {request}",
        "breadcrumbs": crumbs(senate),
    }
    return render(http, "interests/attest.jinja", context)
