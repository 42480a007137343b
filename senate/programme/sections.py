"""Links on a request's page (reviews.sections): the requester's feedback and board decision once
the advice is issued; the Senate team's impact and effort page."""

from django.http import HttpRequest
from django.urls import reverse

from senate.programme.permission_names import ProgrammePermission as P
from senate.reviews.models import Request


def links(http: HttpRequest, request: Request) -> list[dict[str, str]]:
    args = [request.senate.slug, request.pk]
    found = []
    if http.user.has_perm(P.GIVE_FEEDBACK, request):
        found.append({"href": reverse("programme:feedback", args=args), "text": "Give feedback on the advice"})
        found.append({"href": reverse("programme:board_decision", args=args), "text": "Record your board's decision"})
    if request.reference and http.user.has_perm(P.VIEW_IMPACT, request):
        found.append({"href": reverse("programme:impact", args=args), "text": "Impact and effort"})
    return found
