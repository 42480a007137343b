"""Invited witnesses and experts who give evidence to a request's panel (issue 16): who they are,
what they spoke to, their declaration of interests screened against the request with the rules a
member's declaration is screened by (interests.screening's severities on interests.facts' plain
values), and the Senate team's decision with its reason. Evidence and reports list the witnesses
heard through `lines_for`, which they look up by name (they sit above participation)."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from senate.accounts.models import User
from senate.core import audit
from senate.interests import places
from senate.interests.facts import ReviewFacts, facts_for_request
from senate.interests.models import Category
from senate.interests.screening import Conflict, Severity
from senate.organisations.models import Organisation
from senate.participation.models import Witness, WitnessInterest
from senate.reviews.models import Request


class WitnessRefused(ValueError):
    """The message names what is wrong, for the form."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Declared:
    """One entry of a declaration as entered: the organisation (named as the witness gave it), the
    NHS category and the nature of the interest."""

    organisation: str
    category: str
    nature: str


def known_organisation(name: str) -> Organisation | None:
    """The organisation a witness named, when the Senate knows it by its name or code."""
    name = name.strip()
    if not name:
        return None
    return Organisation.objects.filter(Q(name__iexact=name) | Q(code__iexact=name)).first()


def record_witness(
    *,
    request: Request,
    name: str,
    organisation: str,
    kind: str,
    spoke_to: str,
    heard_on: dt.date,
    declared: list[Declared],
    nothing_to_declare: bool = False,
    by: User,
) -> Witness:
    entries = [d for d in declared if d.organisation.strip() or d.nature.strip()]
    if not name.strip():
        raise WitnessRefused("Enter the witness's name", "name")
    if not spoke_to.strip():
        raise WitnessRefused("Say what the witness spoke to", "spoke_to")
    if not entries and not nothing_to_declare:
        raise WitnessRefused(
            "Record the witness's declaration of interests, or confirm they declared none", "nothing_to_declare"
        )
    if entries and nothing_to_declare:
        raise WitnessRefused("The witness declared interests: untick 'nothing to declare'", "nothing_to_declare")
    for d in entries:
        if not d.organisation.strip() or not d.nature.strip():
            raise WitnessRefused("Give both the organisation and the nature of each interest declared", "interests")
    known = known_organisation(organisation)
    with transaction.atomic():
        witness = Witness.objects.create(
            request=request,
            name=name.strip(),
            organisation=known,
            organisation_name="" if known else organisation.strip(),
            kind=kind,
            spoke_to=spoke_to.strip(),
            heard_on=heard_on,
            nothing_to_declare=nothing_to_declare,
            recorded_by=by,
        )
        for d in entries:
            org = known_organisation(d.organisation)
            WitnessInterest.objects.create(
                witness=witness,
                organisation=org,
                organisation_name="" if org else d.organisation.strip(),
                category=d.category,
                nature=d.nature.strip(),
            )
        found = screen_witness(witness)
        audit.record(
            "participation.witness_recorded",
            witness,
            by=by,
            senate=request.senate,
            summary=f"{witness.name} recorded as a witness to {request.reference or request.title}",
            data={
                "request": request.pk,
                "screening": outcome(found).label,
                "conflicts": [c.as_record() for c in found],
            },
        )
    return witness


def screen_witness(witness: Witness, facts: ReviewFacts | None = None) -> list[Conflict]:
    """Every possible conflict of a witness with the request, most severe first: the member's rules
    for an employer or a declared interest in the requester, the sponsor or an affected organisation
    (high for employment and financial interests, medium otherwise), and an interest naming a place
    the request affects (one step lower)."""
    facts = facts or facts_for_request(witness.request)
    parties = {org: "an affected organisation" for org in facts.affected_organisation_ids}
    if facts.sponsor_organisation_id:
        parties[facts.sponsor_organisation_id] = "the sponsoring commissioner"
    if facts.requesting_organisation_id:
        parties[facts.requesting_organisation_id] = "the requesting organisation"
    phrases = places.phrases(facts.places) if facts.places else {}
    found: dict[str, Conflict] = {}
    if witness.organisation_id in parties:
        org = witness.organisation_id
        reason = f"Works for {witness.organisation_label}, {parties[org]}"
        found[f"employed:{org}"] = Conflict(f"employed:{org}", "role", Severity.HIGH, reason, org)
    for entry in witness.interests.all():
        category = Category(entry.category)
        severity = Severity.HIGH if category == Category.FINANCIAL else Severity.MEDIUM
        what = f"Declared a {category.label[0].lower()}{category.label[1:]}"
        if entry.organisation_id in parties:
            org = entry.organisation_id
            reason = f"{what} in {entry.organisation_label}, {parties[org]}: {entry.nature[:120]}"
            found[f"declared:{entry.pk}:organisation"] = Conflict(
                f"declared:{entry.pk}:organisation", "declared", severity, reason, org, category
            )
            continue
        place = places.first_match(phrases, (entry.organisation_label, entry.nature)) if phrases else ""
        if place:
            lower = Severity.MEDIUM if severity == Severity.HIGH else Severity.LOW
            reason = (
                f"{what} in {entry.organisation_label}, which names {place}, a place affected: {entry.nature[:120]}"
            )
            found[f"declared:{entry.pk}:place"] = Conflict(
                f"declared:{entry.pk}:place", "declared", lower, reason, None, category
            )
    order = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}
    return sorted(found.values(), key=lambda c: (order[c.severity], c.reason))


class Outcome:
    def __init__(self, key: str, label: str, colour: str):
        self.key, self.label, self.colour = key, label, colour


CONFLICT = Outcome("conflict", "Conflict", "red")
POSSIBLE = Outcome("possible", "Possible conflict", "orange")
NONE = Outcome("none", "No conflict found", "green")


def outcome(conflicts: list[Conflict]) -> Outcome:
    if any(c.severity == Severity.HIGH for c in conflicts):
        return CONFLICT
    return POSSIBLE if conflicts else NONE


def decide_witness(*, witness: Witness, decision: str, reason: str, by: User) -> Witness:
    """The Senate team's decision on how the witness's interests are handled. A reason is always
    given when screening found anything, or when the witness is not heard."""
    found = screen_witness(witness)
    if not reason.strip() and (found or decision == Witness.Decision.NOT_HEARD):
        raise WitnessRefused("Give the reason for the decision: it is kept with the witness's record", "reason")
    if decision == Witness.Decision.HEAR and outcome(found) is CONFLICT:
        raise WitnessRefused(
            "Screening found a conflict: note the interest in the report, or do not hear the evidence", "decision"
        )
    before = witness.decision
    with transaction.atomic():
        witness.decision, witness.decision_reason = decision, reason.strip()
        witness.decided_by, witness.decided_at = by, timezone.now()
        witness.save(update_fields=["decision", "decision_reason", "decided_by", "decided_at"])
        audit.record(
            "participation.witness_decided",
            witness,
            by=by,
            senate=witness.request.senate,
            summary=f"{witness.name}: {witness.get_decision_display().lower()}",
            data={"request": witness.request_id, "reason": reason.strip(), "changed": {"decision": [before, decision]}},
        )
    return witness


def witnesses_of(request: Request) -> Any:
    return (
        Witness.objects.filter(request=request)
        .select_related("organisation")
        .prefetch_related("interests__organisation")
    )


def heard(request: Request) -> Any:
    return witnesses_of(request).exclude(decision=Witness.Decision.NOT_HEARD)


def line(witness: Witness) -> str:
    """How the evidence list and the report name a witness's evidence."""
    org = f" ({witness.organisation_label})" if witness.organisation_label else ""
    return (
        f"Witness: {witness.name}{org}, {witness.get_kind_display().lower()}, "
        f"{witness.heard_on:%-d %B %Y}: spoke to {witness.spoke_to}"
    )


def declared_line(witness: Witness) -> str:
    if witness.nothing_to_declare or not witness.interests.all():
        return "Nothing to declare"
    said = "; ".join(f"{i.nature} ({i.organisation_label})" for i in witness.interests.all())
    return f"Declared: {said}"


def lines_for(user: User, request: Request) -> list[str]:
    """The witnesses heard, one line each, for the evidence page (to those who may read them) and,
    with user None, for the report, with what each declared."""
    from senate.participation.permission_names import ParticipationPermission as P

    if user is not None and not user.has_perm(P.VIEW_WITNESSES, request):
        return []
    return [line(w) if user is not None else f"{line(w)}. {declared_line(w)}." for w in heard(request)]
