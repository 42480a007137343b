import datetime as dt
from typing import Any, cast

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from senate.accounts.people import SignedInRequest
from senate.accounts.permission_names import Permission
from senate.core import audit
from senate.core.access import check, requires, signed_in
from senate.core.cache import until_next_act
from senate.members import presenters, queries
from senate.members.coverage import Coverage, coverage_in
from senate.members.forms import DirectoryFilterForm, ProfileForm
from senate.members.models import Body, MemberProfile, Membership
from senate.members.profiles import update_profile
from senate.organisations.models import Senate


@requires(Permission.VIEW_MEMBER_DIRECTORY)
def directory(request: SignedInRequest, senate: Senate) -> HttpResponse:
    """The Senate team's directory of current Council and Assembly members, with filters."""
    form = DirectoryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    today = dt.date.today()
    listing = cast(Any, queries.DirectoryListing(senate, filters, today))  # pages of plain rows, counted cheaply
    page = Paginator(listing, 25).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "rows": presenters.directory_rows(page, senate, today),
        "query_without_page": presenters.query_without_page(request.GET),
        "page_title": "Member directory",
        "breadcrumbs": [{"href": f"/{senate.slug}/", "text": senate.name}],
    }
    template = "members/_directory_results.jinja" if request.htmx else "members/directory.jinja"  # type: ignore[attr-defined]
    return render(request, template, context)


@requires(Permission.VIEW_MEMBER_DIRECTORY)
def member_detail(request: SignedInRequest, senate: Senate, profile_id: int) -> HttpResponse:
    profile = queries.member_in(senate, profile_id)
    if profile is None:
        raise Http404("No member with that number in this Senate.")
    memberships = profile.memberships.filter(senate=senate).select_related("role_description").order_by("-term_start")
    can_manage = request.user.has_perm(Permission.EDIT_MEMBERSHIP, senate)
    context = {
        "profile": profile,
        "memberships": memberships,
        "roles": queries.roles_of(profile, senate),
        "can_manage": can_manage,
        "history": [audit.describe(e) for e in queries.membership_history(profile, senate)] if can_manage else [],
        "today": dt.date.today(),
        "page_title": str(profile),
        "breadcrumbs": [
            {"href": f"/{senate.slug}/", "text": senate.name},
            {"href": f"/{senate.slug}/members/", "text": "Member directory"},
        ],
    }
    return render(request, "members/member_detail.jinja", context)


@requires(Permission.VIEW_COVERAGE)
def coverage(request: SignedInRequest, senate: Senate) -> HttpResponse:
    """Which constituencies, life stages and Outcomes Framework domains each body covers."""

    def work_out() -> list[tuple[str, Coverage]]:
        vocabulary = queries.vocabulary()
        return [
            (label, coverage_in(queries.coverage_members(senate, body), vocabulary)) for body, label in Body.choices
        ]

    today = dt.date.today()
    bodies = until_next_act(f"coverage:{senate.pk}:{today.isoformat()}", work_out, rows_of=(Membership, MemberProfile))
    breadcrumbs = [{"href": f"/{senate.slug}/", "text": senate.name}]
    if request.user.has_perm(Permission.VIEW_MEMBER_DIRECTORY, senate):
        breadcrumbs.append({"href": f"/{senate.slug}/members/", "text": "Member directory"})
    context = {"bodies": bodies, "page_title": "Council and Assembly coverage", "breadcrumbs": breadcrumbs}
    return render(request, "members/coverage.jinja", context)


@signed_in
def my_profile(request: SignedInRequest) -> HttpResponse:
    profile = _own_profile(request)
    memberships = profile.memberships.select_related("senate").order_by("-term_start")
    context = {"profile": profile, "memberships": memberships, "page_title": "Your profile", "today": dt.date.today()}
    return render(request, "members/my_profile.jinja", context)


@signed_in
def edit_my_profile(request: SignedInRequest) -> HttpResponse:
    profile = _own_profile(request)
    check(request, Permission.EDIT_OWN_PROFILE, profile)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in ProfileForm.Meta.fields}
        update_profile(
            profile,
            changes=changes,
            full_name=form.cleaned_data["full_name"],
            expertise=form.expertise_codes(),
            by=request.user,
        )
        messages.success(request, "Your profile has been saved.")
        return redirect("profile:view")
    if request.method == "POST":
        profile.refresh_from_db()
    return render(request, "members/edit_profile.jinja", {"form": form, "page_title": "Change your profile"})


def _own_profile(request: SignedInRequest) -> MemberProfile:
    profile = queries.profile_to_edit(cast(int, request.user.pk))
    if profile is None:
        raise Http404("You do not have a member profile. Only Council and Assembly members have one.")
    return profile
