"""The panel specification of a request: the rules, checked as plain functions, and saving them."""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from senate.core import audit
from senate.panels.models import ExpertiseRule, PanelSpec
from senate.reviews.stages import FINISHED, Stage

# Panel work starts once a request is accepted; invitations go only once the terms are approved.
NOT_YET = frozenset({Stage.DRAFT, Stage.RECEIVED, Stage.MORE_INFORMATION})
BEFORE_TERMS = frozenset({Stage.ACCEPTED, Stage.TOR_DRAFTED, Stage.TOR_AGREED})
LARGEST_PANEL = 30


@dataclass(frozen=True)
class Rule:
    skill: str
    minimum: int


# Stages in which a panel may not be changed: before the request is accepted, once it is finished, paused.
PANEL_CLOSED = NOT_YET | FINISHED | {Stage.PAUSED}


def panel_open(request) -> bool:
    return request.stage not in PANEL_CLOSED


def may_invite(request) -> tuple[bool, str]:
    if not panel_open(request):
        return False, f"Panels cannot be changed while the request is '{request.get_stage_display()}'."
    if request.stage in BEFORE_TERMS:
        return False, "Invitations can only be sent once the terms of reference are approved."
    return True, ""


def spec_errors(
    *,
    min_size: int,
    max_size: int,
    min_out_of_region: int,
    out_of_region_only: bool,
    starts_on: dt.date | None,
    ends_on: dt.date | None,
    rules: list[Rule],
) -> dict[str, str]:
    """Every fault in a specification, keyed by the field to show it next to."""
    errors: dict[str, str] = {}
    if min_size < 1:
        errors["min_size"] = "The smallest panel must have at least 1 member"
    if max_size < min_size:
        errors["max_size"] = "The largest panel size must be the same as or more than the smallest"
    elif max_size > LARGEST_PANEL:
        errors["max_size"] = f"The largest panel size must be {LARGEST_PANEL} or fewer"
    if min_out_of_region > max_size:
        errors["min_out_of_region"] = "Members from outside the region cannot be more than the largest panel size"
    if out_of_region_only and min_out_of_region:
        errors["min_out_of_region"] = "Leave this at 0 when every member must come from outside the region"
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = "The last panel date must be the same as or after the first"
    seen: set[str] = set()
    for i, rule in enumerate(rules, start=1):
        if rule.skill in seen:
            errors[f"rule_{i}_skill"] = "This expertise is already counted by another rule"
        elif rule.minimum < 1:
            errors[f"rule_{i}_minimum"] = "Enter how many panel members must hold this expertise, 1 or more"
        elif rule.minimum > max_size:
            errors[f"rule_{i}_minimum"] = "A rule cannot ask for more members than the largest panel size"
        seen.add(rule.skill)
    return errors


class SpecRefused(ValueError):
    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(errors.values()))


def save_spec(request, *, by, rules: list[Rule], **fields) -> PanelSpec:
    """Create or replace the request's specification and its rules, or raise SpecRefused."""
    if not panel_open(request):
        raise SpecRefused(
            {"__all__": f"The panel cannot be changed while the request is '{request.get_stage_display()}'"}
        )
    checked = {k: fields[k] for k in ("min_size", "max_size", "min_out_of_region", "out_of_region_only")}
    errors = spec_errors(starts_on=fields.get("starts_on"), ends_on=fields.get("ends_on"), rules=rules, **checked)
    if errors:
        raise SpecRefused(errors)
    with transaction.atomic():
        spec, created = PanelSpec.objects.update_or_create(request=request, defaults={**fields, "updated_by": by})
        spec.expertise_rules.all().delete()
        ExpertiseRule.objects.bulk_create(ExpertiseRule(spec=spec, skill=r.skill, minimum=r.minimum) for r in rules)
        audit.record(
            "panels.spec_saved",
            spec,
            by=by,
            senate=request.senate,
            summary=f"Panel specification {'set' if created else 'changed'} for {request}",
            data={"rules": [[r.skill, r.minimum] for r in rules], "min_size": spec.min_size, "max_size": spec.max_size},
        )
    return spec


def spec_of(request, *, rules: bool = True) -> PanelSpec | None:
    """The request's panel specification, with its rules unless `rules` is False (a page that needs
    only its dates)."""
    found = PanelSpec.objects.filter(request=request)
    return (found.prefetch_related("expertise_rules") if rules else found).first()
