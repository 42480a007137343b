"""Page-shaped rows of the national advice log, the same for the page, the CSV and the Atom feed.
Titles carry the redactions the requester agreed (`council.publication.public_title`)."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from senate.council.publication import public_title


@dataclass(frozen=True)
class LogRow:
    published_on: dt.date
    senate: str
    reference: str
    title: str
    kind: str
    requested_by: str
    services: str
    href: str


def log_rows(requests: Iterable[Any]) -> list[LogRow]:
    return [
        LogRow(
            published_on=r.published_on,
            senate=r.senate.name,
            reference=r.reference or "",
            title=public_title(r),
            kind=r.get_kind_display(),
            requested_by=r.requesting_organisation.name,
            services=", ".join(s.name for s in r.service_areas.all()),
            href=reverse("council:public_report", args=[r.senate.slug, r.pk]),
        )
        for r in requests
    ]


CSV_HEADER = ["Published", "Senate", "Reference", "Title", "Kind of advice", "Requested by", "Services", "Link"]


def csv_row(row: LogRow, *, site: str) -> list[str]:
    return [
        row.published_on.isoformat(),
        row.senate,
        row.reference,
        row.title,
        row.kind,
        row.requested_by,
        row.services,
        site + row.href,
    ]
