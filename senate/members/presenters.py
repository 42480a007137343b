"""Page-shaped data for the NHS macros."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import models
from django.http import QueryDict
from django.urls import reverse

from senate.members.models import Body, MembershipRole, Profession
from senate.organisations.models import Senate


def directory_rows(page: Iterable[dict[str, Any]], senate: Senate, today: dt.date) -> list[dict[str, Any]]:
    """The rows of a page of `members.queries.DirectoryListing` (plain values, not profiles)."""
    return [
        {
            "href": reverse("members:detail", args=[senate.slug, row["pk"]]),
            "name": row["user__full_name"] or row["user__email"],
            "job_title": row["job_title"],
            "profession": _label(Profession, row["profession"]),
            "specialties": ", ".join(row["specialties"]),
            "region": row["region__name"] or "",
            "memberships": [
                {
                    "label": f"{_label(Body, m['body'])}: {_label(MembershipRole, m['role'])}",
                    "term_end": m["term_end"],
                    "ending_soon": (m["term_end"] - today).days <= senate.term_warning_days,
                }
                for m in row["current_here"]
            ],
        }
        for row in page
    ]


def _label(choices: type[models.Choices], value: str) -> str:
    """The words for a stored choice, as `get_FOO_display` gives them (the value itself if unknown)."""
    return str(dict(choices.choices).get(value, value))


def query_without_page(params: QueryDict) -> str:
    query = params.copy()
    query.pop("page", None)
    return query.urlencode()
