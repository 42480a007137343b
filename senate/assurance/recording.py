"""Recording a proposal's place in service change: the context (which checkpoint the advice informs,
capital, the HOSC's view, notifiable, an urgent temporary change) and its dated steps. Every change
writes an audit event in the same transaction; a refused change writes nothing and names the field."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction

from senate.accounts.models import User
from senate.assurance.models import AssuranceContext, AssuranceEvent, Informs, Step
from senate.core import audit
from senate.reviews.deadlines import set_advice_deadline
from senate.reviews.models import AdviceKind, Request

# Steps that happen once: recording one again corrects its date and outcome.
REPEATABLE = frozenset({Step.CALL_IN_REQUEST})


def is_urgent_temporary(request: Request) -> bool:
    return request.kind == AdviceKind.URGENT_TEMPORARY


class Refused(Exception):
    """Holds {field: message} for the form that asked."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(" ".join(problems.values()))
        self.problems = problems


def _day(value: Any) -> Any:
    """A date as the history pages show it (the audit trail stores plain JSON)."""
    return value.strftime("%-d %B %Y") if isinstance(value, dt.date) else value


def step_label(step: str) -> str:
    """A step's name, as the Senate calls it (stage numbering beyond stage 2 is not confirmed)."""
    labels: dict[str, str] = getattr(settings, "ASSURANCE_STEP_LABELS", {})
    return labels.get(step) or str(Step(step).label)


def context_of(request: Request) -> AssuranceContext:
    """The request's context, unsaved when nothing has been recorded yet."""
    found = AssuranceContext.objects.filter(request=request).prefetch_related("events").first()
    return found or AssuranceContext(request=request)


def dates(context: AssuranceContext) -> dict[str, dt.date]:
    """The date of each one-off step recorded (the latest, if recorded twice)."""
    if context.pk is None:
        return {}
    return {e.step: e.on for e in context.events.all()}


def step_problems(context: AssuranceContext, step: str, on: dt.date) -> dict[str, str]:
    known = dates(context) | {step: on}
    problems: dict[str, str] = {}

    def after(later: str, earlier: str, message: str, strictly: bool = False) -> None:
        if later in known and earlier in known and step in (later, earlier):
            if known[later] < known[earlier] or (strictly and known[later] == known[earlier]):
                problems["on"] = message.format(earlier=known[earlier].strftime("%-d %B %Y"))

    after(Step.CONSULTATION_END, Step.CONSULTATION_START, "The consultation must end after it starts ({earlier})", True)
    after(
        Step.CHECKPOINT, Step.SENSE_CHECK, "The stage 2 checkpoint cannot be before the stage 1 sense check ({earlier})"
    )
    after(Step.DECISION, Step.CHECKPOINT, "The decision cannot be before the stage 2 checkpoint ({earlier})")
    after(Step.DECISION, Step.CONSULTATION_END, "The decision cannot be before the consultation ends ({earlier})")
    after(Step.DMBC, Step.CONSULTATION_END, "The decision-making business case follows the consultation ({earlier})")
    if step == Step.SOS_NOTIFIED and is_urgent_temporary(context.request):
        problems["step"] = "An urgent temporary change is not notifiable to the Secretary of State"
    return problems


def record_step(
    *, request: Request, step: str, on: dt.date, by: User, body: str = "", outcome: str = ""
) -> AssuranceEvent:
    with transaction.atomic():
        context = _saved_context(request)
        problems = step_problems(context, step, on)
        if problems:
            raise Refused(problems)
        event = context.events.filter(step=step).first() if step not in REPEATABLE else None
        before = event.on if event else None
        if event is None:
            event = AssuranceEvent(context=context, step=step, recorded_by=by)
        event.on, event.body, event.outcome = on, body, outcome
        event.save()
        if step == Step.SOS_NOTIFIED and context.notifiable is not True:
            context.notifiable = True
            context.save(update_fields=["notifiable"])
        audit.record(
            "assurance.step_recorded",
            request,
            by=by,
            senate=request.senate,
            summary=f"{request.reference}: {step_label(step)} on {on:%-d %B %Y}",
            data={"step": step, "changed": {step_label(step): [_day(before), _day(on)]}, "outcome": outcome},
        )
    return event


def context_problems(request: Request, values: dict[str, Any]) -> dict[str, str]:
    problems = {}
    urgent = is_urgent_temporary(request)
    if urgent and values.get("notifiable"):
        problems["notifiable"] = "An urgent temporary change is not notifiable to the Secretary of State"
    if urgent and not values.get("temporary_review_date"):
        problems["temporary_review_date"] = "Enter the date the temporary change must be looked at again"
    return problems


def set_context(*, request: Request, by: User, **values: object) -> AssuranceContext:
    problems = context_problems(request, values)
    if problems:
        raise Refused(problems)
    with transaction.atomic():
        context = _saved_context(request)
        changed = {}
        for field, value in values.items():
            if getattr(context, field) != value:
                changed[field] = [_day(getattr(context, field)), _day(value)]
                setattr(context, field, value)
        if changed:
            context.save()
            audit.record(
                "assurance.context_changed",
                request,
                by=by,
                senate=request.senate,
                summary=f"{request.reference}: assurance context changed",
                data={"changed": changed},
            )
    return context


def _saved_context(request: Request) -> AssuranceContext:
    context, _ = AssuranceContext.objects.select_for_update().get_or_create(request=request)
    return context


def proposed_deadline(context: AssuranceContext) -> tuple[dt.date, str] | None:
    """When the Senate's advice is needed, from the checkpoint it informs: the day before it. Without
    that checkpoint's date, before public consultation starts (advice informs the checkpoint before it)."""
    known = dates(context)
    wanted = {
        Informs.SENSE_CHECK: [Step.SENSE_CHECK],
        Informs.CHECKPOINT: [Step.CHECKPOINT, Step.CONSULTATION_START],
        Informs.DECISION: [Step.DECISION, Step.DMBC],
    }.get(context.informs, [Step.CHECKPOINT, Step.CONSULTATION_START, Step.DECISION])  # type: ignore[call-overload]
    for step in wanted:
        if step in known:
            return known[step] - dt.timedelta(days=1), f"Advice needed before {_in_a_sentence(step_label(step))}"
    return None


def _in_a_sentence(label: str) -> str:
    return label if label.startswith("NHS") else label[0].lower() + label[1:]


def deadline_to_accept(context: AssuranceContext) -> tuple[dt.date, str] | None:
    """The deadline proposed from the assurance dates when it differs from the Senate's deadline for the
    request (the one the work queue and reminders follow): None once it has been accepted. A checkpoint
    that moves afterwards proposes again; the accepted deadline stays until the Senate team accepts anew."""
    proposal = proposed_deadline(context) if context.pk is not None else None
    request = context.request
    if proposal is None or (request.advice_due_on, request.advice_due_for) == proposal:
        return None
    return proposal


def set_deadline(*, request: Request, by: User) -> AssuranceContext:
    """Accept the proposed deadline: it becomes the request's own deadline for the Senate's advice
    (reviews.deadlines: the request page, the work queue and the reminders follow it), audited there and
    here, in one transaction."""
    with transaction.atomic():
        context = _saved_context(request)
        proposal = proposed_deadline(context)
        if proposal is None:
            raise Refused({"deadline": "Record the date of the checkpoint the advice informs first"})
        before = context.advice_needed_by
        context.advice_needed_by, context.advice_needed_for = proposal
        context.save(update_fields=["advice_needed_by", "advice_needed_for"])
        set_advice_deadline(request=request, on=proposal[0], why=proposal[1], by=by)
        audit.record(
            "assurance.deadline_set",
            request,
            by=by,
            senate=request.senate,
            summary=f"{request.reference}: {proposal[1]} ({proposal[0]:%-d %B %Y})",
            data={"changed": {"advice needed by": [_day(before), _day(proposal[0])]}},
        )
    return context
