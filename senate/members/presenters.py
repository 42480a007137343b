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
    """The rows of a page of `members.queries.DirectoryListing` (plain values, not profiles). The
    directory is one of the busiest pages (issue 19): its member links are built from one reversed
    address, and the words for professions, bodies and roles read from dictionaries made once."""
    # reverse() once for the page: "/<senate>/members/0/" less its number is every row's prefix.
    prefix = reverse("members:detail", args=[senate.slug, 0]).removesuffix("0/")
    professions, bodies, roles = _labels(Profession), _labels(Body), _labels(MembershipRole)
    return [
        {
            "href": f"{prefix}{row['pk']}/",
            "name": row["user__full_name"] or row["user__email"],
            "job_title": row["job_title"],
            "profession": professions.get(row["profession"], row["profession"]),
            "specialties": ", ".join(row["specialties"]),
            "region": row["region__name"] or "",
            "memberships": [
                {
                    "label": f"{bodies.get(m['body'], m['body'])}: {roles.get(m['role'], m['role'])}",
                    "term_end": m["term_end"],
                    "ending_soon": (m["term_end"] - today).days <= senate.term_warning_days,
                }
                for m in row["current_here"]
            ],
        }
        for row in page
    ]


def _labels(choices: type[models.Choices]) -> dict[str, str]:
    """The words for each stored choice, as `get_FOO_display` gives them (a value not in the list is
    shown as itself by the caller)."""
    return {value: str(label) for value, label in choices.choices}


def query_without_page(params: QueryDict) -> str:
    query = params.copy()
    query.pop("page", None)
    return query.urlencode()
