"""Links on a request's page to its Council items, issue and publication (reviews.sections)."""

from django.http import HttpRequest
from django.urls import reverse

from senate.council.models import AgendaItem, meeting_name
from senate.council.permission_names import CouncilPermission as P
from senate.council.publication import ISSUED_OR_LATER
from senate.reviews.models import Request
from senate.reviews.permission_names import ReviewsPermission
from senate.reviews.stages import Stage


def links(http: HttpRequest, request: Request) -> list[dict[str, str]]:
    user, slug = http.user, request.senate.slug
    found = []
    if user.has_perm(P.VIEW_MEETINGS, request.senate):
        # Plain values, not items and their meetings: the request page is one of the busiest (issue 19).
        items = AgendaItem.objects.filter(request=request).values_list(
            "meeting_id", "number", "meeting__kind", "meeting__date"
        )
        for meeting_id, number, kind, on in items:
            href = reverse("council:decide", args=[slug, meeting_id, number])
            found.append({"href": href, "text": f"{meeting_name(kind, on)}: item {number}"})
    if request.stage == Stage.APPROVED and user.has_perm(ReviewsPermission.MANAGE_REQUEST, request):
        found.append({"href": reverse("council:issue", args=[slug, request.pk]), "text": "Issue the advice"})
    if request.stage in ISSUED_OR_LATER and user.has_perm(ReviewsPermission.VIEW_REQUEST, request):
        found.append({"href": reverse("council:publication", args=[slug, request.pk]), "text": "Publication"})
    return found
