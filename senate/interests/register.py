"""The published register of a Senate, as it stood on any date: the entries that may be published,
with each member's name and role, a count of entries withheld, and the members who have not made a
required declaration (published since April 2022, docs/domain.md §4.1). Withheld entries, and entries a
member asked not to publish, never leave this module: the public page and the CSV read only this."""

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.core.paginator import Page, Paginator
from django.db.models import Case, CharField, Count, F, Q, QuerySet, Value, When, Window
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone

from senate.core.cache import until_next_act
from senate.interests import queries
from senate.interests.conflict_policy import conflict_policy_for
from senate.interests.due import Status, due_rows_now
from senate.interests.models import (
    Category,
    DeclarationVersion,
    Kind,
    PublicationDecision,
    RegisterConfirmation,
    WithholdingGrounds,
)
from senate.members.models import Body, Membership
from senate.organisations.models import Senate


class Entry(NamedTuple):
    """One line of the register (a tuple: the register is kept until the next act, and read back often)."""

    member: str
    role: str
    kind: str
    body: str
    nature: str
    started_on: dt.date | None
    ended_on: dt.date | None
    declared_on: dt.date


@dataclass(frozen=True)
class AdminEntry:
    """An entry as the Senate team sees it, published or not."""

    declaration_id: int
    entry: Entry
    withheld: bool
    grounds: str
    may_publish: bool

    @property
    def published(self) -> bool:
        return self.may_publish and not self.withheld


# The types of entry a reader may filter the register by: each the `kind` its entries show.
ENTRY_TYPES = [(c.value, c.label) for c in Category] + [
    (k.value, k.label) for k in (Kind.GIFT, Kind.HOSPITALITY, Kind.NIL)
]


def filtered(entries: list[Entry], *, name: str = "", body: str = "", type: str = "") -> list[Entry]:
    """The entries of members whose name has `name` in it, who sit on `body` (Council or Assembly),
    of one type of entry (a key of ENTRY_TYPES); nothing given, every entry."""
    name, label = name.strip().casefold(), dict(ENTRY_TYPES).get(type, "")
    sits = f"{Body(body).label}: " if body in Body.values else ""
    return [
        e
        for e in entries
        if (not name or name in e.member.casefold())
        and (not sits or any(role.startswith(sits) for role in e.role.split("; ")))
        and (not label or e.kind == label)
    ]


def date_error(senate: Senate, on: dt.date, today: dt.date) -> str:
    """Nothing when the register may be shown as it stood `on`; otherwise what to tell the person. The
    register starts when the Senate was established and ends today."""
    earliest = min(senate.established, today)
    if earliest <= on <= today:
        return ""
    return f"Enter a date between {earliest:%-d %B %Y} and {today:%-d %B %Y}"


@dataclass
class Register:
    on: dt.date
    entries: list[Entry] = field(default_factory=list)
    withheld: int = 0
    not_declared: list[tuple[str, str]] = field(default_factory=list)


WATCHED = (DeclarationVersion, PublicationDecision, RegisterConfirmation, Membership)


def public_register(senate: Senate, *, on: dt.date) -> Register:
    """Worked out once per day and act (`senate.core.cache`): every page of it and the CSV read the same."""
    return until_next_act(
        f"register:{senate.pk}:{on.isoformat()}:{timezone.localdate()}", lambda: _register(senate, on), rows_of=WATCHED
    )


def _register(senate: Senate, on: dt.date) -> Register:
    roles = queries.current_roles(senate, on)
    register = Register(on=on)
    shown: list[dict[str, Any]] = []
    in_force = _entries_in_force(senate, on, roles)
    private_now = _private_now([v["declaration_id"] for v in in_force])
    for version in in_force:
        if version["withheld"] or not version["may_publish"] or version["declaration_id"] in private_now:
            register.withheld += 1
        else:
            shown.append(version)
    declaring = {v["profile_id"] for v in in_force if v["kind"] != Kind.NIL}
    register.entries = [_entry(v, roles) for v in _latest_nil_only(shown, declaring)]
    register.not_declared = _not_declared(senate, on)
    return register


def all_entries(
    senate: Senate, *, on: dt.date, show: str = "all", page: int | str | None = None, per_page: int = 50
) -> Page[Any]:
    """For the Senate team only: one page of every entry in force, with why it is or is not published,
    by member then type of entry. Counted, ordered and paged in the database: a Senate of the national
    world has thousands of entries, and the page shows fifty. Each page is kept until the next act
    (`senate.core.cache`), as the public register is: withholding and publishing are acts."""

    def work_out() -> tuple[list[AdminEntry], int, int]:
        shown = _one_page(_admin_versions(senate, on, show), page, per_page)
        return _admin_entries(senate, on, shown.object_list), shown.number, shown.paginator.count

    asked = hashlib.sha256(repr(page).encode()).hexdigest()[:16]  # any text a person put in the address
    key = f"register-admin:{senate.pk}:{on.isoformat()}:{timezone.localdate()}:{show}:{asked}:{per_page}"
    entries, number, count = until_next_act(key, work_out, rows_of=WATCHED)
    pages: Paginator[Any] = Paginator([], per_page)
    pages.count = count  # type: ignore[misc]  # the paginator's own count, kept with the page
    return Page(entries, number, pages)


def _admin_entries(senate: Senate, on: dt.date, rows: Any) -> list[AdminEntry]:
    versions = [dict(zip(_COLUMNS, values, strict=True)) for values in rows]
    roles = queries.current_roles(senate, on, profile_ids={v["profile_id"] for v in versions})
    grounds = dict(WithholdingGrounds.choices)
    return [
        AdminEntry(
            v["declaration_id"],
            _entry(v, roles),
            v["withheld"],
            grounds.get(v["withheld_grounds"], v["withheld_grounds"]),
            v["may_publish"],
        )
        for v in versions
    ]


def _one_page(versions: QuerySet[DeclarationVersion], asked: int | str | None, per_page: int) -> Page[Any]:
    """The page asked for, as Paginator.get_page gives it, read with its count in one query: the
    count rides on every row (a window over the whole list), so the entries are not worked out twice.
    A page past the end (or no entries at all) is left to the paginator, as before."""
    rows = versions.values_list(*_COLUMNS.values())
    try:
        number = int(asked) if asked is not None else 1
    except (TypeError, ValueError):
        number = 1
    if number >= 1:
        start = (number - 1) * per_page
        counted = versions.annotate(total=Window(Count("*"))).values_list(*_COLUMNS.values(), "total")
        found = list(counted[start : start + per_page])
        if found:
            pages: Paginator[Any] = Paginator(rows, per_page)
            pages.count = found[0][-1]  # type: ignore[misc]  # the paginator's own count, known already
            return Page([row[:-1] for row in found], number, pages)
    return Paginator(rows, per_page).get_page(asked)


def _admin_versions(senate: Senate, on: dt.date, show: str) -> QuerySet[DeclarationVersion]:
    """The versions `_entries_in_force` reads, as a query: the same entries, filtered by `show`, in the
    order the page lists them (the member's name as `_entry` gives it, then the type of entry)."""
    versions = _in_force_query(senate, on)
    if show == "withheld":
        versions = versions.filter(declaration__withheld=True)
    elif show == "unpublished":
        versions = versions.filter(Q(declaration__withheld=True) | Q(may_publish=False))
    member = Coalesce(NullIf("declaration__profile__user__full_name", Value("")), "declaration__profile__user__email")
    ordered = versions.annotate(member_sort=member, kind_sort=_kind_label())
    return ordered.order_by("member_sort", "kind_sort", "declaration_id")


# What an entry is made from: one flat row per version in force, no model instances (a Senate of the
# national world has thousands of entries, read whenever someone acts).
_COLUMNS = {
    "declaration_id": "declaration_id",
    "profile_id": "declaration__profile_id",
    "kind": "declaration__kind",
    "withheld": "declaration__withheld",
    "withheld_grounds": "declaration__withheld_grounds",
    "full_name": "declaration__profile__user__full_name",
    "email": "declaration__profile__user__email",
    "category": "category",
    "organisation": "organisation__name",
    "organisation_name": "organisation_name",
    "nature": "nature",
    "started_on": "started_on",
    "ended_on": "ended_on",
    "recorded_at": "recorded_at",
    "may_publish": "may_publish",
}


def _entries_in_force(senate: Senate, on: dt.date, roles: dict[int, str]) -> list[dict[str, Any]]:
    """Versions in force at the end of `on` for members then current, less those long ended: one query."""
    window = _months_before(on, conflict_policy_for(senate).ended_shown_months)
    versions = (
        DeclarationVersion.objects.in_force(queries.end_of(on))
        .filter(declaration__profile_id__in=list(roles))
        .values_list(*_COLUMNS.values())
    )
    rows = [dict(zip(_COLUMNS, values, strict=True)) for values in versions]
    return [v for v in rows if _still_shown(v, on, window)]


def _in_force_query(senate: Senate, on: dt.date) -> QuerySet[DeclarationVersion]:
    """`_entries_in_force` as a query the database can count and page: members current on `on`, and
    `_still_shown`'s window in SQL."""
    window = _months_before(on, conflict_policy_for(senate).ended_shown_months)
    current = Membership.objects.current(on).filter(senate=senate).values("profile_id")
    gifts = Q(declaration__kind__in=[Kind.GIFT, Kind.HOSPITALITY])
    given_lately = Q(started_on__isnull=True) | Q(started_on__gte=window, started_on__lte=on)
    not_long_ended = Q(ended_on__isnull=True) | Q(ended_on__gte=window)
    return (
        DeclarationVersion.objects.in_force(queries.end_of(on))
        .filter(declaration__profile_id__in=current)
        .filter((gifts & given_lately) | (~gifts & not_long_ended))
    )


def _private_now(declaration_ids: list[int]) -> set[int]:
    """Declarations whose latest version may not be published. Withholding and a member's wish not to
    publish are read as they stand today, so the register as at a past date never shows them either."""
    latest = DeclarationVersion.objects.filter(declaration_id__in=declaration_ids, superseded_at__isnull=True)
    return set(latest.filter(may_publish=False).values_list("declaration_id", flat=True))


def _still_shown(version: dict[str, Any], on: dt.date, window: dt.date) -> bool:
    started_on, ended_on = version["started_on"], version["ended_on"]
    if version["kind"] in (Kind.GIFT, Kind.HOSPITALITY):
        return started_on is None or window <= started_on <= on
    return ended_on is None or ended_on >= window


def _latest_nil_only(versions: list[dict[str, Any]], has_interests: set[int]) -> list[dict[str, Any]]:
    """A nil return stands only while it is the member's latest word: once they declare anything
    (published or not), or make a newer nil return, an older nil return drops off the register."""
    latest_nil: dict[int, dict[str, Any]] = {}
    for v in versions:
        if v["kind"] == Kind.NIL and v["profile_id"] not in has_interests:
            best = latest_nil.get(v["profile_id"])
            if best is None or v["recorded_at"] > best["recorded_at"]:
                latest_nil[v["profile_id"]] = v
    kept = [v for v in versions if v["kind"] != Kind.NIL] + list(latest_nil.values())
    return sorted(kept, key=lambda v: (v["full_name"], v["kind"], v["started_on"] or dt.date.min))


_KINDS, _CATEGORIES = dict(Kind.choices), dict(Category.choices)


def _kind_label() -> Case:
    """The type of entry as `_entry` words it, in SQL: the Senate team's page is ordered by it."""
    return Case(
        *[
            When(declaration__kind=Kind.INTEREST, category=c, then=Value(str(label)))
            for c, label in _CATEGORIES.items()
        ],
        When(declaration__kind=Kind.INTEREST, then=F("category")),
        *[When(declaration__kind=k, then=Value(str(label))) for k, label in _KINDS.items()],
        default=F("declaration__kind"),
        output_field=CharField(),
    )


def _entry(version: dict[str, Any], roles: dict[int, str]) -> Entry:
    kind, category = version["kind"], version["category"]
    return Entry(
        member=version["full_name"] or version["email"],  # as str(user)
        role=roles.get(version["profile_id"], ""),
        kind=_CATEGORIES.get(category, category) if kind == Kind.INTEREST else _KINDS.get(kind, kind),
        body=version["organisation"] if version["organisation"] is not None else version["organisation_name"],
        nature=version["nature"],
        started_on=version["started_on"],
        ended_on=version["ended_on"],
        declared_on=timezone.localdate(version["recorded_at"]),
    )


def _not_declared(senate: Senate, on: dt.date) -> list[tuple[str, str]]:
    found = []
    # Read now, not through the copy of every row the due page keeps (model instances are costly to
    # keep): the register itself is kept until the next act.
    for row in due_rows_now(senate, today=on):
        if row.status == Status.NEVER and row.due_on and row.due_on < on:
            found.append((str(row.profile.user), "Has not made a declaration"))
        elif row.status == Status.OVERDUE and row.due_on:
            found.append((str(row.profile.user), f"Declaration overdue since {row.due_on:%-d %B %Y}"))
    return sorted(found)


def _months_before(day: dt.date, months: int) -> dt.date:
    month, year = day.month - months, day.year
    while month < 1:
        month, year = month + 12, year - 1
    return dt.date(year, month, min(day.day, 28))
