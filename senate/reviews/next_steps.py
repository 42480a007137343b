"""What happens next on a request, shaped for its pages: one main act as the page's primary button,
the others secondary (or a warning where they refuse or end the request), and an act that cannot be
taken yet shown as what it is waiting for, never as a button that leads to an error. The NHS service
manual: one primary button per page (https://service-manual.nhs.uk/design-system/components/buttons)."""

from dataclasses import dataclass

from senate.accounts.models import User
from senate.reviews import lifecycle
from senate.reviews.lifecycle import Act
from senate.reviews.models import Request

# Acts that refuse or end the request: warning buttons.
REFUSALS = {"decline", "withdraw"}
# Acts beside the main road: never the page's primary button.
ASIDE = REFUSALS | {"ask_for_information", "redirect", "close", "pause"}
BUTTON_CLASSES = {"primary": "", "secondary": "nhsuk-button--secondary", "warning": "nhsuk-button--warning"}


@dataclass(frozen=True)
class Step:
    act: Act
    style: str  # "primary", "secondary" or "warning"
    waiting_for: tuple[str, ...]  # why it cannot be taken yet; empty when it can

    @property
    def name(self) -> str:
        return self.act.name

    @property
    def label(self) -> str:
        return self.act.label

    @property
    def needs_reason(self) -> bool:
        return self.act.needs_reason

    @property
    def button_classes(self) -> str:
        return BUTTON_CLASSES[self.style]


def next_steps(acts: list[Act], request: Request, *, primary_taken: bool = False) -> list[Step]:
    """The steps for `acts` on `request`, in their order. `primary_taken` when the page already has
    its primary button (the terms page's "Share with the requester")."""
    acts = [a for a in acts if lifecycle.applies(a, request)]
    waiting = {a.name: tuple(lifecycle.problems(a, request)) for a in acts}
    ready = [a for a in acts if not waiting[a.name]]
    main = None if primary_taken else next((a for a in ready if a.name not in ASIDE), None)
    return [Step(a, _style(a, main), waiting[a.name]) for a in acts]


def _style(act: Act, main: Act | None) -> str:
    if act.name in REFUSALS:
        return "warning"
    return "primary" if act is main else "secondary"


# Who takes an act, in words, by the permission it needs.
TAKEN_BY = {
    lifecycle.REQUESTER: "the requester",
    lifecycle.APPROVE: "the Senate Chair",
    lifecycle.TRIAGE: "the Senate manager",
    lifecycle.MANAGE: "the Senate team",
}


# Triage may accept, redirect or decline: others see it as one step, not as the acceptance.
AS_OTHERS_SEE_IT = {"accept": "Triage the request"}


def waiting_on_others(request: Request, user: User) -> list[str]:
    """What the request waits for from other people at its stage ("the requester, whose next step is
    “Agree the terms of reference”"), so a page with no button for this person still says what next."""
    mine = {a.name for a in lifecycle.available_acts(request, user)}
    # Why another's step is held up may name case material (a panel's make-up, a report's criteria):
    # only the Senate team, who may see all of it, are told.
    team = any(user.has_perm(p, request) for p in (lifecycle.MANAGE, lifecycle.APPROVE))  # type: ignore[attr-defined]
    theirs: dict[str, list[str]] = {}
    for a in lifecycle.ACTS.values():
        if request.stage in a.sources and a.name not in mine | ASIDE and a.permission in TAKEN_BY:
            if lifecycle.applies(a, request):
                step = f"“{AS_OTHERS_SEE_IT.get(a.name, a.label)}”"
                if team and (held_up := lifecycle.problems(a, request)):
                    step += f" (not yet: {' '.join(held_up).rstrip('.')})"
                theirs.setdefault(TAKEN_BY[a.permission], []).append(step)
    return [
        f"{who}, whose next step is {steps[0]}"
        if len(steps) == 1
        else f"{who}, whose next steps are {' or '.join(steps)}"
        for who, steps in theirs.items()
    ]
