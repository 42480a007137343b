"""The declarations of interest of everyone on the panel and every Council member who took part in
the request's items: each version as recorded and superseded, which were in force at each point that
mattered (invited, attested, the Council meeting), and each attestation. In a disclosure bundle an
entry withheld from the public register (privacy or safety) is listed as withheld, its words left out."""

import datetime as dt
from collections import defaultdict
from typing import Any

from django.utils import timezone

from senate.bundles.contents import Part, Setting, Withheld, chronological, day, when
from senate.council.models import Attendance
from senate.interests.models import Attestation, DeclarationVersion
from senate.members.models import MemberProfile
from senate.panels.models import PanelMember

WITHHELD = "Withheld from the public register"


def part(setting: Setting) -> Part:
    r = setting.request
    found = Part("declarations", "Declarations of interest and attestations")
    seats = list(PanelMember.objects.filter(request=r).select_related("profile__user"))
    attended = list(
        Attendance.objects.filter(meeting__items__request=r, profile__isnull=False)
        .select_related("meeting", "profile__user")
        .distinct()
    )
    attestations = list(Attestation.objects.filter(request=r).select_related("profile__user").order_by("at", "id"))
    points = _points(seats, attended, attestations)
    versions = list(
        DeclarationVersion.objects.filter(declaration__profile_id__in={pk for pk, _, _ in points})
        .select_related("declaration", "organisation")
        .order_by("recorded_at", "id")
    )
    names = {p.pk: str(p) for p in _profiles(seats, attended, attestations)}
    hidden = _hidden(setting, versions, names, found)
    found.table(
        "declarations",
        "Every version of each declaration, as recorded and superseded",
        ["Member", "Declaration", "Version", "What was declared", "Recorded", "Superseded"],
        [[names.get(v.declaration.profile_id, ""), f"D{v.declaration_id}", str(v.number),
          WITHHELD if v.pk in hidden else describe(v), when(v.recorded_at), when(v.superseded_at)]
         for v in versions],
    )  # fmt: skip
    by_profile: dict[int, list[DeclarationVersion]] = defaultdict(list)
    for v in versions:
        by_profile[v.declaration.profile_id].append(v)
    found.table(
        "declarations_in_force",
        "The declarations in force at each point",
        ["When", "Member", "Point", "In force then"],
        chronological(
            [
                (at, [when(at), names.get(pk, ""), label, _in_force(by_profile[pk], at, hidden)])
                for pk, at, label in points
            ]
        ),
    )
    found.table(
        "attestations",
        "Attestations before opening the evidence",
        ["When", "Member", "Statement confirmed", "Declared for this review only"],
        [[when(a.at), str(a.profile), a.statement, a.specific] for a in attestations],
    )
    return found


def _points(seats: list[PanelMember], attended: list[Attendance], attestations: list[Attestation]) -> list[tuple]:
    points: list[tuple[Any, Any, str]] = [(s.profile_id, s.invited_at, "Invited to the panel") for s in seats]
    points += [(a.profile_id, a.at, "Attested") for a in attestations]
    points += [(a.profile_id, _end_of(a.meeting.date), f"{a.meeting} ({a.get_status_display()})") for a in attended]
    return points


def _profiles(seats: list[PanelMember], attended: list[Attendance], attested: list[Attestation]) -> list[MemberProfile]:
    return [s.profile for s in seats] + [a.profile for a in attended if a.profile] + [a.profile for a in attested]


def _end_of(on: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(on, dt.time.max))


def _hidden(setting: Setting, versions: list[DeclarationVersion], names: dict[int, str], found: Part) -> set[int]:
    """In a disclosure bundle, the versions whose words are left out, each listed once as withheld."""
    if not setting.disclosure:
        return set()
    hidden = {v.pk for v in versions if v.declaration.withheld or not v.may_publish}
    for v in versions:
        if v.pk in hidden:
            grounds = v.declaration.get_withheld_grounds_display() or "not for publication"
            what = f"Declaration D{v.declaration_id} v{v.number} of {names.get(v.declaration.profile_id, '')}"
            found.withheld.append(Withheld(what, f"{WITHHELD} ({grounds.lower()})", "Confidential record"))
    return hidden


def describe(v: DeclarationVersion) -> str:
    d = v.declaration
    parts = [d.get_kind_display(), v.get_category_display(), v.body_name, v.nature, v.relationship]
    dates = f"from {day(v.started_on)}" if v.started_on else ""
    dates += f" to {day(v.ended_on)}" if v.ended_on else ""
    value = f"£{v.value}" if v.value is not None else ""
    return ". ".join(p for p in [*parts, dates.strip(), value] if p)


def _in_force(versions: list[DeclarationVersion], at: dt.datetime, hidden: set[int]) -> str:
    live = [v for v in versions if v.recorded_at <= at and (v.superseded_at is None or v.superseded_at > at)]
    if not live:
        return "Nothing on the register"
    return "\n".join(f"D{v.declaration_id} v{v.number}: " + (WITHHELD if v.pk in hidden else _short(v)) for v in live)


def _short(v: DeclarationVersion) -> str:
    """The in-force table names each entry briefly; the declarations table above gives it in full."""
    return ", ".join(p for p in [v.get_category_display() or v.declaration.get_kind_display(), v.body_name] if p)
