"""Page-shaped data for the NHS macros."""

from typing import Any

from django.core.paginator import Page
from django.http import QueryDict
from django.urls import reverse

from senate.members.models import MemberProfile
from senate.organisations.models import Senate


def directory_rows(page: Page[MemberProfile], senate: Senate) -> list[dict[str, Any]]:
    rows = []
    for profile in page:
        memberships = getattr(profile, "current_here", [])
        rows.append(
            {
                "href": reverse("members:detail", args=[senate.slug, profile.pk]),
                "name": str(profile),
                "job_title": profile.job_title,
                "profession": profile.get_profession_display(),
                "specialties": ", ".join(e.name for e in profile.expertise.all() if e.kind == "specialty"),
                "region": profile.region.name if profile.region else "",
                "memberships": [
                    {
                        "label": f"{m.get_body_display()}: {m.get_role_display()}",
                        "term_end": m.term_end,
                        "ending_soon": m.days_left() <= senate.term_warning_days,
                    }
                    for m in memberships
                ],
            }
        )
    return rows


def query_without_page(params: QueryDict) -> str:
    query = params.copy()
    query.pop("page", None)
    return query.urlencode()
