"""What a member may not do on a review, from the Senate team's standing decisions on their conflicts
(docs/domain.md §4.1: a conflicted member is excluded or takes part with a restriction). The evidence
pages ask `may_open`, the assessment asks `may_judge` and `may_agree_recommendations`; every page
that shows a restriction says it with `describe`. Evidence tiers and items, and the assessment's
criteria, belong to apps after this one in the app order: they answer the extension points below
from their `AppConfig.ready()` (`senate.core.registry`)."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol, TypedDict

from senate.accounts.models import User
from senate.accounts.people import Visitor
from senate.core import registry
from senate.core.memo import remembered
from senate.interests.facts import AdviceRequest
from senate.interests.models import ConflictDecision, Outcome
from senate.members.models import MemberProfile


@dataclass(frozen=True)
class Restrictable:
    """One kind of thing a restriction may name, as the app that owns it answers for it."""

    choices: Callable[[Any], list[tuple[str, str]]]  # what a restriction on this request may name
    count_valid: Callable[[Any, list[Any]], int]  # how many of these keys a restriction on it may name
    titles: Callable[[list[Any]], dict[Any, str]]  # the named ones in words, by key (one query for many)


TIERS = registry.point("interests.restrictable_tiers", "evidence's confidentiality tiers: a Restrictable")
ITEMS = registry.point("interests.restrictable_items", "a request's evidence items: a Restrictable")
CRITERIA = registry.point("interests.restrictable_criteria", "a request's assessment criteria: a Restrictable")


class Openable(Protocol):
    """An evidence item as a restriction reads it (evidence sits above interests)."""

    @property
    def pk(self) -> int: ...
    @property
    def tier(self) -> str: ...


@dataclass(frozen=True)
class Restrictions:
    """One member's standing exclusion or restrictions on one request. Empty when there are none."""

    excluded: bool = False
    tiers: frozenset[str] = frozenset()
    items: frozenset[int] = frozenset()
    criteria: frozenset[int] = frozenset()
    recommendations: bool = False
    notes: tuple[str, ...] = ()
    decisions: tuple[ConflictDecision, ...] = field(default=(), compare=False)

    def __bool__(self) -> bool:
        return self.excluded or bool(self.tiers or self.items or self.criteria or self.recommendations or self.notes)

    def may_open(self, item: Openable) -> bool:
        return not self.excluded and item.tier not in self.tiers and item.pk not in self.items

    def may_judge(self, criterion: object) -> bool:
        return not self.excluded and _pk(criterion) not in self.criteria

    def may_agree_recommendations(self) -> bool:
        return not self.excluded and not self.recommendations


NONE = Restrictions()
NOTHING_RESTRICTED = (
    "Select what the restriction covers: evidence they may not open, criteria they may not judge, "
    "or the recommendations"
)


def standing_decisions(decisions: Iterable[ConflictDecision]) -> list[ConflictDecision]:
    """The decisions still standing: the latest on each conflict, earlier ones superseded."""
    latest: dict[str, ConflictDecision] = {}
    for decision in sorted(decisions, key=lambda d: (d.at, d.pk)):
        latest.update(dict.fromkeys(decision.keys, decision))
    return sorted(set(latest.values()), key=lambda d: (d.at, d.pk))


def combine(decisions: Iterable[ConflictDecision]) -> Restrictions:
    """Every standing exclusion and restriction of one member, together."""
    standing = standing_decisions(decisions)
    restricting = [d for d in standing if d.outcome == Outcome.RESTRICT]
    return Restrictions(
        excluded=any(d.outcome == Outcome.EXCLUDE for d in standing),
        tiers=frozenset(t for d in restricting for t in d.no_tiers),
        items=frozenset(i for d in restricting for i in d.no_items),
        criteria=frozenset(c for d in restricting for c in d.no_criteria),
        recommendations=any(d.no_recommendations for d in restricting),
        notes=tuple(d.note for d in restricting if d.note),
        decisions=tuple(d for d in standing if d.outcome != Outcome.NO_ACTION),
    )


def restrictions_for(profile_or_user: MemberProfile | Visitor, request: AdviceRequest) -> Restrictions:
    """This person's restrictions on this request (a user without a member profile has none)."""
    profile_id = _profile_id(profile_or_user)
    if profile_id is None or request is None:
        return NONE
    return combine(ConflictDecision.objects.filter(request_id=request.pk, profile_id=profile_id))


def restrictions_by_profile(request: AdviceRequest, profile_ids: Iterable[int]) -> dict[int, Restrictions]:
    """Several members' restrictions on one request, in one query."""
    found: dict[int, list[ConflictDecision]] = {pk: [] for pk in profile_ids}
    for decision in ConflictDecision.objects.filter(request_id=request.pk, profile_id__in=list(found)):
        found[decision.profile_id].append(decision)
    return {pk: combine(rows) for pk, rows in found.items()}


def restrictions_by_request(
    request_ids: Iterable[int], profile_ids: Iterable[int]
) -> dict[int, dict[int, Restrictions]]:
    """`restrictions_by_profile` for several requests at once (a meeting's agenda), in one query."""
    profiles = list(profile_ids)
    found: dict[int, dict[int, list[ConflictDecision]]] = {rid: {pk: [] for pk in profiles} for rid in request_ids}
    for decision in ConflictDecision.objects.filter(request_id__in=list(found), profile_id__in=profiles):
        found[decision.request_id][decision.profile_id].append(decision)
    return {rid: {pk: combine(rows) for pk, rows in by_profile.items()} for rid, by_profile in found.items()}


def describe(restrictions: Restrictions) -> list[str]:
    """The restrictions in words, one a line, as the member and the Senate team see them."""
    if restrictions.excluded:
        return ["Excluded from this review because of a conflict of interest"]
    return describe_parts(
        tiers=restrictions.tiers,
        items=restrictions.items,
        criteria=restrictions.criteria,
        recommendations=restrictions.recommendations,
        notes=restrictions.notes,
    )


def describe_decision(decision: ConflictDecision) -> list[str]:
    return describe_parts(
        tiers=decision.no_tiers,
        items=decision.no_items,
        criteria=decision.no_criteria,
        recommendations=decision.no_recommendations,
        notes=(decision.note,) if decision.note else (),
    )


def describe_parts(
    *, tiers: Iterable[str], items: Iterable[int], criteria: Iterable[int], recommendations: bool, notes: Iterable[str]
) -> list[str]:
    return _lines(
        tiers,
        _titles(ITEMS, items),
        _titles(CRITERIA, criteria),
        recommendations,
        notes,
    )


def describe_decisions(decisions: Iterable[ConflictDecision]) -> dict[int, list[str]]:
    """`describe_decision` for many decisions at once, by decision id: the evidence items' and
    criteria's titles are read in one query each, whatever the number of decisions (a panel's)."""
    chosen = list(decisions)
    items = _named(ITEMS, {i for d in chosen for i in d.no_items})
    criteria = _named(CRITERIA, {c for d in chosen for c in d.no_criteria})
    return {
        d.pk: _lines(
            d.no_tiers,
            [items[i] for i in sorted(set(d.no_items)) if i in items],
            [criteria[c] for c in sorted(set(d.no_criteria)) if c in criteria],
            d.no_recommendations,
            (d.note,) if d.note else (),
        )
        for d in chosen
    }


def _lines(
    tiers: Iterable[str], items: list[str], criteria: list[str], recommendations: bool, notes: Iterable[str]
) -> list[str]:
    lines = []
    labels = dict(tier_choices())
    named = [labels.get(t, t).lower() for t in tier_choices_order(tiers)]
    if named:
        lines.append(f"May not open {' or '.join(named)} evidence")
    if items:
        lines.append(f"May not open these evidence items: {'; '.join(items)}")
    if criteria:
        lines.append(f"May not take part in the panel's judgement on: {'; '.join(criteria)}")
    if recommendations:
        lines.append("May not agree or vote on the recommendations")
    lines += [f"Note: {n}" for n in notes]
    return lines


def is_enforceable(decision: ConflictDecision) -> bool:
    """A restriction names something the pages can enforce; a note alone cannot be."""
    return bool(decision.no_tiers or decision.no_items or decision.no_criteria or decision.no_recommendations)


class RestrictionChoices(TypedDict):
    """The (value, label) choices of each kind of thing a restriction may name, as the decision forms take them."""

    tiers: list[tuple[str, str]]
    items: list[tuple[str, str]]
    criteria: list[tuple[str, str]]


def restriction_choices(request: AdviceRequest) -> RestrictionChoices:
    """What a restriction on this request may name: the tiers, this review's evidence items, and its
    criteria (or, before they are chosen, the Senate's framework)."""
    return {
        "tiers": tier_choices(),
        "items": registry.one(ITEMS).choices(request),
        "criteria": registry.one(CRITERIA).choices(request),
    }


def tier_choices() -> list[tuple[str, str]]:
    """The evidence app's confidentiality tiers, least restricted first (public is never restricted)."""
    return registry.one(TIERS).choices(None)  # type: ignore[no-any-return]


def tier_choices_order(tiers: Iterable[str]) -> list[str]:
    wanted = set(tiers)
    return [value for value, _ in tier_choices() if value in wanted]


def _named(point: str, pks: Iterable[int]) -> dict[Any, str]:
    wanted = sorted(set(pks))
    return registry.one(point).titles(wanted) if wanted else {}  # type: ignore[no-any-return]


def _titles(point: str, pks: Iterable[int]) -> list[str]:
    """The named things in words, in key order."""
    named = _named(point, pks)
    return [named[k] for k in sorted(set(pks)) if k in named]


def _pk(thing: object) -> Any:
    return getattr(thing, "pk", thing)


def _profile_id(profile_or_user: MemberProfile | Visitor) -> int | None:
    if isinstance(profile_or_user, MemberProfile):
        return profile_or_user.pk
    if not isinstance(profile_or_user, User):  # nobody signed in
        return None
    kept = profile_or_user._state.fields_cache  # where Django keeps `user.profile` once read
    if not isinstance(kept.get("profile"), MemberProfile):
        pk = profile_or_user.pk
        found = remembered(("interests.profile", pk), lambda: MemberProfile.objects.filter(user_id=pk).first())
        if found is None:
            return None
        kept["profile"] = found  # so the header's "My profile" link asks no more
    return int(kept["profile"].pk)
