"""Reads several pages share. A requester's contacts see finished models only."""

from django.db.models import QuerySet

from senate.accounts.models import User
from senate.beds.models import BedModel, BedTestLink
from senate.beds.permission_names import BedsPermission as P
from senate.reviews.models import Request


def models_visible_to(user: User, request: Request) -> QuerySet[BedModel]:
    found = BedModel.objects.filter(request=request).select_related("created_by")
    if user.has_perm(P.EDIT, request):
        return found
    return found.filter(status=BedModel.Status.DONE)


def bed_test_link(request: Request) -> BedTestLink | None:
    """The link to the model relied on, with that model's title and status but not its inputs,
    results and charts (the pages that show the link name the model; they do not draw it)."""
    found = BedTestLink.objects.filter(request=request).select_related("bed_model", "by")
    return found.defer("bed_model__scenario", "bed_model__result", "bed_model__charts").first()
