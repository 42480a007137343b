"""The skills panel rules count: professions, expertise (specialties, care settings, life stages),
patient and public voice, and membership of the Council (for the chair). One vocabulary of strings,
shared with the interchange format (`skills` and `requirements[].skill`)."""

from senate.members.models import Expertise, MemberProfile, MembershipRole, Profession

PPV = "ppv"
COUNCIL = "council"
PROFESSION = "profession:"


def skill_choices() -> list[tuple[str, str]]:
    """Every skill a rule may count, labelled for a select box (PPV first, the commonest rule)."""
    choices = [(PPV, "Patient and public voice")]
    choices += [(PROFESSION + value, f"Profession: {label}") for value, label in Profession.choices if value != PPV]
    for e in Expertise.objects.order_by("kind", "order", "name"):
        choices.append((e.code, f"{e.get_kind_display()}: {e.name}"))
    return choices


def skill_label(skill: str, labels: dict[str, str] | None = None) -> str:
    if skill == COUNCIL:
        return "Clinical Council member (to chair)"
    labels = labels if labels is not None else dict(skill_choices())
    return labels.get(skill, skill).split(": ", 1)[-1]


def skills_of(profile: MemberProfile, *, council_of: int | None = None, on=None) -> set[str]:
    """A profile's skills. Needs `expertise` and `memberships` prefetched for long lists."""
    found = {PROFESSION + profile.profession} | {e.code for e in profile.expertise.all()}
    memberships = [m for m in profile.memberships.all() if is_current(m, on)]
    if profile.profession == Profession.PPV or any(m.role == MembershipRole.PPV for m in memberships):
        found.add(PPV)
    if council_of is not None and any(m.senate_id == council_of and m.body == "council" for m in memberships):
        found.add(COUNCIL)
    return found


def is_current(membership, on) -> bool:
    """The membership is in force on `on` (today when None)."""
    import datetime as dt

    on = on or dt.date.today()
    return membership.term_start <= on <= membership.term_end and (
        membership.ended_on is None or membership.ended_on > on
    )
