"""The factual-accuracy round: the requester's comments per section, and the panel's answers."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from senate.accounts.people import SignedInRequest
from senate.core.access import check, requires
from senate.organisations.models import Senate
from senate.reports import accuracy, compose
from senate.reports.forms import AnswerForm, CommentForm
from senate.reports.permission_names import ReportsPermission as P
from senate.reports.views.common import crumbs
from senate.reviews.models import Request
from senate.reviews.served import REQUEST


@requires(P.VIEW_REPORT, on=REQUEST)
def accuracy_page(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    found = accuracy.latest_round(request)
    if found is None:
        raise Http404("This draft has not been sent for a factual-accuracy check.")
    titles = compose.section_titles(found.draft)
    form = CommentForm(http.POST if http.POST.get("form") == "comment" else None, sections=list(titles.items()))
    if http.method == "POST" and http.POST.get("form") == "comment":
        check(http, P.COMMENT_ON_ACCURACY, request)
        if form.is_valid():
            try:
                accuracy.comment(request, by=http.user, **form.cleaned_data)
            except ValueError as refused:
                form.add_error("text", str(refused))
            else:
                messages.success(http, "Your comment has been sent to the panel.")
                return redirect("reports:accuracy", senate.slug, request.pk)
    if http.method == "POST" and http.POST.get("form") == "finish":
        check(http, P.COMMENT_ON_ACCURACY, request)
        try:
            accuracy.finish(request, by=http.user)
        except ValueError as refused:
            messages.error(http, str(refused))
        else:
            messages.success(http, "You have finished the factual-accuracy check. The panel can now revise the report.")
        return redirect("reports:accuracy", senate.slug, request.pk)
    context = {
        "advice_request": request,
        "round": found,
        "titles": titles,
        "comments": accuracy.all_comments(request),
        "form": form,
        "is_open": accuracy.open_round(request) is not None,
        "can_comment": http.user.has_perm(P.COMMENT_ON_ACCURACY, request),
        "can_answer": http.user.has_perm(P.ANSWER_ACCURACY, request),
        "page_title": "Factual-accuracy check",
        "breadcrumbs": crumbs(senate, request, (reverse("reports:report", args=[senate.slug, request.pk]), "Report")),
    }
    return render(http, "reports/accuracy.jinja", context)


@requires(P.ANSWER_ACCURACY, on=REQUEST)
def answer(http: SignedInRequest, senate: Senate, request: Request, comment_id: int) -> HttpResponse:
    item = accuracy.comment_on(request, comment_id)
    form = AnswerForm(http.POST if http.method == "POST" else None, comment=item)
    if http.method == "POST" and form.is_valid():
        try:
            accuracy.answer(item, by=http.user, **form.cleaned_data)
        except ValueError as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(http, "Your answer has been recorded in the document control.")
            return redirect("reports:accuracy", senate.slug, request.pk)
    context = {
        "advice_request": request,
        "item": item,
        "section": compose.section_titles(item.round.draft).get(item.section, item.section),
        "form": form,
        "page_title": "Answer a factual-accuracy comment",
        "breadcrumbs": crumbs(
            senate, request, (reverse("reports:accuracy", args=[senate.slug, request.pk]), "Factual accuracy")
        ),
    }
    return render(http, "reports/answer.jinja", context)
