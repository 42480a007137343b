"""Induction: a checklist per membership role, started at appointment (`start_induction`, which the
recruitment app calls after appointing), each item marked complete by the member, except declaring
interests, which is complete once they have made a declaration on the platform."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from senate.accounts.models import User
from senate.core import audit
from senate.interests.models import Declaration
from senate.members.models import Membership, MembershipRole
from senate.participation.models import InductionItem as Item
from senate.participation.models import InductionStep

EVERYONE = [
    Item.CODE_OF_CONDUCT,
    Item.DECLARATIONS,
    Item.CONFIDENTIALITY,
    Item.SERVICE_CHANGE_TESTS,
    Item.HOW_PANELS_WORK,
]
BY_ROLE = {
    MembershipRole.CHAIR: [Item.CHAIRING],
    MembershipRole.VICE_CHAIR: [Item.CHAIRING],
    MembershipRole.PPV: [Item.PPV_ROLE],
}
# Done on the platform rather than ticked: the member has made a declaration of interests.
AUTOMATIC = frozenset({Item.DECLARATIONS})

GUIDANCE = {
    Item.CODE_OF_CONDUCT: "The Nolan principles and the Senate's code of conduct for members.",
    Item.DECLARATIONS: "Completed when you make your declaration of interests (or a nil return) on this site.",
    Item.CONFIDENTIALITY: "How official-sensitive papers are shared, read and kept, and why each opening is logged.",
    Item.SERVICE_CHANGE_TESTS: "The government's tests for service change and NHS England's best practice checks.",
    Item.HOW_PANELS_WORK: "How expert panels are formed, how conflicts are screened, and what a panel member does.",
    Item.CHAIRING: "Chairing Council meetings and panels: quorum, declarations at meetings, and decisions.",
    Item.PPV_ROLE: "The patient and public voice role, involvement payments, expenses claims and accessible papers.",
}


def checklist_for(role: str) -> list[Item]:
    return EVERYONE + BY_ROLE.get(MembershipRole(role), [])


def start_induction(membership: Membership, *, by: User | None = None) -> list[InductionStep]:
    """Give a new membership its induction checklist (once: a second call changes nothing)."""
    with transaction.atomic():
        have = set(membership.induction_steps.values_list("item", flat=True))
        new = [
            InductionStep(membership=membership, item=item, order=n)
            for n, item in enumerate(checklist_for(membership.role))
            if item not in have
        ]
        InductionStep.objects.bulk_create(new)
        if new:
            audit.record(
                "participation.induction_started",
                membership,
                by=by,
                senate=membership.senate,
                summary=f"{membership.profile}: induction started for the {membership.get_body_display()}",
                data={"person": membership.profile.user_id},
            )
    return list(membership.induction_steps.all())


class InductionRefused(ValueError):
    pass


def complete_step(step: InductionStep, *, by: User) -> InductionStep:
    if step.item in AUTOMATIC:
        raise InductionRefused("This item is completed by making your declaration of interests")
    if step.completed_at:
        return step
    with transaction.atomic():
        step.completed_at, step.completed_how = timezone.now(), InductionStep.How.MEMBER
        step.save(update_fields=["completed_at", "completed_how"])
        audit.record(
            "participation.induction_item_completed",
            step.membership,
            by=by,
            senate=step.membership.senate,
            summary=f"{step.membership.profile}: induction – {step.get_item_display()}",
            data={"person": step.membership.profile.user_id, "item": step.item},
        )
    return step


@dataclass(frozen=True)
class Row:
    step: InductionStep
    done: bool
    how: str
    guidance: str


def steps_with_progress(steps: QuerySet[InductionStep]) -> QuerySet[InductionStep]:
    """The steps, each knowing whether its member has declared (for the automatic item), in one query."""
    declared = Declaration.objects.filter(profile_id=OuterRef("membership__profile_id"))
    return steps.annotate(declared=Exists(declared)).select_related("membership__profile__user")


def rows(steps: Iterable[InductionStep]) -> list[Row]:
    return [_row(s) for s in steps]


def is_done(item: str, completed_at: object, declared: bool) -> bool:
    """Whether a step is done: the automatic item once its member has declared, any other once completed."""
    return bool(declared) if item in AUTOMATIC else completed_at is not None


def _row(step: InductionStep) -> Row:
    if step.item in AUTOMATIC:
        done = is_done(step.item, step.completed_at, getattr(step, "declared", False))
        return Row(step, done, "Done on this site" if done else "", GUIDANCE[Item(step.item)])
    how = f"Completed {timezone.localtime(step.completed_at):%-d %B %Y}" if step.completed_at else ""
    return Row(step, bool(step.completed_at), how, GUIDANCE[Item(step.item)])
