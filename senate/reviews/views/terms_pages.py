"""Terms of reference: read, comment, share, and (for the Senate team) edit as a new version."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from senate.accounts.people import SignedInRequest
from senate.core.access import check, requires
from senate.organisations.models import Senate
from senate.reviews import forms, lifecycle, terms
from senate.reviews.models import Request, TermsOfReference
from senate.reviews.next_steps import next_steps
from senate.reviews.permission_names import ReviewsPermission
from senate.reviews.served import REQUEST
from senate.reviews.views.common import crumbs


@requires(ReviewsPermission.VIEW_REQUEST, on=REQUEST)
def terms_page(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    current = terms.current(request)
    comment_form = forms.CommentForm(http.POST if http.method == "POST" else None)
    if http.method == "POST":
        check(http, ReviewsPermission.COMMENT_ON_TERMS, request)
        if current is not None and comment_form.is_valid():
            terms.add_comment(current, text=comment_form.cleaned_data["text"], by=http.user)
            messages.success(http, "Your comment has been added.")
            return redirect("reviews:terms", senate.slug, request.pk)
    acts = [
        a
        for a in lifecycle.available_acts(request, http.user)
        if a.name in ("agree_terms", "approve_terms", "draft_terms")
    ]
    can_edit = http.user.has_perm(ReviewsPermission.MANAGE_REQUEST, request)
    # The page's one primary button: drafting when there is nothing yet, sharing a draft, or else an act.
    draft_first = can_edit and current is None
    share_now = can_edit and current is not None and current.status == TermsOfReference.Status.DRAFT
    context = {
        "advice_request": request,
        "terms": current,
        "comment_form": comment_form,
        "steps": next_steps(acts, request, primary_taken=draft_first or share_now),
        "draft_first": draft_first,
        "versions": request.terms.order_by("-version").select_related("created_by", "agreed_by", "approved_by"),
        "comments": current.comments.select_related("author") if current else [],
        "can_edit": can_edit,
        "page_title": "Terms of reference",
        "breadcrumbs": crumbs(senate, request),
    }
    return render(http, "reviews/terms.jinja", context)


@requires(ReviewsPermission.MANAGE_REQUEST, on=REQUEST)
def edit_terms(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    current = terms.current(request)
    if current is not None and current.status == TermsOfReference.Status.APPROVED:
        messages.error(http, "Approved terms of reference cannot be changed.")
        return redirect("reviews:terms", senate.slug, request.pk)
    start = {f: getattr(current, f) for f in terms.FIELDS} if current else terms.draft_from_request(request)
    form = forms.TermsForm(http.POST if http.method == "POST" else None, initial=forms.TermsForm.initial_from(start))
    if http.method == "POST" and form.is_valid():
        saved = terms.save_version(request, values=form.values(), by=http.user)
        messages.success(http, f"Version {saved.version} of the terms of reference saved.")
        return redirect("reviews:terms", senate.slug, request.pk)
    context = {
        "form": form,
        "advice_request": request,
        "page_title": "Edit the terms of reference",
        "breadcrumbs": crumbs(senate, request),
    }
    return render(http, "reviews/terms_edit.jinja", context)


@require_POST
@requires(ReviewsPermission.MANAGE_REQUEST, on=REQUEST)
def share_terms(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    current = terms.current(request)
    if current is not None and current.status == TermsOfReference.Status.DRAFT:
        terms.share(current, by=http.user)
        messages.success(http, f"Version {current.version} shared with the requester.")
    return redirect("reviews:terms", senate.slug, request.pk)
