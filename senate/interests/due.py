"""Who owes a declaration. NHS rules (docs/domain.md §4.1, §9.3): on appointment, on change of role,
within 28 days of a new interest (self-reported, so the system can only show lateness), and every
year for everyone on the Council and Assembly, a nil return included."""

import calendar
import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from django.db.models import Max, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from senate.accounts.models import Role, RoleAssignment
from senate.core.cache import until_next_act
from senate.interests.conflict_policy import conflict_policies_of, conflict_policy_for
from senate.interests.models import ConflictPolicy, DeclarationVersion, RegisterConfirmation
from senate.interests.queries import end_of
from senate.interests.screening import ProfileIds
from senate.members.models import MemberProfile, Membership
from senate.organisations.models import Senate

# Roles whose holders decide for the Senate; taking one up is a change of role.
LEADING_ROLES = (Role.CHAIR, Role.VICE_CHAIR)


class Status(StrEnum):
    NEVER = "never"
    OVERDUE = "overdue"
    DUE = "due"
    UP_TO_DATE = "up_to_date"


LABELS = {Status.NEVER: "Never declared", Status.OVERDUE: "Overdue", Status.DUE: "Due", Status.UP_TO_DATE: "Up to date"}


@dataclass(frozen=True)
class Obligation:
    what: str
    due_on: dt.date
    key: str


@dataclass
class DueRow:
    profile: MemberProfile
    memberships: list[Membership]
    last_declared: dt.date | None
    obligations: list[Obligation] = field(default_factory=list)
    status: Status = Status.UP_TO_DATE

    @property
    def due_on(self) -> dt.date | None:
        return min((o.due_on for o in self.obligations), default=None)


WATCHED = (DeclarationVersion, RegisterConfirmation, Membership, RoleAssignment)


def due_rows(senate: Senate, *, today: dt.date, profile: MemberProfile | None = None) -> list[DueRow]:
    """One row per current Council or Assembly member (or just `profile`), as things stood at the
    end of `today`. The whole Senate's rows, and each member's own, are kept until the next act
    (`senate.core.cache`): a member's own row is on their front page and their declarations page."""
    if profile is None:
        return until_next_act(
            f"due:{senate.pk}:{today.isoformat()}", lambda: _due_rows(senate, today, None), rows_of=WATCHED
        )
    return until_next_act(
        f"due-row:{senate.pk}:{profile.pk}:{today.isoformat()}",
        lambda: _due_rows(senate, today, profile),
        rows_of=WATCHED,
    )


def due_rows_now(senate: Senate, *, today: dt.date, profile_ids: ProfileIds | None = None) -> list[DueRow]:
    """Every current member's row (or only those of `profile_ids`, a list or a subquery of profile
    ids), read now (a fixed number of queries, not kept until the next act)."""
    return _due_rows(senate, today, None, profile_ids)


def _due_rows(
    senate: Senate, today: dt.date, profile: MemberProfile | None, profile_ids: ProfileIds | None = None
) -> list[DueRow]:
    rules = conflict_policy_for(senate)
    memberships = Membership.objects.current(today).filter(senate=senate).select_related("profile__user")
    if profile_ids is not None:
        memberships = memberships.filter(profile_id__in=profile_ids)
    current = list(memberships.filter(profile=profile) if profile is not None else memberships)
    by_profile: dict[int, list[Membership]] = defaultdict(list)
    for membership in current:
        by_profile[membership.profile_id].append(membership)
    end = end_of(today)
    last = _last_declared(list(by_profile), end)
    earlier = _membership_starts(senate, list(by_profile))
    leading = _leading_roles(senate, [ms[0].profile.user_id for ms in by_profile.values()], end)
    rows = []
    for profile_id, held in by_profile.items():
        row = DueRow(held[0].profile, held, last.get(profile_id))
        row.obligations = _obligations(row, earlier[profile_id], leading.get(row.profile.user_id, []), rules, today)
        row.status = _status(row, today)
        rows.append(row)
    return sorted(rows, key=lambda r: (list(Status).index(r.status), r.due_on or today, r.profile.user.full_name))


def due_rows_of(
    wanted: dict[Any, list[int]], *, today: dt.date, rules: dict[int, ConflictPolicy] | None = None
) -> dict[int, DueRow]:
    """The rows of some members of several Senates (`wanted`: Senate -> profile ids), by profile id,
    each read as their Senate reads it (`due_rows_now`), in six queries however many Senates: the
    panel candidates page asks this of the members it shows, who belong to any of the nine.
    `rules`: the Senates' rules by id (`conflict_policies_of`), when the caller has read them."""
    if not wanted:
        return {}
    senates = {s.pk: s for s in wanted}
    rules = rules if rules is not None else conflict_policies_of(list(wanted))
    asked = Q()
    for senate, ids in wanted.items():
        asked |= Q(senate_id=senate.pk, profile_id__in=list(ids))
    # Every term of these members in these Senates, read once: the current ones make the rows, and
    # every one's start is an appointment owing a declaration.
    held: dict[tuple[int, int], list[Membership]] = defaultdict(list)
    starts: dict[tuple[int, int], list[dt.date]] = defaultdict(list)
    for m in Membership.objects.filter(asked).select_related("profile__user"):
        starts[(m.senate_id, m.profile_id)].append(m.term_start)
        if in_force(m, today):
            held[(m.senate_id, m.profile_id)].append(m)
    end = end_of(today)
    profile_ids = list({pk for _s, pk in held})
    last = _last_declared(profile_ids, end)
    leading: dict[tuple[int, int], list[tuple[str, dt.date]]] = defaultdict(list)
    users = [ms[0].profile.user_id for ms in held.values()]
    for senate_id, user_id, role, granted in RoleAssignment.objects.filter(
        senate_id__in=list(senates), user_id__in=users, role__in=LEADING_ROLES, granted_at__lte=end
    ).values_list("senate_id", "user_id", "role", "granted_at"):
        leading[(senate_id, user_id)].append((role, timezone.localdate(granted)))
    found = {}
    for (senate_id, pk), ms in held.items():
        row = DueRow(ms[0].profile, ms, last.get(pk))
        user = (senate_id, row.profile.user_id)
        row.obligations = _obligations(row, starts[(senate_id, pk)], leading.get(user, []), rules[senate_id], today)
        row.status = _status(row, today)
        found[pk] = row
    return found


def standing_of(profile: MemberProfile, *, today: dt.date) -> DueRow | None:
    """Where this member stands with their declarations in each Senate they are a current member of
    (a member lent to another Senate declares to their own); the worst of them. None if they hold no
    current membership anywhere."""
    senates = {m.senate for m in Membership.objects.current(today).filter(profile=profile).select_related("senate")}
    rows = [row for senate in senates for row in _due_rows(senate, today, profile)]
    return min(rows, key=lambda r: list(Status).index(r.status), default=None)


def in_force(m: Membership, today: dt.date) -> bool:
    """As `Membership.objects.current(today)` reads it: within the term and not ended early."""
    return m.term_start <= today <= m.term_end and (m.ended_on is None or m.ended_on > today)


def declaration_refusal(
    profile: MemberProfile, *, today: dt.date, policies: dict[int, ConflictPolicy] | None = None
) -> str:
    """Why this member may not take a seat on a panel because of their declarations, or '' when they
    may: a member must have declared, and not be overdue, before they are invited (docs/domain.md §9.3)."""
    return declaration_refusals([profile], today=today, policies=policies)[profile.pk]


def memberships_of(profile_ids: Iterable[int]) -> list[Membership]:
    """Every membership of these members, current or not, with its Senate and person, in one query:
    what `declaration_refusals` reads, for a caller that also wants their roles to read it once."""
    return list(Membership.objects.filter(profile_id__in=list(profile_ids)).select_related("senate", "profile__user"))


def declaration_refusals(
    profiles: Iterable[MemberProfile],
    *,
    today: dt.date,
    memberships: list[Membership] | None = None,
    policies: dict[int, ConflictPolicy] | None = None,
) -> dict[int, str]:
    """`declaration_refusal` for many members at once (a panel), by profile id, in a fixed number of
    queries whatever their number: where each stands in every Senate they are a current member of
    (`standing_of`), the worst of them; a member of none may sit if they have ever declared.
    `memberships` (`memberships_of` these members) and `policies` (Senates' conflict policies, by
    Senate id): when the caller has read them already (not read again)."""
    members = {p.pk: p for p in profiles}
    ids = list(members)
    end = end_of(today)
    held: dict[int, dict[int, list[Membership]]] = defaultdict(dict)
    # Every membership of these members, current or not: the current ones say where each stands;
    # all of them in those Senates give the terms they started.
    every = memberships if memberships is not None else memberships_of(ids)
    for m in every:
        if in_force(m, today):
            held[m.profile_id].setdefault(m.senate_id, []).append(m)
    senates = {m.senate_id: m.senate for ms in held.values() for group in ms.values() for m in group}
    last = _last_declared(ids, end)
    starts: dict[tuple[int, int], list[dt.date]] = defaultdict(list)
    for m in every:
        if m.senate_id in senates and m.profile_id in held:
            starts[m.senate_id, m.profile_id].append(m.term_start)
    leading: dict[tuple[int, int], list[tuple[str, dt.date]]] = defaultdict(list)
    roles = RoleAssignment.objects.filter(
        senate_id__in=list(senates), user_id__in=[p.user_id for p in members.values()], role__in=LEADING_ROLES
    ).filter(granted_at__lte=end)
    for senate_id, user_id, role, granted in roles.values_list("senate_id", "user_id", "role", "granted_at"):
        leading[senate_id, user_id].append((role, timezone.localdate(granted)))
    rules = {pk: policy for pk, policy in (policies or {}).items() if pk in senates}
    if unread := [pk for pk in senates if pk not in rules]:
        rules.update((r.senate_id, r) for r in ConflictPolicy.objects.filter(senate_id__in=unread))
    found: dict[int, str] = {}
    for pk in ids:
        rows = []
        for senate_id, memberships in held.get(pk, {}).items():
            row = DueRow(memberships[0].profile, memberships, last.get(pk))
            senate_rules = rules.get(senate_id) or conflict_policy_for(senates[senate_id])
            user_id = row.profile.user_id
            row.obligations = _obligations(row, starts[senate_id, pk], leading[senate_id, user_id], senate_rules, today)
            row.status = _status(row, today)
            rows.append(row)
        worst = min(rows, key=lambda r: list(Status).index(r.status), default=None)
        if worst is None:
            found[pk] = "" if pk in last else f"{members[pk]} has never declared their interests"
        else:
            found[pk] = refusal_for(worst, today=today)
    return found


def refusal_for(row: DueRow, *, today: dt.date) -> str:
    if row.status == Status.NEVER:
        return f"{row.profile} has never declared their interests"
    if row.status == Status.OVERDUE:
        late = min((o for o in row.obligations if o.due_on < today), key=lambda o: o.due_on)
        return f"{row.profile}'s declaration of interests is overdue: {late.what} was due on {late.due_on:%-d %B %Y}"
    return ""


def counted(senate: Senate, *, today: dt.date) -> dict[str, int]:
    """How many of the Senate's members stand at each status: the front page's numbers, kept until
    the next act without carrying every row."""
    return until_next_act(
        f"due-counts:{senate.pk}:{today.isoformat()}", lambda: counts(_due_rows(senate, today, None)), rows_of=WATCHED
    )


def counts(rows: list[DueRow]) -> dict[str, int]:
    found = {status.value: 0 for status in Status}
    for row in rows:
        found[row.status.value] += 1
    return found


@functools.lru_cache(maxsize=64)
def annual_cycle(today: dt.date, month: int) -> tuple[dt.date, dt.date]:
    """The start of this year's annual declaration and the last day of its month, when it falls due."""
    year = today.year if today >= dt.date(today.year, month, 1) else today.year - 1
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _owed(
    last_declared: dt.date | None,
    appointments: Iterable[tuple[dt.date, Any]],
    leading: Iterable[tuple[str, dt.date]],
    rules: ConflictPolicy,
    today: dt.date,
) -> Iterator[tuple[str, dt.date, Any]]:
    """What a member owes, as (kind, due on, what it is for): the one statement of the rules, read by
    the rows (with their wording) and by the counts (dates only). `appointments` is (term start, the
    membership or anything else), `leading` is (role, day granted)."""
    window = dt.timedelta(days=rules.new_interest_days)
    for term_start, membership in appointments:
        if last_declared is None or last_declared < term_start - window:
            yield "appointment", term_start + window, membership
    for role, granted in leading:
        if last_declared is None or granted > last_declared:
            yield "role", granted + window, (role, granted)
    cycle_start, deadline = annual_cycle(today, rules.annual_month)
    if last_declared is not None and last_declared < cycle_start:
        yield "annual", deadline, cycle_start


def _obligations(
    row: DueRow, starts: list[dt.date], leading: list[tuple[str, dt.date]], rules: ConflictPolicy, today: dt.date
) -> list[Obligation]:
    window = dt.timedelta(days=rules.new_interest_days)
    found = []
    appointments = [(m.term_start, m) for m in row.memberships]
    for kind, due_on, what in _owed(row.last_declared, appointments, leading, rules, today):
        if kind == "appointment":
            found.append(_appointment(what, any(s < what.term_start for s in starts), window))
        elif kind == "role":
            role, granted = what
            label = Role(role).label
            found.append(
                Obligation(f"Change of role: {label} from {granted:%-d %B %Y}", due_on, f"role-{role}-{granted}")
            )
        else:
            found.append(Obligation(f"Annual declaration for {what.year}", due_on, f"annual-{what.year}"))
    return found


def _appointment(m: Membership, reappointed: bool, window: dt.timedelta) -> Obligation:
    body = m.get_body_display()
    if reappointed:
        what = f"Change of role: {m.get_role_display()} of the {body} from {m.term_start:%-d %B %Y}"
    else:
        what = f"On appointment to the {body} on {m.term_start:%-d %B %Y}"
    return Obligation(what, m.term_start + window, f"membership-{m.pk}")


def _status(row: DueRow, today: dt.date) -> Status:
    return _standing(row.last_declared, row.due_on, today)


def _standing(last_declared: dt.date | None, first_due: dt.date | None, today: dt.date) -> Status:
    if last_declared is None:
        return Status.NEVER
    if first_due is None:
        return Status.UP_TO_DATE
    return Status.OVERDUE if first_due < today else Status.DUE


def counted_in(senates: list[Any], *, today: dt.date) -> dict[int, dict[str, int]]:
    """Every Senate's counts at once (the national dashboard), as `counted` gives them Senate by Senate,
    read as plain values (no rows, no wording): a fixed number of queries whatever the number of members."""
    found: dict[int, dict[str, int]] = {s.pk: {status.value: 0 for status in Status} for s in senates}
    # One query for every Senate's rules; a Senate that never set them has the NHS defaults (as `conflict_policy_for`
    # would make them, without writing while reading).
    kept = {r.senate_id: r for r in ConflictPolicy.objects.filter(senate__in=senates)}
    rules = {s.pk: kept.get(s.pk) or ConflictPolicy(senate=s) for s in senates}
    current = Membership.objects.current(today).filter(senate__in=senates).order_by()
    held: dict[tuple[int, int], list[tuple[dt.date, None]]] = defaultdict(list)
    user_of: dict[int, int] = {}
    for senate_id, profile_id, user_id, term_start in current.values_list(
        "senate_id", "profile_id", "profile__user_id", "term_start"
    ):
        held[(senate_id, profile_id)].append((term_start, None))
        user_of[profile_id] = user_id
    end = end_of(today)
    last = _last_declared(current.values("profile_id"), end)
    leading: dict[tuple[int, int], list[tuple[str, dt.date]]] = defaultdict(list)
    for senate_id, user_id, role, granted in RoleAssignment.objects.filter(
        senate__in=senates, user_id__in=current.values("profile__user_id"), role__in=LEADING_ROLES, granted_at__lte=end
    ).values_list("senate_id", "user_id", "role", "granted_at"):
        leading[(senate_id, user_id)].append((role, timezone.localdate(granted)))
    for (senate_id, profile_id), appointments in held.items():
        declared = last.get(profile_id)
        owed = _owed(declared, appointments, leading.get((senate_id, user_of[profile_id]), []), rules[senate_id], today)
        first_due = min((due_on for _, due_on, _ in owed), default=None)
        found[senate_id][_standing(declared, first_due, today).value] += 1
    return found


def _last_declared(profile_ids: ProfileIds, end: dt.datetime) -> dict[int, dt.date]:
    """When each member last declared anything: a version of a declaration, or a confirmation (the day
    in the Senate's time zone, worked out in the database)."""
    versions = (
        DeclarationVersion.objects.filter(declaration__profile_id__in=profile_ids, recorded_at__lte=end)
        .values("declaration__profile_id")
        .annotate(last=Max(TruncDate("recorded_at")))
        .values_list("declaration__profile_id", "last")
        .order_by()
    )
    confirmations = (
        RegisterConfirmation.objects.filter(profile_id__in=profile_ids, at__lte=end)
        .values("profile_id")
        .annotate(last=Max(TruncDate("at")))
        .values_list("profile_id", "last")
        .order_by()
    )
    found: dict[int, dt.date] = {}
    for profile_id, day in versions.union(confirmations, all=True):  # one query: both are per member
        found[profile_id] = max(found.get(profile_id, day), day)
    return found


def _membership_starts(senate: Senate, profile_ids: list[int]) -> dict[int, list[dt.date]]:
    starts: dict[int, list[dt.date]] = defaultdict(list)
    rows = Membership.objects.filter(senate=senate, profile_id__in=profile_ids).values_list("profile_id", "term_start")
    for profile_id, start in rows:
        starts[profile_id].append(start)
    return starts


def _leading_roles(senate: Senate, user_ids: list[int], end: dt.datetime) -> dict[int, list[tuple[str, dt.date]]]:
    found: dict[int, list[tuple[str, dt.date]]] = defaultdict(list)
    rows = RoleAssignment.objects.filter(
        senate=senate, user_id__in=user_ids, role__in=LEADING_ROLES, granted_at__lte=end
    )
    for user_id, role, granted in rows.values_list("user_id", "role", "granted_at"):
        found[user_id].append((role, timezone.localdate(granted)))
    return found
