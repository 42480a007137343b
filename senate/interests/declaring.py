"""A member's own declarations: new interests, gifts and hospitality, changes (a new version, never an
overwrite), ending an interest, nil returns and confirming the register is current. Each act writes
its rows and an audit event in one transaction; a refused act writes nothing."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone

from senate.accounts.models import User
from senate.core import audit
from senate.interests.models import Declaration, DeclarationVersion, Kind, RegisterConfirmation
from senate.members.models import Expertise, MemberProfile

VERSION_FIELDS = (
    "category",
    "organisation",
    "organisation_name",
    "nature",
    "relationship",
    "places",
    "started_on",
    "ended_on",
    "value",
    "accepted",
    "may_publish",
)
CONFIRMATION = "I confirm that my declarations of interest are complete and up to date."


class DeclarationRefused(ValueError):
    """The act would make the register wrong; the message says why, in words for the member."""


def declare(
    profile: MemberProfile, *, kind: str, details: dict[str, Any], services: Iterable[str] = (), by: User
) -> Declaration:
    """Declare a new interest, gift or hospitality with its first version."""
    if kind not in (Kind.INTEREST, Kind.GIFT, Kind.HOSPITALITY):
        raise DeclarationRefused("Choose an interest, a gift or hospitality.")
    _check_dates(details)
    with transaction.atomic():
        declaration = Declaration.objects.create(profile=profile, kind=kind)
        version = _write_version(declaration, 1, details, services, by=by)
        audit.record(
            "interests.declared",
            declaration,
            by=by,
            summary=f"{declaration} declared",
            data={"version": version.number},
        )
    return declaration


def amend_declaration(
    declaration: Declaration,
    *,
    changes: dict[str, Any],
    services: Iterable[str] | None = None,
    note: str = "",
    by: User,
) -> DeclarationVersion:
    """Record a changed declaration as a new version; the old one is kept, marked superseded."""
    if declaration.kind == Kind.NIL:
        raise DeclarationRefused("A nil return cannot be changed. Declare the interest instead.")
    with transaction.atomic():
        current = _lock_current(declaration)
        details = {name: getattr(current, name) for name in VERSION_FIELDS} | changes
        _check_dates(details)
        codes = services if services is not None else [e.code for e in current.services.all()]
        version = _supersede_with(current, details, codes, note=note, by=by)
        audit.record(
            "interests.amended",
            declaration,
            by=by,
            summary=f"{declaration} changed (version {version.number})",
            data={"version": version.number, "fields": sorted(changes)},
        )
    return version


def end_declaration(declaration: Declaration, *, ended_on: dt.date, by: User) -> DeclarationVersion:
    """Record that an interest has ended, as a new version with the end date."""
    if declaration.kind == Kind.NIL:
        raise DeclarationRefused("A nil return has nothing to end.")
    with transaction.atomic():
        current = _lock_current(declaration)
        if current.started_on and ended_on < current.started_on:
            raise DeclarationRefused("The date the interest ended must be the same as or after the date it started")
        details = {name: getattr(current, name) for name in VERSION_FIELDS} | {"ended_on": ended_on}
        codes = [e.code for e in current.services.all()]
        version = _supersede_with(current, details, codes, note="Ended", by=by)
        audit.record("interests.ended", declaration, by=by, summary=f"{declaration} ended on {ended_on:%-d %B %Y}")
    return version


def make_nil_return(profile: MemberProfile, *, by: User, on: dt.date | None = None) -> Declaration:
    """Declare that the member has no interests to declare. Refused while they have open interests."""
    on = on or timezone.localdate()
    with transaction.atomic():
        if _open_interests(profile, on):
            raise DeclarationRefused(
                "You have interests that have not ended. End them first, or confirm that your declarations are up to date."
            )
        declaration = Declaration.objects.create(profile=profile, kind=Kind.NIL)
        _write_version(declaration, 1, {"started_on": on, "nature": "No interests to declare"}, (), by=by)
        audit.record("interests.nil_return", declaration, by=by, summary=f"Nil return by {profile}")
    return declaration


def confirm_register(profile: MemberProfile, *, by: User) -> RegisterConfirmation:
    """The member confirms their declarations are complete and current (their annual return)."""
    with transaction.atomic():
        confirmation = RegisterConfirmation.objects.create(profile=profile, statement=CONFIRMATION)
        audit.record("interests.confirmed", confirmation, by=by, summary=f"{profile} confirmed their declarations")
    return confirmation


def _check_dates(details: dict[str, Any]) -> None:
    started, ended = details.get("started_on"), details.get("ended_on")
    if started and ended and ended < started:
        raise DeclarationRefused("The date the interest ended must be the same as or after the date it started")


def _lock_current(declaration: Declaration) -> DeclarationVersion:
    Declaration.objects.select_for_update().filter(pk=declaration.pk).first()
    current = declaration.versions.filter(superseded_at__isnull=True).order_by("-number").first()
    if current is None:
        raise DeclarationRefused("This declaration has no version to change.")
    return current


def _supersede_with(
    current: DeclarationVersion, details: dict[str, Any], services: Iterable[str], *, note: str, by: User
) -> DeclarationVersion:
    now = timezone.now()
    current.superseded_at = now
    current.save(update_fields=["superseded_at"])
    return _write_version(current.declaration, current.number + 1, details, services, by=by, note=note, at=now)


def _write_version(
    declaration: Declaration,
    number: int,
    details: dict[str, Any],
    services: Iterable[str],
    *,
    by: User,
    note: str = "",
    at: dt.datetime | None = None,
) -> DeclarationVersion:
    fields = {name: details[name] for name in VERSION_FIELDS if name in details}
    for text in ("organisation_name", "nature", "relationship", "places"):
        fields[text] = (fields.get(text) or "").strip()
    version = DeclarationVersion.objects.create(
        declaration=declaration, number=number, recorded_by=by, recorded_at=at or timezone.now(), note=note, **fields
    )
    codes = list(services)
    if codes:
        version.services.set(Expertise.objects.filter(code__in=codes))
    return version


def _open_interests(profile: MemberProfile, on: dt.date) -> bool:
    return (
        DeclarationVersion.objects.in_force()
        .filter(declaration__profile=profile, declaration__kind=Kind.INTEREST)
        .exclude(ended_on__lt=on)
        .exists()
    )
