"""Is an item quorate? Checked per item, after recusals: a member who leaves the room or stays
without voting does not count towards the quorum for that item. Quorum clauses in published Council
terms of reference could not be read (docs/domain.md §5.4), so the rule is a setting per Senate."""

import math
from collections.abc import Iterable
from dataclasses import dataclass

CHAIRS = frozenset({"chair", "vice_chair"})
PPV = "ppv"


@dataclass(frozen=True)
class Rule:
    share_percent: int = 50
    min_members: int = 0
    needs_chair: bool = True
    min_ppv: int = 1

    @classmethod
    def of(cls, setting: object | None) -> "Rule":
        if setting is None:
            return cls()
        return cls(
            share_percent=setting.share_percent,  # type: ignore[attr-defined]
            min_members=setting.min_members,  # type: ignore[attr-defined]
            needs_chair=setting.needs_chair,  # type: ignore[attr-defined]
            min_ppv=setting.min_ppv,  # type: ignore[attr-defined]
        )


@dataclass(frozen=True)
class Seat:
    """A Council member present at the meeting: who they are and their Council role that day."""

    key: int
    role: str


@dataclass(frozen=True)
class Verdict:
    quorate: bool
    counted: int
    needed: int
    reasons: tuple[str, ...]


def needed(*, rule: Rule, council_size: int) -> int:
    return max(rule.min_members, math.ceil(council_size * rule.share_percent / 100))


def check(
    *,
    rule: Rule,
    council_size: int,
    present: Iterable[Seat],
    recused: Iterable[int] = (),
    acting_chair: int | None = None,
) -> Verdict:
    """The verdict for one item: which members count, how many are needed, and every reason it fails.
    An acting chair the meeting chose for the item (a seat's key) takes the chair's place."""
    out = set(recused)
    counting = [seat for seat in present if seat.key not in out]
    need = needed(rule=rule, council_size=council_size)
    reasons = []
    if len(counting) < need:
        reasons.append(
            f"{len(counting)} Council member{'s' if len(counting) != 1 else ''} can take part "
            f"but {need} are needed ({rule.share_percent}% of {council_size}"
            + (f", and at least {rule.min_members}" if rule.min_members else "")
            + ")."
        )
    chaired = any(seat.role in CHAIRS or seat.key == acting_chair for seat in counting)
    if rule.needs_chair and not chaired:
        reasons.append("Neither the Chair nor the Vice-chair can take part, and no acting chair has been chosen.")
    ppv = sum(seat.role == PPV for seat in counting)
    if ppv < rule.min_ppv:
        reasons.append(
            f"{ppv} patient and public voice member{'s' if ppv != 1 else ''} can take part; "
            f"at least {rule.min_ppv} {'is' if rule.min_ppv == 1 else 'are'} needed."
        )
    return Verdict(quorate=not reasons, counted=len(counting), needed=need, reasons=tuple(reasons))
