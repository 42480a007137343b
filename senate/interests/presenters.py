"""Page-shaped data for the NHS macros: summary-list cards, table rows and tags."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.urls import reverse
from django.utils import timezone

from senate.interests.conflict_policy import conflict_policy_for, money, threshold_advice
from senate.interests.due import LABELS, Status, due_rows
from senate.interests.facts import AdviceRequest, ReviewFacts
from senate.interests.models import ConflictPolicy, Declaration, DeclarationVersion, Kind
from senate.interests.screening import SEVERITY_LABELS, Severity
from senate.members.models import MemberProfile, Membership
from senate.organisations.models import Organisation, Senate

STATUS_COLOURS = {Status.NEVER: "red", Status.OVERDUE: "red", Status.DUE: "orange", Status.UP_TO_DATE: "green"}
SEVERITY_COLOURS = {Severity.HIGH: "red", Severity.MEDIUM: "orange", Severity.LOW: "grey"}


SEVERITY_TAGS = {s: {"text": SEVERITY_LABELS[s], "colour": SEVERITY_COLOURS[s]} for s in Severity}


def request_rows(
    request: AdviceRequest, facts: ReviewFacts | None = None, named: list[tuple[int, str]] | None = None
) -> list[dict[str, Any]]:
    """What screening reads from a request, as summary-list rows. `facts` and `named` (its
    organisations by name, `request_organisations`), when the page has read them already."""
    if facts is not None and named is not None:
        names = [name for pk, name in named if pk in facts.affected_organisation_ids]
    else:
        names = [o.name for o in request.affected_organisations.all()]
    affected = ", ".join(names) or "None named"
    if facts is not None and facts.service_names is not None:
        service_names: Iterable[str] = facts.service_names  # read with the facts: not asked twice
    else:
        service_names = (e.name for e in request.service_areas.all())
    services = ", ".join(service_names) or "None named"
    rows = [("Requested by", str(request.requesting_organisation))]
    if request.sponsor_organisation_id:
        rows.append(("Sponsoring commissioner", str(request.sponsor_organisation)))
    rows += [
        ("Affected organisations", affected),
        ("Services", services),
        ("Places", request.places or "None named"),
        ("Contentious", "Yes: living or working in the area counts" if request.contentious else "No"),
    ]
    return [{"key": {"text": k}, "value": {"text": v}} for k, v in rows]


def request_organisations(facts: ReviewFacts) -> list[tuple[int, str]]:
    """The organisations and ICB areas a request names, to filter its screening by, by name."""
    named = {facts.requesting_organisation_id, facts.sponsor_organisation_id} | set(facts.affected_organisation_ids)
    named |= set(facts.affected_icb_ids)
    wanted = [pk for pk in named if pk]
    if facts.names is not None and all(pk in facts.names for pk in wanted):
        # The names were read with the facts: sorted as the database sorts them (by code point, the
        # C collation of PostgreSQL and SQLite's own), not read a second time.
        return sorted(((pk, facts.names[pk]) for pk in wanted), key=lambda named: (named[1], named[0]))
    found = Organisation.objects.filter(pk__in=wanted).order_by("name", "pk")
    return list(found.values_list("pk", "name"))


def status_tag(status: Status) -> dict[str, str]:
    return {"text": LABELS[status], "colour": STATUS_COLOURS[status]}


def kind_label(declaration: Declaration, version: DeclarationVersion) -> str:
    if declaration.kind == Kind.INTEREST and version.category:
        return version.get_category_display()
    return declaration.get_kind_display()


def dates(version: DeclarationVersion) -> str:
    start = f"{version.started_on:%-d %B %Y}" if version.started_on else "Not given"
    return f"{start} to {version.ended_on:%-d %B %Y}" if version.ended_on else f"From {start}"


def version_rows(
    declaration: Declaration, version: DeclarationVersion, rules: ConflictPolicy | None = None
) -> list[dict[str, Any]]:
    """A declaration's details as summary-list rows."""
    rows = [
        ("Type", kind_label(declaration, version)),
        ("Organisation or body", version.body_name or "Not given"),
        ("Nature", version.nature or "Not given"),
    ]
    if version.relationship:
        rows.append(("Through", version.relationship))
    services = ", ".join(e.name for e in version.services.all())
    if services or version.places:
        rows.append(("Services and places", "; ".join(x for x in (services, version.places) if x)))
    if declaration.kind in (Kind.GIFT, Kind.HOSPITALITY):
        advice = threshold_advice(declaration.kind, version.value, rules) if rules else ""
        rows.append(
            (
                "Value",
                (money(version.value) if version.value is not None else "Not given")
                + (f" ({advice})" if advice else ""),
            )
        )
        rows.append(("Accepted", "Yes" if version.accepted else "No"))
    rows += [
        ("Dates", dates(version)),
        ("May be published", "Yes" if version.may_publish else "No"),
        ("Recorded", f"{timezone.localtime(version.recorded_at):%-d %B %Y at %H:%M} (version {version.number})"),
    ]
    return [{"key": {"text": k}, "value": {"text": v}} for k, v in rows]


def own_sections(
    declarations: list[Declaration], today: dt.date, rules: ConflictPolicy
) -> dict[str, list[dict[str, Any]]]:
    """The member's declarations as cards: current, ended, and nil returns."""
    sections: dict[str, list[dict[str, Any]]] = {"current": [], "ended": [], "nil": []}
    for d in declarations:
        v = d.current  # type: ignore[attr-defined]
        if v is None:
            continue
        where = "nil" if d.kind == Kind.NIL else ("ended" if v.ended_on and v.ended_on < today else "current")
        sections[where].append(
            {
                "pk": d.pk,
                "title": v.body_name or kind_label(d, v),
                "kind": d.kind,
                "rows": version_rows(d, v, rules),
                "recorded_at": v.recorded_at,
                "actions": _own_actions(d, where),
            }
        )
    return sections


def _own_actions(declaration: Declaration, where: str) -> list[dict[str, str]]:
    hidden = f"declaration {declaration.pk}"
    history = {
        "href": reverse("declarations:history", args=[declaration.pk]),
        "text": "History",
        "visuallyHiddenText": hidden,
    }
    if where == "nil":
        return [history]
    actions = [
        {"href": reverse("declarations:change", args=[declaration.pk]), "text": "Change", "visuallyHiddenText": hidden}
    ]
    if where == "current" and declaration.kind == Kind.INTEREST:
        actions.append(
            {"href": reverse("declarations:end", args=[declaration.pk]), "text": "End", "visuallyHiddenText": hidden}
        )
    return actions + [history]


def owed_by(profile: MemberProfile, today: dt.date) -> list[dict[str, Any]]:
    """What this member owes, per Senate they sit on now."""
    owed = []
    for senate in Senate.objects.filter(
        pk__in=Membership.objects.current(today).filter(profile=profile).values("senate_id")
    ):
        for row in due_rows(senate, today=today, profile=profile):
            if row.obligations:
                owed.append(
                    {
                        "senate": senate.name,
                        "status": row.status,
                        "obligations": row.obligations,
                        "overdue": bool(row.due_on and row.due_on < today),
                    }
                )
    return owed


def home_rules(profile: MemberProfile) -> Any:
    """The rules of the Senate the member sits on (the first, if several); the NHS defaults if none."""
    membership = Membership.objects.current().filter(profile=profile).select_related("senate").first()
    return conflict_policy_for(membership.senate if membership else None)


def saved_message(declaration: Declaration, profile: MemberProfile) -> str:
    """Thanks, and a gentle word if a new interest was declared later than the NHS 28 days."""
    version = declaration.versions.first()
    window = home_rules(profile).new_interest_days
    if declaration.kind == Kind.INTEREST and version and version.started_on:
        late = (timezone.localdate(version.recorded_at) - version.started_on).days
        if late > window:
            return f"Your declaration has been saved. It was made {late} days after the interest began; new interests should be declared within {window} days."
    return "Your declaration has been saved."


def initial_from(version: DeclarationVersion) -> dict[str, Any]:
    initial: dict[str, Any] = {
        name: getattr(version, name)
        for name in (
            "category",
            "organisation_name",
            "nature",
            "relationship",
            "places",
            "started_on",
            "ended_on",
            "value",
        )
    }
    initial["organisation"] = version.organisation
    initial["may_publish"] = str(version.may_publish)
    initial["accepted"] = str(version.accepted) if version.accepted is not None else ""
    initial["services"] = [e.code for e in version.services.all()]
    return initial
