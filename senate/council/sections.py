"""Links on a request's page to its Council items, issue and publication (reviews.sections)."""

from django.http import HttpRequest
from django.urls import reverse

from senate.council.models import AgendaItem
from senate.council.permission_names import CouncilPermission as P
from senate.council.publication import ISSUED_OR_LATER
from senate.reviews.models import Request
from senate.reviews.permission_names import ReviewsPermission
from senate.reviews.stages import Stage


def links(http: HttpRequest, request: Request) -> list[dict[str, str]]:
    user, slug = http.user, request.senate.slug
    found = []
    if user.has_perm(P.VIEW_MEETINGS, request.senate):
        for item in AgendaItem.objects.filter(request=request).select_related("meeting"):
            href = reverse("council:decide", args=[slug, item.meeting_id, item.number])
            found.append({"href": href, "text": f"{item.meeting}: item {item.number}"})
    if request.stage == Stage.APPROVED and user.has_perm(ReviewsPermission.MANAGE_REQUEST, request):
        found.append({"href": reverse("council:issue", args=[slug, request.pk]), "text": "Issue the advice"})
    if request.stage in ISSUED_OR_LATER and user.has_perm(ReviewsPermission.VIEW_REQUEST, request):
        found.append({"href": reverse("council:publication", args=[slug, request.pk]), "text": "Publication"})
    return found
