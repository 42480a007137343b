"""A joint review's page: the Senates taking part, the lead manager's invitation, the partner manager's
answer, and the partner Councils' comments on the draft advice (reviews.joint does the work)."""

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from senate.accounts.people import SignedInRequest
from senate.core.access import requires
from senate.organisations.models import Senate
from senate.reviews import forms, joint
from senate.reviews.models import Request
from senate.reviews.permission_names import ReviewsPermission
from senate.reviews.served import REQUEST
from senate.reviews.views.common import crumbs


def _context(http: SignedInRequest, request: Request, **forms_given: Any) -> dict[str, Any]:
    user = http.user
    invitation = joint.invitation_for(request, user) if user.has_perm(ReviewsPermission.ANSWER_JOINT, request) else None
    return {
        "advice_request": request,
        "partners": joint.partners_of(request),
        "comments": joint.comments_on(request),
        "invitation": invitation,
        "invite_form": forms_given.get("invite_form")
        or (
            forms.InvitePartnerForm(senates=joint.invitable_senates(request))
            if user.has_perm(ReviewsPermission.INVITE_PARTNER, request)
            else None
        ),
        "answer_form": forms_given.get("answer_form") or (forms.AnswerJointForm() if invitation else None),
        "comment_form": forms_given.get("comment_form")
        or (forms.PartnerCommentForm() if user.has_perm(ReviewsPermission.COMMENT_AS_PARTNER, request) else None),
        "error": forms_given.get("error"),
        "page_title": "Senates taking part",
        "breadcrumbs": crumbs(request.senate, request),
    }


@requires(ReviewsPermission.VIEW_JOINT, on=REQUEST)
def joint_page(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    return render(http, "reviews/joint.jinja", _context(http, request))


def _refused(http: SignedInRequest, request: Request, **given: Any) -> HttpResponse:
    return render(http, "reviews/joint.jinja", _context(http, request, **given), status=400)


@require_POST
@requires(ReviewsPermission.INVITE_PARTNER, on=REQUEST)
def invite(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    form = forms.InvitePartnerForm(http.POST, senates=joint.invitable_senates(request))
    if not form.is_valid():
        return _refused(http, request, invite_form=form)
    try:
        joint.invite(request, form.cleaned_data["senate"], by=http.user, message=form.cleaned_data["message"])
    except joint.JointRefused as refused:
        form.add_error("senate", str(refused))
        return _refused(http, request, invite_form=form)
    messages.success(http, f"{form.cleaned_data['senate'].name} invited; its manager has been told.")
    return redirect("reviews:joint", senate.slug, request.pk)


@require_POST
@requires(ReviewsPermission.ANSWER_JOINT, on=REQUEST)
def answer(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    form = forms.AnswerJointForm(http.POST)
    invitation = joint.invitation_for(request, http.user)
    if invitation is None:
        return _refused(http, request, error="There is no open invitation for your Senate.")
    if not form.is_valid():
        return _refused(http, request, answer_form=form)
    accept = form.cleaned_data["decision"] == "accept"
    try:
        joint.answer(invitation, accept=accept, by=http.user, reason=form.cleaned_data["reason"])
    except joint.JointRefused as refused:
        form.add_error("decision", str(refused))
        return _refused(http, request, answer_form=form)
    if accept:
        messages.success(http, f"{invitation.senate.name} now reviews this request jointly.")
        return redirect("reviews:joint", senate.slug, request.pk)
    messages.success(http, "Invitation declined; the lead Senate has been told.")
    return redirect("organisations:senate_home", invitation.senate.slug)


@require_POST
@requires(ReviewsPermission.COMMENT_AS_PARTNER, on=REQUEST)
def comment(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    form = forms.PartnerCommentForm(http.POST)
    if not form.is_valid():
        return _refused(http, request, comment_form=form)
    try:
        joint.comment(request, by=http.user, text=form.cleaned_data["text"])
    except joint.JointRefused as refused:
        form.add_error("text", str(refused))
        return _refused(http, request, comment_form=form)
    messages.success(http, "Comment sent to the lead Senate.")
    return redirect("reviews:joint", senate.slug, request.pk)
