"""The panel's agreement to a judgement (issue 14, item 5): a judgement on a criterion is the panel's,
not one member's, so each version records where every seated member stood.

The rule: the seated members are those who accepted a place on the panel. Those whose restriction
covers the criterion (or who are excluded from the review) are excluded by restriction and take no
part. Of the others, more than half must be recorded as agreeing; a member who dissents is recorded
with their view; anyone not marked did not take part, and still counts among those who could, so
that leaving members out never lowers the bar. Whoever records the judgement must be free to take
part in it themselves (a restricted member cannot record it; the Senate team may record it for
the panel)."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from senate.accounts.models import User
from senate.interests.restrictions import restrictions_by_profile, restrictions_for
from senate.panels.invitations import final_panel
from senate.panels.models import PanelMember, Position
from senate.reports.models import Criterion, Judgement
from senate.reviews.models import Request


class JudgementRefused(ValueError):
    """The judgement cannot be recorded as the panel's; the message says why."""


@dataclass(frozen=True)
class Marked:
    seat: PanelMember
    position: str
    view: str = ""


@dataclass(frozen=True)
class Seating:
    """The seated members of a panel for one criterion: who may take part and who is excluded."""

    may_take_part: list[PanelMember]
    excluded: list[PanelMember]

    @property
    def needed(self) -> int:
        """How many must agree: more than half of those who may take part."""
        return len(self.may_take_part) // 2 + 1


def seating(request: Request, criterion: Criterion) -> Seating:
    seats = final_panel(request)
    restricted = restrictions_by_profile(request, [s.profile_id for s in seats])
    return Seating(
        may_take_part=[s for s in seats if restricted[s.profile_id].may_judge(criterion)],
        excluded=[s for s in seats if not restricted[s.profile_id].may_judge(criterion)],
    )


def mark(seated: Seating, *, agreed: Iterable[Any], dissents: Mapping[Any, str]) -> list[Marked]:
    """Every seated member's position, checked against the rule; raises JudgementRefused."""
    agreed_ids, dissent_views = {_pk(s) for s in agreed}, {_pk(s): v.strip() for s, v in dissents.items()}
    names = {s.pk: str(s.profile) for s in seated.may_take_part + seated.excluded}
    for seat in seated.excluded:
        if seat.pk in agreed_ids or seat.pk in dissent_views:
            raise JudgementRefused(f"{seat.profile} is excluded from this judgement by their restriction")
    unknown = (agreed_ids | set(dissent_views)) - set(names)
    if unknown:
        raise JudgementRefused("Mark only members who have accepted a place on this panel")
    if both := agreed_ids & set(dissent_views):
        raise JudgementRefused(f"{names[min(both)]} cannot both agree and dissent")
    if missing := [pk for pk, view in dissent_views.items() if not view]:
        raise JudgementRefused(f"Enter {names[missing[0]]}'s view, as they dissent")
    marked = [Marked(s, Position.EXCLUDED) for s in seated.excluded]
    for seat in seated.may_take_part:
        if seat.pk in agreed_ids:
            marked.append(Marked(seat, Position.AGREED))
        elif seat.pk in dissent_views:
            marked.append(Marked(seat, Position.DISSENTED, dissent_views[seat.pk]))
        else:
            marked.append(Marked(seat, Position.ABSENT))
    check_majority(seated, len(agreed_ids))
    return marked


def check_majority(seated: Seating, agreeing: int) -> None:
    if not seated.may_take_part:
        raise JudgementRefused(
            "No member of the panel may take part in this judgement: the panel has no accepted members, "
            "or every member is excluded by a restriction"
        )
    if agreeing < seated.needed:
        raise JudgementRefused(
            f"A judgement is the panel's only when more than half of the members who may take part agree: "
            f"{seated.needed} of {len(seated.may_take_part)} must be recorded as agreeing, and "
            f"{agreeing} {'is' if agreeing == 1 else 'are'}"
        )


def check_recorder(request: Request, criterion: Criterion, by: User) -> None:
    """A member whose restriction covers this criterion may not record the panel's judgement on it."""
    if not restrictions_for(by, request).may_judge(criterion):
        raise JudgementRefused(
            f"Your restriction on this review means you may not take part in the panel's judgement on {criterion}"
        )


@dataclass(frozen=True)
class Agreement:
    """Where the panel stood on one judgement, page-shaped for the criterion page and the report."""

    agreed: list[str]
    dissented: list[tuple[str, str]]
    excluded: list[str]
    absent: list[str]

    @property
    def recorded(self) -> bool:
        return bool(self.agreed or self.dissented or self.excluded or self.absent)

    def sentences(self) -> list[str]:
        if not self.recorded:
            return ["Who agreed was not recorded with this judgement."]
        could = len(self.agreed) + len(self.dissented) + len(self.absent)
        lines = [f"Agreed by {len(self.agreed)} of the {could} members who could take part: {', '.join(self.agreed)}."]
        lines += [f"{name} dissented: {view}" for name, view in self.dissented]
        if self.excluded:
            lines.append(f"Excluded by restriction: {', '.join(self.excluded)}.")
        if self.absent:
            lines.append(f"Did not take part: {', '.join(self.absent)}.")
        return lines


def agreement_of(judgement: Judgement) -> Agreement:
    """Read from `judgement.positions` (prefetch `positions__seat__profile__user` for many)."""
    rows = sorted(judgement.positions.all(), key=lambda p: str(p.seat.profile))
    return Agreement(
        agreed=[str(p.seat.profile) for p in rows if p.position == Position.AGREED],
        dissented=[(str(p.seat.profile), p.view) for p in rows if p.position == Position.DISSENTED],
        excluded=[str(p.seat.profile) for p in rows if p.position == Position.EXCLUDED],
        absent=[str(p.seat.profile) for p in rows if p.position == Position.ABSENT],
    )


def _pk(thing: PanelMember | int | str) -> int:
    """A seat, or its number as a form posts it. The rule takes plain values too: anything with a `pk`."""
    return int(thing) if isinstance(thing, int | str) else int(thing.pk)
