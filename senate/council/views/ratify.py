"""Confirming the changes the Council asked for: the member it named chooses the new version that
makes them, and the advice is then approved for issue (council.ratification)."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from senate.accounts.people import SignedInRequest
from senate.core.access import requires
from senate.council import ratification
from senate.council.forms import ConfirmChangesForm
from senate.council.meetings import MeetingRefused
from senate.council.models import Decision, Meeting
from senate.council.permission_names import CouncilPermission as P
from senate.council.served import MEETING
from senate.council.views.common import load_item, meeting_crumbs, posted
from senate.organisations.models import Senate


@requires(P.VIEW_MEETINGS, on=MEETING)
def confirm_changes(http: SignedInRequest, senate: Senate, meeting: Meeting, number: int) -> HttpResponse:
    item = load_item(meeting, number)
    decision = getattr(item, "decision", None)
    if decision is None or decision.outcome != Decision.Outcome.APPROVED_WITH_CHANGES or not decision.confirmer_id:
        raise Http404("This item was not approved with changes to confirm.")
    later = ratification.later_versions(decision)
    form = ConfirmChangesForm(posted(http), versions=later)
    if http.method == "POST" and form.is_valid():
        try:
            ratification.confirm_changes(decision, by=http.user, **form.cleaned_data)
        except MeetingRefused as refused:
            form.add_error("version", str(refused))
        else:
            messages.success(http, "The changes are confirmed: the advice is approved for issue.")
            return redirect("council:decide", senate.slug, meeting.pk, item.number)
    context = {
        "meeting": meeting,
        "item": item,
        "decision": decision,
        "form": form,
        "later": later,
        "is_confirmer": decision.confirmer_id == http.user.pk,
        "confirmed": getattr(decision, "confirmation", None),
        "page_title": "Confirm the changes are made",
        "breadcrumbs": meeting_crumbs(meeting),
    }
    return render(http, "council/confirm_changes.jinja", context)
