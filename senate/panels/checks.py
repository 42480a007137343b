"""Lifecycle checks this app adds to the request's acts (installed from PanelsConfig.ready)."""

import datetime as dt
from dataclasses import dataclass

from senate.reviews import lifecycle


@dataclass(frozen=True)
class Seat:
    """An accepted member as the composition rules see them: their skills and whether they come from
    outside the request's region."""

    skills: frozenset[str]
    out_of_region: bool


def composition_faults(
    seats: list[Seat],
    *,
    min_size: int,
    rules: list[tuple[str, int, str]],
    min_out_of_region: int,
    out_of_region_only: bool,
) -> list[str]:
    """Every way the accepted members fall short of the specification, in words for the Senate team.
    `rules` are (skill, minimum, label)."""
    faults = []
    if len(seats) < min_size:
        faults.append(f"The panel needs at least {min_size} members who have accepted; {len(seats)} have so far")
    for skill, minimum, label in rules:
        holding = sum(1 for s in seats if skill in s.skills)
        if holding < minimum:
            faults.append(f"The panel needs {minimum} ({label}) among those who have accepted; it has {holding}")
    outside = sum(1 for s in seats if s.out_of_region)
    if out_of_region_only and outside < len(seats):
        faults.append(f"Every member must come from outside the region; {len(seats) - outside} do not")
    elif outside < min_out_of_region:
        faults.append(f"The panel needs {min_out_of_region} members from outside the region; it has {outside}")
    return faults


def panel_recruited_check(request) -> str | None:
    """'Panel recruited' needs a specification, and the members who have accepted must meet it: its
    size, each counted expertise rule (a patient and public voice member, professions, specialties)
    and the out-of-region rules. A member who declined or was withdrawn counts for nothing."""
    from senate.panels.specs import spec_of

    return faults_of_recruited(request, spec_of(request))


def faults_of_recruited(request, spec, labels: dict[str, str] | None = None) -> str | None:
    """`panel_recruited_check` with the request's specification (and its rules) already read, and the
    skills' labels (`skills.skill_choices`) when the caller has read them."""
    from senate.panels import skills as sk
    from senate.panels.candidates import _home
    from senate.panels.models import PanelMember

    if spec is None:
        return "Set the panel specification before recording the panel as recruited"
    today = dt.date.today()
    accepted = PanelMember.objects.filter(request=request, status=PanelMember.Status.ACCEPTED).select_related("profile")
    senate = request.senate
    seats = [
        Seat(
            skills=frozenset(sk.skills_of(m.profile, council_of=senate.pk, on=today)),
            # As the optimiser counts it: the member's own region, or their home Senate's.
            out_of_region=(m.profile.region_id or _home(m.profile, senate, today).region_id) != senate.region_id,
        )
        for m in accepted.prefetch_related("profile__expertise", "profile__memberships__senate")
    ]
    labels = labels if labels is not None else dict(sk.skill_choices())
    rules = [(r.skill, r.minimum, sk.skill_label(r.skill, labels)) for r in spec.expertise_rules.all()]
    if spec.chair_from_council and not spec.out_of_region_only:
        rules.append((sk.COUNCIL, 1, "a member of this Senate's Clinical Council to chair it"))
    faults = composition_faults(
        seats,
        min_size=spec.min_size,
        rules=rules,
        min_out_of_region=spec.min_out_of_region,
        out_of_region_only=spec.out_of_region_only,
    )
    return ". ".join(faults) or None


def install() -> None:
    lifecycle.add_check("record_panel_recruited", panel_recruited_check)
