"""A member's own declarations: list, declare, change (a new version), end, history, nil return and
confirming the register. Not Senate-scoped: a member's register is theirs, whichever Senates they sit on."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from senate.accounts.people import SignedInRequest
from senate.core.access import check, signed_in
from senate.interests import declaring, presenters, queries
from senate.interests.forms import EndForm, GiftForm, InterestForm, NilReturnForm
from senate.interests.models import Declaration, Kind
from senate.interests.permission_names import InterestsPermission as P
from senate.interests.views.common import own_profile, posted

TITLES: dict[str, str] = {
    Kind.INTEREST: "Declare an interest",
    Kind.GIFT: "Declare a gift",
    Kind.HOSPITALITY: "Declare hospitality",
}
BACK = [{"href": "/declarations/", "text": "Your declarations"}]


@signed_in
def declarations(http: SignedInRequest) -> HttpResponse:
    profile = own_profile(http)
    check(http, P.DECLARE, profile)
    context = {
        "page_title": "Your declarations of interest",
        "sections": presenters.own_sections(
            queries.own_declarations(profile), timezone.localdate(), presenters.home_rules(profile)
        ),
        "owed": presenters.owed_by(profile, timezone.localdate()),
    }
    return render(http, "interests/own/list.jinja", context)


@signed_in
def declare(http: SignedInRequest, kind: str) -> HttpResponse:
    profile = own_profile(http)
    check(http, P.DECLARE, profile)
    form = _form(kind, posted(http))
    if http.method == "POST" and form.is_valid():
        declaration = declaring.declare(
            profile, kind=kind, details=form.details(), services=form.cleaned_data.get("services", []), by=http.user
        )
        messages.success(http, presenters.saved_message(declaration, profile))
        return redirect("declarations:list")
    title = TITLES[kind]
    return render(
        http, "interests/own/form.jinja", {"form": form, "page_title": title, "kind": kind, "breadcrumbs": BACK}
    )


@signed_in
def change(http: SignedInRequest, pk: int) -> HttpResponse:
    declaration, current = _own(http, pk)
    form = _form(declaration.kind, posted(http), initial=presenters.initial_from(current))
    if http.method == "POST" and form.is_valid():
        declaring.amend_declaration(
            declaration,
            changes=form.details(),
            services=form.cleaned_data.get("services"),
            note="Changed by the member",
            by=http.user,
        )
        messages.success(http, "Your change has been saved as a new version. The earlier version is kept.")
        return redirect("declarations:list")
    context = {
        "form": form,
        "page_title": f"Change: {current.body_name}",
        "kind": declaration.kind,
        "changing": True,
        "breadcrumbs": BACK,
    }
    return render(http, "interests/own/form.jinja", context)


@signed_in
def end(http: SignedInRequest, pk: int) -> HttpResponse:
    declaration, current = _own(http, pk)
    form = EndForm(posted(http))
    if http.method == "POST" and form.is_valid():
        try:
            declaring.end_declaration(declaration, ended_on=form.cleaned_data["ended_on"], by=http.user)
        except declaring.DeclarationRefused as refusal:
            form.add_error("ended_on", str(refusal))
        else:
            messages.success(http, "The interest has been recorded as ended.")
            return redirect("declarations:list")
    context = {"form": form, "current": current, "page_title": "Record that an interest has ended", "breadcrumbs": BACK}
    return render(http, "interests/own/end.jinja", context)


@signed_in
def history(http: SignedInRequest, pk: int) -> HttpResponse:
    declaration, _current = _own(http, pk, allow_nil=True)
    versions = [(v, presenters.version_rows(declaration, v)) for v in declaration.history]  # type: ignore[attr-defined]
    context = {"versions": versions, "page_title": "History of a declaration", "breadcrumbs": BACK}
    return render(http, "interests/own/history.jinja", context)


@signed_in
def nil_return(http: SignedInRequest) -> HttpResponse:
    profile = own_profile(http)
    check(http, P.DECLARE, profile)
    form = NilReturnForm(posted(http))
    if http.method == "POST" and form.is_valid():
        try:
            declaring.make_nil_return(profile, by=http.user)
        except declaring.DeclarationRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(http, "Your nil return has been recorded.")
            return redirect("declarations:list")
    return render(
        http, "interests/own/nil.jinja", {"form": form, "page_title": "Make a nil return", "breadcrumbs": BACK}
    )


@signed_in
@require_POST
def confirm(http: SignedInRequest) -> HttpResponse:
    profile = own_profile(http)
    check(http, P.DECLARE, profile)
    declaring.confirm_register(profile, by=http.user)
    messages.success(http, "Thank you. You have confirmed that your declarations are up to date.")
    return redirect("declarations:list")


def _form(kind: str, data: QueryDict | None, initial: dict[str, Any] | None = None) -> Any:
    if kind == Kind.INTEREST:
        return InterestForm(data, initial=initial)
    if kind in (Kind.GIFT, Kind.HOSPITALITY):
        return GiftForm(data, kind=kind, initial=initial)
    raise Http404("There is no such kind of declaration.")


def _own(http: SignedInRequest, pk: int, *, allow_nil: bool = False) -> tuple[Declaration, Any]:
    profile = own_profile(http)
    declaration = next((d for d in queries.own_declarations(profile) if d.pk == pk), None)
    if declaration is None or (declaration.kind == Kind.NIL and not allow_nil):
        raise Http404("You have no declaration with that number.")
    check(http, P.DECLARE, profile)
    return declaration, declaration.current  # type: ignore[attr-defined]
