"""Shortfalls: which counted rule an answer leaves unmet for which review, and why, in plain words.

The "why" is computed from the data, as a funnel over the member pool: how many hold the skill at all,
how many remain after conflicts (and removals), after the organisation rule, after the region rule, and
after the capacity other panels in this answer already use. The first step that drops below the number
needed is the reason given first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ._index import Index, qualifies
from .problem import OUT_OF_REGION, PANEL_MIN, Shortfall


@dataclass(frozen=True)
class _Rule:
    skill: str  # Shortfall.skill
    needed: int
    fits: np.ndarray  # bool per member: counts towards this rule
    subject: str  # e.g. "hold patient-public-voice"


def rule_shortfalls(ix: Index, panels: Sequence[np.ndarray]) -> list[Shortfall]:
    """A Shortfall for every unmet panel_min, requirement and min_out_of_region in `panels`.

    `panels[r]` holds the member indices on review r's panel.
    """
    used = np.bincount(np.concatenate([np.zeros(0, np.int64), *panels]), minlength=ix.n_members)
    shortfalls = []
    for r, panel in enumerate(panels):
        for k, name, needed, found in _tallies(ix, r, panel):
            if found < needed:
                rule = _rule(ix, r, k, name, needed)
                why = _why(ix, r, panel, rule, found, used, panels)
                shortfalls.append(Shortfall(ix.review_ids[r], name, needed, found, why))
    return shortfalls


def unfilled_seats(ix: Index, panel: np.ndarray, r: int) -> int:
    """The model's u[r] + sum s[k]: missing members below panel_min plus missing holders per rule."""
    return sum(max(needed - found, 0) for _, _, needed, found in _tallies(ix, r, panel))


def _tallies(ix: Index, r: int, panel: np.ndarray) -> list[tuple[int, str, int, int]]:
    """(count row or -1, rule name, needed, found on the panel): panel_min first, then review r's
    counted rules."""
    tallies = [(-1, PANEL_MIN, int(ix.panel_min[r]), len(panel))]
    for k in range(ix.counts.ptr[r], ix.counts.ptr[r + 1]):
        skill = int(ix.counts.skill[k])
        name = ix.skills[skill] if skill >= 0 else OUT_OF_REGION
        found = int(qualifies(ix, panel, np.full(len(panel), k)).sum())
        tallies.append((k, name, int(ix.counts.min[k]), found))
    return tallies


def _rule(ix: Index, r: int, k: int, name: str, needed: int) -> _Rule:
    """Who counts towards count row k of review r (k = -1: panel_min), over the whole pool."""
    if k < 0:
        return _Rule(name, needed, np.ones(ix.n_members, dtype=bool), "are")
    skill = int(ix.counts.skill[k])
    if skill < 0:
        region = ix.problem.reviews[r].region
        return _Rule(name, needed, ix.member_region != ix.review_region[r], f"come from outside {region}")
    return _Rule(name, needed, ix.holds[:, skill], f"hold {name}")


@dataclass(frozen=True)
class _Step:
    rule: str  # as named in the lead sentence
    plural: bool
    detail: str  # as named in the counts in brackets
    alive: np.ndarray  # members still counted after this step


def _funnel(ix: Index, r: int, panel: np.ndarray, fits: np.ndarray, used: np.ndarray) -> list[_Step]:
    n = ix.n_members
    a, b = np.searchsorted(ix.blocked, [r * n, (r + 1) * n])
    not_blocked = np.ones(n, dtype=bool)
    not_blocked[ix.blocked[a:b] - r * n] = False
    org_ok = np.asarray((ix.member_orgs @ ix.review_orgs[r].T).todense()).ravel() == 0
    elsewhere = used.copy()
    elsewhere[panel] -= 1
    steps = [
        ("conflicts", True, "after conflicts", not_blocked),
        ("the organisation rule", False, "after the organisation rule", org_ok),
    ]
    if ix.out_of_region[r]:
        steps.append(("the region rule", False, "after the region rule", ix.member_region != ix.review_region[r]))
    spare = ix.max_panels - elsewhere > 0
    steps.append(("the capacity other panels use", False, "with capacity left after other panels", spare))
    funnel, alive = [], fits
    for rule, plural, detail, ok in steps:
        alive = alive & ok
        funnel.append(_Step(rule, plural, detail, alive))
    return funnel


def _why(
    ix: Index, r: int, panel: np.ndarray, rule: _Rule, found: int, used: np.ndarray, panels: Sequence[np.ndarray]
) -> str:
    funnel = _funnel(ix, r, panel, rule.fits, used)
    pool = int(rule.fits.sum())
    sizes = [int(step.alive.sum()) for step in funnel]
    lead = _lead(ix, r, rule, pool, funnel, sizes, len(panel))
    counts = [f"{pool} in the pool"] + [f"{n} {step.detail}" for step, n in zip(funnel, sizes, strict=True)]
    detail = "; ".join(counts)
    return f"needs {rule.needed}, found {found}: {lead} ({detail}){_taken(ix, funnel, panels)}"


def _lead(ix: Index, r: int, rule: _Rule, pool: int, funnel: list[_Step], sizes: list[int], size: int) -> str:
    if pool < rule.needed:
        return f"{'only ' if pool else ''}{_counted(rule, pool, 'in the pool')}"
    applied: list[_Step] = []
    previous = pool
    for step, count in zip(funnel, sizes, strict=True):
        if count < previous:
            applied.append(step)
        previous = count
        if count < rule.needed:
            verb = "are" if len(applied) > 1 or applied[0].plural else "is"
            rules = _and([s.rule for s in applied])
            return f"{'only ' if count else ''}{_counted(rule, count, 'eligible')} once {rules} {verb} applied"
    spare = _counted(rule, sizes[-1], "eligible with spare capacity")
    panel_max = int(ix.panel_max[r])
    if size >= panel_max:
        return f"{spare}, but the panel is full (panel_max {panel_max}) with members needed for its other rules"
    return f"{spare}, but they were not seated"


def _counted(rule: _Rule, count: int, where: str) -> str:
    """'2 eligible members hold X', 'no member in the pool holds X', '5 members are eligible'.

    `where` is "in the pool", "eligible" or "eligible with spare capacity".
    """
    if rule.subject == "are":  # panel_min: everyone counts
        who = "no member" if count == 0 else f"{count} member{'s' if count != 1 else ''}"
        return f"{who} {'is' if count <= 1 else 'are'} {where}"
    before, _, after = where.partition(" with ")
    kind = f"{before} member" if before == "eligible" else "member"
    tail = f" with {after}" if after else (" in the pool" if where == "in the pool" else "")
    who = f"no {kind}" if count == 0 else f"{count} {kind}{'s' if count != 1 else ''}"
    verb, _, rest = rule.subject.partition(" ")
    if count <= 1:
        verb = {"hold": "holds", "come": "comes"}.get(verb, verb)
    return f"{who}{tail} {verb} {rest}"


def _taken(ix: Index, funnel: list[_Step], panels: Sequence[np.ndarray]) -> str:
    """Name who was lost to other panels when that is only a few people: the actionable case."""
    lost = np.flatnonzero(funnel[-2].alive & ~funnel[-1].alive)
    if not 1 <= len(lost) <= 3:
        return ""
    said = []
    for m in lost:
        sits = [ix.review_ids[r] for r, p in enumerate(panels) if m in p]
        said.append(f"{ix.member_ids[m]} sits on {', '.join(sits)}" if sits else f"{ix.member_ids[m]} is unavailable")
    return "; " + "; ".join(said)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
