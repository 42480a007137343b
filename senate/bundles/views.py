"""The case bundle page of a request: what a bundle holds, and a button for each kind, which makes
it and downloads it as a ZIP (the Senate team only)."""

import tempfile

from django.http import FileResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from senate.accounts.people import SignedInRequest
from senate.bundles.contents import MODE_LABELS, Mode
from senate.bundles.making import make_bundle
from senate.bundles.permission_names import BundlesPermission
from senate.core.access import requires
from senate.organisations.models import Senate
from senate.reviews.models import Request
from senate.reviews.served import REQUEST
from senate.reviews.views.common import crumbs


@require_http_methods(["GET", "POST"])
@requires(BundlesPermission.MAKE_BUNDLE, on=REQUEST)
def bundle(http: SignedInRequest, senate: Senate, request: Request) -> HttpResponseBase:
    if http.method == "POST" and http.POST.get("mode") in {m.value for m in Mode}:
        return _download(http, request, Mode(http.POST["mode"]))
    context = {
        "advice_request": request,
        "modes": [(mode.value, label) for mode, label in MODE_LABELS.items()],
        "page_title": f"Case bundle: {request.reference}",
        "breadcrumbs": crumbs(senate, request),
    }
    return render(http, "bundles/page.jinja", context)


def _download(http: SignedInRequest, request: Request, mode: Mode) -> FileResponse:
    out = tempfile.TemporaryFile()
    make_bundle(request, mode=mode, by=http.user, out=out)
    out.seek(0)
    name = f"{request.reference}-case-bundle-{mode}.zip"
    response = FileResponse(out, as_attachment=True, filename=name, content_type="application/zip")
    response["Cache-Control"] = "private, no-store"
    return response
