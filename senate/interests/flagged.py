"""The screening page's list: the members screening flags for a request, most severe first, filtered,
with their conflicts in brief and whether the Senate team has decided (issue 14, item 10: 126 of 385
members flagged on one request cannot be worked through A to Z).

A member's severity is that of their most severe conflict not dismissed (senate.interests.screening
gives each conflict one: High, Medium or Low). Within a severity, the kind of that conflict orders
them, in the order of KINDS: a current role with an organisation in the request; a declared
financial, then non-financial professional, then non-financial personal interest; a gift or
hospitality; living or working in an affected area; an indirect interest through a relative or
associate; a past role. Then by name."""

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from senate.core.cache import until_next_act
from senate.interests import queries
from senate.interests.conflict_policy import conflict_policy_for
from senate.interests.decisions import ConflictState, latest_decisions, summary_of
from senate.interests.facts import ReviewFacts
from senate.interests.models import ConflictDecision, ConflictDismissal, DeclarationVersion
from senate.interests.queries import Candidate
from senate.interests.screening import Conflict, ScreeningPolicy, Severity, screen_many
from senate.members.models import Affiliation, MemberProfile, Membership

SEVERITY_ORDER = [Severity.HIGH, Severity.MEDIUM, Severity.LOW]
KINDS = {
    "role": "A current role with an organisation in the request (employed, board, contract, adviser)",
    "financial": "A declared financial interest",
    "professional": "A declared non-financial professional interest",
    "personal": "A declared non-financial personal interest",
    "gift": "A declared gift or hospitality",
    "local_area": "Living or working in an affected area",
    "indirect": "A declared indirect interest, through a relative or associate",
    "past_role": "A past role, within the look-back",
}
_KIND_ORDER = {kind: i for i, kind in enumerate(KINDS)}
OPEN, DECIDED = "open", "decided"
BRIEF = 2  # conflicts shown on the list for each member; the member's page shows them all


def kind_of(conflict: Conflict) -> str:
    """The conflict's kind of interest, a key of KINDS: what was declared, or the screening rule."""
    return conflict.declared if conflict.rule == "declared" and conflict.declared else conflict.rule


def weight(conflict: Conflict) -> tuple[int, int]:
    """How pressing a conflict is: its severity, then its kind (lower is more pressing)."""
    return SEVERITY_ORDER.index(conflict.severity), _KIND_ORDER.get(kind_of(conflict), len(_KIND_ORDER))


@dataclass
class Flagged:
    """One member on the screening page, from flat values: the list orders, filters and shows every
    member screened by these, without reading their profiles."""

    member: Candidate
    states: list[ConflictState]
    decisions: list[ConflictDecision] = field(default_factory=list)
    dismissals: list[ConflictDismissal] = field(default_factory=list)
    # The conflicts found now and not dismissed, most pressing first.
    standing: list[Conflict] = field(init=False)

    def __post_init__(self) -> None:
        self.standing = sorted((s.conflict for s in self.states if s.dismissal is None), key=weight)

    @property
    def severity(self) -> Severity | None:
        """The member's severity: that of their most pressing conflict; None if none stands."""
        return self.standing[0].severity if self.standing else None

    @property
    def brief(self) -> list[Conflict]:
        return self.standing[:BRIEF]

    @property
    def more(self) -> int:
        return max(len(self.standing) - BRIEF, 0)

    @property
    def dismissed(self) -> int:
        return sum(1 for s in self.states if s.dismissal is not None)

    @property
    def summary(self) -> str:
        """Where the member stands, as their own screening page words it (`MemberScreening.summary`)."""
        return summary_of(self.states, self.decisions)

    @property
    def status(self) -> str:
        """OPEN while a conflict awaits a decision, DECIDED once all are decided or dismissed."""
        if not self.states:
            return ""
        return DECIDED if all(s.settled for s in self.states) else OPEN


# The tables screening reads besides the acts recorded (senate.core.cache): a row added without an
# act, by an import or a test's factory, also makes screening read afresh. Decisions and dismissals
# are only ever added (never changed or removed), each with its act.
SCREENED_FROM = (DeclarationVersion, Affiliation, Membership, MemberProfile, ConflictDecision, ConflictDismissal)


@dataclass(frozen=True)
class Screened:
    """Every member a request's screening covers, and the conflicts found for those who have any."""

    candidates: QuerySet[MemberProfile]  # the members, as a query (decisions are read through it)
    members: list[Candidate]
    conflicts: dict[int, list[Conflict]]
    # The request's decisions (oldest first) and dismissals for these members, as `screened` takes them.
    decisions: list[ConflictDecision]
    dismissals: list[ConflictDismissal]


def screen_candidates(
    senate: Any, request: Any, facts: ReviewFacts, names: dict[int, str], q: str = "", *, stamp: str | None = None
) -> Screened:
    """The request's candidates (`queries.candidates`, by name or job title `q`) screened. Worked out
    once per day and act (`senate.core.cache`): screening reads every member of the Senate and of its
    partners, and the list is opened again after every decision. It is the same for everyone who may
    open the screening page. The decisions and dismissals are kept with it: each is recorded with an
    act, so the next decision makes a new reading (read without who made them: the list never says).
    The joint review's partners are asked within the query (a partner accepting is an act too);
    `stamp`: `stamp_of(SCREENED_FROM)` when the page has read it for its other readings."""
    today = timezone.localdate()
    candidates = queries.candidates(senate, today, q, partners=queries.partner_senates_query(request))

    def work_out() -> tuple[list[Candidate], dict[int, list[Conflict]], list[Any], list[Any]]:
        rules = ScreeningPolicy.of(conflict_policy_for(senate))
        members, ids = queries.candidate_rows(candidates), candidates.values("pk")
        settled = ConflictDecision.objects.filter(request_id=request.pk, profile__in=ids)
        dismissed = ConflictDismissal.objects.filter(request_id=request.pk, profile__in=ids)
        conflicts = screen_many(candidates, facts, rules=rules, names=names)
        return members, conflicts, list(settled), list(dismissed)

    searched = hashlib.sha256(q.encode()).hexdigest()[:16]
    key = f"screening:{senate.pk}:{request.pk}:{today.isoformat()}:{searched}"
    members, conflicts, settled, dismissed = until_next_act(key, work_out, rows_of=SCREENED_FROM, stamp=stamp)
    return Screened(candidates, members, conflicts, settled, dismissed)


def screened(
    members: Iterable[Candidate],
    conflicts: dict[int, list[Conflict]],
    decisions: Iterable[ConflictDecision],
    dismissals: Iterable[ConflictDismissal],
) -> list[Flagged]:
    """One row for each member, with the conflicts found now and what the Senate team decided on them
    (the request's decisions and dismissals, read once: decisions.settled_for)."""
    decided: dict[int, list[ConflictDecision]] = defaultdict(list)
    for decision in decisions:
        decided[decision.profile_id].append(decision)
    dismissed: dict[int, list[ConflictDismissal]] = defaultdict(list)
    for dismissal in dismissals:
        dismissed[dismissal.profile_id].append(dismissal)
    rows = []
    for member in members:
        made, put_aside = decided.get(member.pk, []), dismissed.get(member.pk, [])
        standing, by_key = latest_decisions(made), {d.key: d for d in put_aside}
        states = [ConflictState(c, standing.get(c.key), by_key.get(c.key)) for c in conflicts.get(member.pk, [])]
        rows.append(Flagged(member, states, made, put_aside))
    return rows


def ordered(rows: Iterable[Flagged]) -> list[Flagged]:
    """Most severe first (see the module's note), then by name; members with nothing standing last."""
    last = (len(SEVERITY_ORDER), 0)

    def key(row: Flagged) -> tuple[tuple[int, int], str, int]:
        return (weight(row.standing[0]) if row.standing else last), row.member.name.casefold(), row.member.pk

    return sorted(rows, key=key)


def filtered(
    rows: list[Flagged],
    *,
    severity: Iterable[str] = (),
    kind: Iterable[str] = (),
    organisation: int | None = None,
    status: str = "",
) -> list[Flagged]:
    """The rows whose standing conflicts match every filter given: any of the severities (the member's
    own), any of the kinds, the organisation or area named in the request, and whether decided."""
    severities, kinds = set(severity), set(kind)
    return [
        row
        for row in rows
        if (not severities or row.severity in severities)
        and (not kinds or any(kind_of(c) in kinds for c in row.standing))
        and (organisation is None or any(c.organisation_id == organisation for c in row.standing))
        and (not status or row.status == status)
    ]
