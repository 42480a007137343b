"""The Senate team's pages: who owes a declaration, the full register with withholding, and the rules."""

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from senate.accounts.people import SignedInRequest
from senate.core.access import requires
from senate.core.cache import rendered, until_next_act
from senate.interests import due, presenters, publication
from senate.interests.conflict_policy import EDITABLE, conflict_policy_for, update_conflict_policy
from senate.interests.forms import ConflictPolicyForm, DueFilterForm, RegisterFilterForm, WithholdForm
from senate.interests.models import Declaration
from senate.interests.permission_names import InterestsPermission as P
from senate.interests.register import all_entries
from senate.interests.reminders import send_declaration_reminders
from senate.interests.retention import past_retention
from senate.interests.served import DECLARATION
from senate.interests.views.common import address_for_each, crumbs, posted
from senate.organisations.models import Senate


def _interests_crumbs(senate: Senate) -> list[dict[str, str]]:
    return crumbs(senate, (reverse("interests:due", args=[senate.slug]), "Interests"))


@requires(P.VIEW_DUE)
def due_list(http: SignedInRequest, senate: Senate) -> HttpResponse:
    """Who is due, overdue or has never declared, with counts and filters."""
    today = timezone.localdate()
    form = DueFilterForm(http.GET or None, initial={"status": "outstanding"})
    filters = form.cleaned_data if form.is_valid() else {}
    status, body = filters.get("status") or "outstanding", filters.get("body") or ""
    asked = http.GET.get("page", "")[:8]

    def table() -> dict[str, Any]:
        rows = due.due_rows(senate, today=today)
        page = Paginator([r for r in rows if _wanted(r, status, body)], 50).get_page(asked)
        html = rendered(
            "interests/manage/due_table.jinja",
            {
                "page": page,
                "query": f"status={status}&body={body}",
                "status_tags": {s: presenters.status_tag(s) for s in due.Status},
            },
            request=http,
        )
        return {"html": html, "counts": due.counts(rows), "total": len(rows)}

    shown = until_next_act(
        f"due-table:{senate.pk}:{today.isoformat()}:{status}:{body}:{asked}", table, rows_of=due.WATCHED
    )
    context = {
        "form": form,
        "counts": shown["counts"],
        "total": shown["total"],
        "table_html": shown["html"],
        "page_title": "Declarations of interest due",
        "breadcrumbs": crumbs(senate),
    }
    return render(http, "interests/manage/due.jinja", context)


def _wanted(row: due.DueRow, status: str, body: str) -> bool:
    if body and all(m.body != body for m in row.memberships):
        return False
    if status == "outstanding":
        return row.status != due.Status.UP_TO_DATE
    return status in ("", "all") or row.status == status


@requires(P.SEND_REMINDERS)
@require_POST
def send_reminders(http: SignedInRequest, senate: Senate) -> HttpResponse:
    sent = send_declaration_reminders(senate, today=timezone.localdate())
    messages.success(
        http,
        f"{sent} reminder{'' if sent == 1 else 's'} queued. Members already reminded today were not emailed again.",
    )
    return redirect("interests:due", senate.slug)


@requires(P.VIEW_REGISTER_ADMIN)
def register_admin(http: SignedInRequest, senate: Senate) -> HttpResponse:
    """Every entry in force, published or not, with withholding and publishing."""
    form = RegisterFilterForm(http.GET or None)
    show = (form.cleaned_data.get("show") if form.is_valid() else "") or "all"
    page = all_entries(senate, on=timezone.localdate(), show=show, page=http.GET.get("page"))
    context = {
        "page": page,
        "form": form,
        "show": show,
        "withhold_address": address_for_each("interests:withhold", senate.slug),
        "publish_address": address_for_each("interests:publish", senate.slug),
        "page_title": "Register of interests: all entries",
        "breadcrumbs": _interests_crumbs(senate),
    }
    return render(http, "interests/manage/register.jinja", context)


@requires(P.WITHHOLD, on=DECLARATION)
def withhold(http: SignedInRequest, senate: Senate, declaration: Declaration) -> HttpResponse:
    form = WithholdForm(posted(http))
    if http.method == "POST" and form.is_valid():
        publication.withhold_declaration(declaration, by=http.user, senate=senate, **form.cleaned_data)
        messages.success(http, f"The entry of {declaration.profile} has been withheld from the published register.")
        return redirect("interests:register_admin", senate.slug)
    current = declaration.versions.filter(superseded_at__isnull=True).first()
    context = {
        "form": form,
        "declaration": declaration,
        "current": current,
        "page_title": "Withhold an entry",
        "breadcrumbs": _interests_crumbs(senate),
    }
    return render(http, "interests/manage/withhold.jinja", context)


@require_POST
@requires(P.WITHHOLD, on=DECLARATION)
def publish(http: SignedInRequest, senate: Senate, declaration: Declaration) -> HttpResponse:
    try:
        publication.publish_declaration(declaration, by=http.user, senate=senate)
    except publication.PublicationRefused as refusal:
        messages.error(http, str(refusal))
    else:
        messages.success(http, f"The entry of {declaration.profile} is published on the register again.")
    return redirect("interests:register_admin", senate.slug)


@requires(P.EDIT_RULES)
def conflict_policy_page(http: SignedInRequest, senate: Senate) -> HttpResponse:
    rules = conflict_policy_for(senate)
    form = ConflictPolicyForm(posted(http), instance=rules)
    if http.method == "POST" and form.is_valid():
        # The form has already copied the new values onto `rules`; compare against the stored ones.
        update_conflict_policy(
            conflict_policy_for(senate), changes={name: form.cleaned_data[name] for name in EDITABLE}, by=http.user
        )
        messages.success(http, "The conflicts of interest policy have been saved.")
        return redirect("interests:conflict_policy", senate.slug)
    context = {
        "form": form,
        "past_retention": past_retention(senate, today=timezone.localdate()).count(),
        "page_title": "Conflicts of interest policy",
        "breadcrumbs": _interests_crumbs(senate),
    }
    return render(http, "interests/manage/conflict_policy.jinja", context)
