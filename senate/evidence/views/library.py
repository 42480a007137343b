"""The evidence library of a request: what was asked for, the items a person may open, uploads,
version history, downloads and the access log of official-sensitive items."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from senate.accounts.people import SignedInRequest
from senate.core.access import requires
from senate.core.uploads import UploadNotStored
from senate.evidence import access, library, queries
from senate.evidence.forms import TIER_HINTS, AskForm, FileForm, ItemForm
from senate.evidence.models import EvidenceItem, Source
from senate.evidence.permission_names import EvidencePermission as P
from senate.evidence.served import ITEM
from senate.evidence.views.common import crumbs, files, posted
from senate.evidence.witnesses import witnesses_heard
from senate.interests.attestation import has_attested
from senate.interests.restrictions import describe, restrictions_for
from senate.organisations.models import Senate
from senate.reviews.models import Request
from senate.reviews.served import REQUEST


def _library_url(request) -> str:
    return reverse("evidence:library", args=[request.senate.slug, request.pk])


@requires(P.VIEW, on=REQUEST)
def library_page(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    user = http.user
    on_panel = not access.is_team(user, request) and access.is_on_panel(user, request)  # the team first: no query
    items = access.visible_items(user, request).prefetch_related("versions").select_related("added_by")
    context = {
        "advice_request": request,
        "items": items,
        "asks": [
            (one, any(item.versions.all() for item in one.items.all()))
            for one in queries.asks_of(request).prefetch_related("items__versions")
        ],
        "today": timezone.localdate(),
        "must_attest": on_panel and not has_attested(user, request),
        "my_restrictions": describe(restrictions_for(user, request)),
        "can_ask": user.has_perm(P.ASK, request),
        "can_upload": user.has_perm(P.UPLOAD_AS_REQUESTER, request) or user.has_perm(P.ADD_OWN, request),
        "can_see_log": user.has_perm(P.VIEW_ACCESS_LOG, request),
        "can_see_fieldwork": user.has_perm(P.VIEW_FIELDWORK, request),
        "witnesses": witnesses_heard(request, user),
        "page_title": f"Evidence for {request.reference or request.title}",
        "breadcrumbs": crumbs(http, request),
    }
    return render(http, "evidence/library.jinja", context)


@requires(P.ASK, on=REQUEST)
def ask(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    form = AskForm(posted(http))
    if http.method == "POST" and form.is_valid():
        library.ask_for_evidence(request=request, by=http.user, **form.cleaned_data)
        messages.success(http, f"The requester has been asked for “{form.cleaned_data['title']}”.")
        return redirect(_library_url(request))
    context = {
        "advice_request": request,
        "form": form,
        "page_title": "Ask the requester for evidence",
        "breadcrumbs": crumbs(http, request, (_library_url(request), "Evidence")),
    }
    return render(http, "evidence/ask.jinja", context)


def _source_for(user, request) -> str | None:
    if access.is_team(user, request):
        return Source.SENATE_TEAM
    if access.acts_for_requester(user, request):
        return Source.REQUESTER
    if access.is_on_panel(user, request) and has_attested(user, request):
        return Source.PANEL
    return None


@requires(P.VIEW, on=REQUEST)
def upload(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    source = _source_for(http.user, request)
    if source is None:
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied("you need to be the requester, on the panel or in the Senate team to add evidence")
    asks = queries.asks_of(request)
    form = ItemForm(posted(http), files(http), asks=asks if asks.exists() else None)
    if http.method == "GET" and http.GET.get("for"):
        form.initial["asked_for"] = http.GET["for"]
        chosen = asks.filter(pk=http.GET["for"]).first() if http.GET["for"].isdigit() else None
        if chosen:
            form.initial.update(title=chosen.title, kind=chosen.kind)
    if http.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            item = library.add_item(
                request=request,
                title=data["title"],
                kind=data["kind"],
                tier=data["tier"],
                source=source,
                provenance=data["provenance"],
                asked_for=data.get("asked_for"),
                by=http.user,
                name=data["file"].name,
                data=form.data_bytes,
            )
        except UploadNotStored as not_stored:
            form.add_error("file", str(not_stored))
        else:
            messages.success(http, f"“{item.title}” has been uploaded.")
            return redirect(_library_url(request))
    context = {
        "advice_request": request,
        "form": form,
        "tier_hints": TIER_HINTS,
        "source": Source(source).label,
        "page_title": "Add evidence",
        "breadcrumbs": crumbs(http, request, (_library_url(request), "Evidence")),
    }
    return render(http, "evidence/upload.jinja", context)


def _may_add_version(user, item) -> bool:
    source = _source_for(user, item.request)
    return source == Source.SENATE_TEAM or (source is not None and source == item.source)


@requires(P.VIEW, on=ITEM)
def item_page(http: SignedInRequest, senate: Senate, item: EvidenceItem) -> HttpResponse:
    request = item.request
    _refuse_unless_may_open(http, item)
    may_add = _may_add_version(http.user, item)
    form = FileForm(posted(http) if may_add else None, files(http) if may_add else None)
    if http.method == "POST" and may_add and form.is_valid():
        try:
            version = library.add_version(
                item=item, by=http.user, name=form.cleaned_data["file"].name, data=form.data_bytes
            )
        except UploadNotStored as not_stored:
            form.add_error("file", str(not_stored))
        else:
            messages.success(http, f"Version {version.number} of “{item.title}” has been uploaded.")
            return redirect("evidence:item", senate.slug, request.pk, item.pk)
    context = {
        "advice_request": request,
        "item": item,
        "versions": item.versions.select_related("uploaded_by").order_by("-number"),
        "form": form,
        "may_add": may_add,
        "page_title": item.title,
        "breadcrumbs": crumbs(http, request, (_library_url(request), "Evidence")),
    }
    return render(http, "evidence/item.jinja", context)


def _refuse_unless_may_open(http: SignedInRequest, item) -> None:
    if not access.can_open(http.user, item):
        from django.core.exceptions import PermissionDenied

        from senate.interests.attestation import require_attestation

        if access.is_on_panel(http.user, item.request):
            require_attestation(http.user, item.request)
        raise PermissionDenied(f"you may not open this evidence: {access.refusal(http.user, item)}")


@requires(P.VIEW, on=ITEM)
def download(http: SignedInRequest, senate: Senate, item: EvidenceItem, number: int) -> FileResponse:
    try:
        version = library.open_version(user=http.user, item=item, number=number)
    except library.EvidenceVersion.DoesNotExist:
        raise Http404("There is no such version of this evidence.") from None
    response = FileResponse(
        version.file.open("rb"), as_attachment=True, filename=version.original_name, content_type=version.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@requires(P.VIEW_ACCESS_LOG, on=REQUEST)
def access_log(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponse:
    context = {
        "advice_request": request,
        "entries": queries.access_log_of(request),
        "page_title": "Who opened official-sensitive evidence",
        "breadcrumbs": crumbs(http, request, (_library_url(request), "Evidence")),
    }
    return render(http, "evidence/access_log.jinja", context)
