"""The REST API: the same queries and permissions as the pages, token-authenticated.
OpenAPI schema at /api/v1/openapi.json, documentation at /api/v1/docs."""

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from senate.accounts.permission_names import Permission
from senate.api.auth import TokenAuth
from senate.members import queries as member_queries
from senate.members.models import MemberProfile
from senate.organisations.queries import every_senate, senate_named

api = NinjaAPI(
    title="Senate API",
    version="1",
    description="Clinical Senate records. Every endpoint needs a bearer token made on your account page, "
    "and answers only what your roles allow.",
    auth=TokenAuth(),
    urls_namespace="api",
)
MEMBERS_MAX_LIMIT = 500  # members in one page of the members endpoint, however large a `limit` is asked


class SenateOut(Schema):
    slug: str
    name: str
    region: str
    established: dt.date
    ended: dt.date | None
    merged_into: str | None


class MembershipOut(Schema):
    body: str
    role: str
    term_start: dt.date
    term_end: dt.date
    term_number: int


class MemberOut(Schema):
    """One member, read from a profile with the directory's joins (`members.queries.directory`): a page
    of them costs the same few queries however many members the Senate has."""

    id: int
    name: str
    email: str
    profession: str
    job_title: str
    region: str | None
    specialties: list[str]
    memberships: list[MembershipOut]

    @staticmethod
    def resolve_name(p: MemberProfile) -> str:
        return str(p)

    @staticmethod
    def resolve_email(p: MemberProfile) -> str:
        return p.user.email

    @staticmethod
    def resolve_region(p: MemberProfile) -> str | None:
        return p.region.slug if p.region else None

    @staticmethod
    def resolve_specialties(p: MemberProfile) -> list[str]:
        return [e.code for e in p.expertise.all() if e.kind == "specialty"]

    @staticmethod
    def resolve_memberships(p: MemberProfile) -> list[Any]:
        return list(getattr(p, "current_here", []))


class DirectoryFilters(Schema):
    profession: str | None = None
    specialty: str | None = None
    setting: str | None = None
    region: str | None = None
    body: str | None = None
    ending_within: int | None = Field(None, ge=0, le=3650, description="Terms ending within this many days")


@api.get("/senates", response=list[SenateOut], summary="All Clinical Senates, today's and historic")
def list_senates(request: HttpRequest) -> list[SenateOut]:
    senates = every_senate()
    return [
        SenateOut(
            slug=s.slug,
            name=s.name,
            region=s.region.name,
            established=s.established,
            ended=s.ended,
            merged_into=s.merged_into.slug if s.merged_into else None,
        )
        for s in senates
    ]


@api.get(
    "/senates/{slug}/members",
    response=list[MemberOut],
    summary="Current Council and Assembly members",
    description="A page of members in name order: `limit` members (100 unless given, at most "
    f"{MEMBERS_MAX_LIMIT}: a larger limit is read as {MEMBERS_MAX_LIMIT}) from `offset`; `count` is how many "
    "match the filters. Ask again with a larger `offset` for the next page.",
)
@paginate(LimitOffsetPagination, max_limit=MEMBERS_MAX_LIMIT)
def list_members(request: HttpRequest, slug: str, filters: Query[DirectoryFilters]) -> QuerySet[MemberProfile]:
    senate = senate_named(slug)
    if not request.user.has_perm(Permission.VIEW_MEMBER_DIRECTORY, senate):
        raise HttpError(403, "You do not have permission to view this Senate's member directory.")
    # A query, not a list: the pagination reads only the page asked for (with its joins) and counts the rest.
    return member_queries.directory(senate, filters.model_dump(exclude_none=True))


from senate.api.assurance import router as assurance_router  # noqa: E402
from senate.api.public import router as public_router  # noqa: E402
from senate.api.requests import router as requests_router  # noqa: E402
from senate.api.search import router as search_router  # noqa: E402

api.add_router("", requests_router)
api.add_router("", public_router)
api.add_router("", search_router)
api.add_router("", assurance_router)
