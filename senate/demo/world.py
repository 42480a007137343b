"""The fictional demo world: synthetic trusts, councils and networks in every ICB area, and the
Councils and Assemblies of all nine Senates, built deterministically from a seed."""

import datetime as dt
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction

from senate.accounts import granting
from senate.accounts.models import NationalRole, NationalRoleAssignment, Role, RoleAssignment, User
from senate.demo import (
    assurance_world,
    beds_world,
    council_world,
    evidence_world,
    history_world,
    interests_world,
    joint_world,
    panels_world,
    participation_world,
    programme_world,
    recruitment_world,
    reports_world,
    requests_world,
)
from senate.demo.defaults import DEMO_PASSWORD, DEMO_REASON, DEMO_SENATE
from senate.demo.names import FIRST, LAST, PLACE_PREFIXES, TOWNS
from senate.members import appointments
from senate.members.models import (
    Affiliation,
    Body,
    Expertise,
    MemberProfile,
    Membership,
    MembershipRole,
    Profession,
    RoleDescription,
)
from senate.members.vocabulary import load_vocabulary
from senate.organisations.models import Organisation, OrganisationType, Region, Senate
from senate.organisations.reference.load import load_reference_data

Progress = Callable[[Iterable[Any], str, int], Iterable[Any]]


@dataclass(frozen=True)
class Scale:
    council: tuple[int, int]
    assembly: tuple[int, int]
    total_members: int | None = None
    past_reviews: int = 0  # closed reviews over the last ten years (senate.demo.history_world)


SCALES = {
    "demo": Scale(council=(25, 40), assembly=(200, 500)),
    "tiny": Scale(council=(3, 4), assembly=(5, 6)),
    "national": Scale(council=(30, 40), assembly=(1000, 1200), total_members=10_000, past_reviews=2_000),
}

# The demo records of the apps after members and interests: each module has build(rng, *, today) and runs
# in this order, inside the same transaction. They are demo's own modules, imported here (demo is the
# last app), so a part that cannot be imported stops the import of this module.
WORLD_PARTS: list[ModuleType] = [
    requests_world,
    joint_world,
    assurance_world,
    panels_world,
    evidence_world,
    beds_world,
    reports_world,
    council_world,
    programme_world,
    recruitment_world,
    participation_world,
]

# (email local part, name, role, body and membership role or None)
SIGN_INS = [
    ("chair", "Dr Helen Marsh", Role.CHAIR, (Body.COUNCIL, MembershipRole.CHAIR)),
    ("vice.chair", "Mr Kofi Mensah", Role.VICE_CHAIR, (Body.COUNCIL, MembershipRole.VICE_CHAIR)),
    ("manager", "Sarah Pennington", Role.MANAGER, None),
    ("council", "Dr Priya Raman", Role.COUNCIL_MEMBER, (Body.COUNCIL, MembershipRole.CLINICAL)),
    ("assembly", "Nurse Tom Ellery", Role.ASSEMBLY_MEMBER, (Body.ASSEMBLY, MembershipRole.RECRUITED)),
    ("requester", "Jo Whitfield", Role.REQUESTER, None),
    ("assurance", "Dr Anita Rao", Role.ASSURANCE_VIEWER, None),
]

# NHS England's national team: a role across every Senate, given by the system administrator.
NATIONAL_SIGN_IN = ("national", "Dr Nadia Okafor", NationalRole.NATIONAL_TEAM)

PROFESSION_WEIGHTS = [
    (Profession.DOCTOR, 34),
    (Profession.NURSE, 18),
    (Profession.AHP, 9),
    (Profession.MIDWIFE, 4),
    (Profession.PHARMACIST, 4),
    (Profession.PARAMEDIC, 3),
    (Profession.PSYCHOLOGIST, 3),
    (Profession.PUBLIC_HEALTH, 5),
    (Profession.SOCIAL_CARE, 5),
    (Profession.MANAGER, 6),
    (Profession.PPV, 8),
    (Profession.OTHER, 1),
]
JOB_TITLES = {
    Profession.DOCTOR: ["Consultant", "General practitioner", "Medical director", "Clinical lead"],
    Profession.NURSE: ["Director of nursing", "Advanced nurse practitioner", "Matron", "Nurse consultant"],
    Profession.AHP: ["Consultant physiotherapist", "Lead occupational therapist", "Speech and language therapist"],
    Profession.MIDWIFE: ["Director of midwifery", "Consultant midwife"],
    Profession.PHARMACIST: ["Chief pharmacist", "Consultant pharmacist"],
    Profession.PARAMEDIC: ["Consultant paramedic", "Clinical operations manager"],
    Profession.PSYCHOLOGIST: ["Consultant clinical psychologist"],
    Profession.PUBLIC_HEALTH: ["Director of public health", "Consultant in public health"],
    Profession.SOCIAL_CARE: ["Director of adult social services", "Principal social worker"],
    Profession.MANAGER: ["Chief operating officer", "Director of strategy", "Programme director"],
    Profession.PPV: ["Patient and public voice partner", "Expert by experience"],
    Profession.OTHER: ["Academic lead", "Healthwatch manager"],
}


def build(
    *, scale: str = "demo", seed: int = 2013, today: dt.date | None = None, progress: Progress | None = None
) -> dict[str, Any]:
    """Build the whole world in one transaction. Returns what was made and the demo sign-ins."""
    rng = random.Random(seed)
    today = today or dt.date.today()
    track = progress or (lambda items, _label, _total: items)
    with transaction.atomic():
        load_reference_data()
        load_vocabulary()
        orgs = _synthetic_organisations(rng)
        vocabulary = list(Expertise.objects.all())
        senates = list(Senate.objects.current(today).select_related("region"))
        counts = _members(rng, senates, orgs, vocabulary, SCALES[scale], today, track)
        sign_ins = _sign_ins(rng, orgs, vocabulary, today)
        interests_world.build(rng, today=today)
        for part in WORLD_PARTS:
            part.build(rng, today=today)
        if SCALES[scale].past_reviews:
            history_world.build(rng, today=today, count=SCALES[scale].past_reviews, progress=track)
    return {"members": counts, "sign_ins": sign_ins, "organisations": len(orgs)}


def _synthetic_organisations(rng: random.Random) -> list[Organisation]:
    made: list[Organisation] = []
    # Each fictional town once: sampling TOWNS repeated twenty times gave two "Foxton NHS Foundation
    # Trust"s in different ICBs (49 names twice over), and a member could declare against the wrong one.
    places = [*TOWNS, *(f"{side} {town}" for side in PLACE_PREFIXES for town in TOWNS)]
    towns = iter(rng.sample(places, k=len(places)))
    for icb in Organisation.objects.current().icbs().select_related("region").order_by("code"):
        for n in range(2):
            town = next(towns)
            kind = "NHS Foundation Trust" if n == 0 else "Hospitals NHS Trust"
            made.append(Organisation(code=f"{icb.code}T{n}", name=f"{town} {kind}", type=OrganisationType.TRUST))
        town = next(towns)
        made.append(Organisation(code=f"{icb.code}LA", name=f"{town} Council", type=OrganisationType.LOCAL_AUTHORITY))
        made.append(
            Organisation(
                code=f"{icb.code}HW",
                name=f"{town} Health and Wellbeing Board",
                type=OrganisationType.HEALTH_AND_WELLBEING_BOARD,
            )
        )
        made.append(
            Organisation(
                code=f"{icb.code}OS",
                name=f"{town} Health Overview and Scrutiny Committee",
                type=OrganisationType.OVERVIEW_AND_SCRUTINY,
            )
        )
        for org in made[-5:]:
            org.icb, org.region, org.is_synthetic = icb, icb.region, True
    for region in Region.objects.all():
        made.append(
            Organisation(
                code=f"{region.code}N",
                name=f"{region.name} Cardiovascular Clinical Network",
                type=OrganisationType.CLINICAL_NETWORK,
                region=region,
                is_synthetic=True,
            )
        )
        made.append(
            Organisation(
                code=f"{region.code}R",
                name=f"NHS England – {region.name}",
                type=OrganisationType.NHSE_REGIONAL,
                region=region,
                is_synthetic=True,
            )
        )
    Organisation.objects.bulk_create(made, ignore_conflicts=True)
    return list(Organisation.objects.filter(is_synthetic=True).select_related("icb", "region"))


def _members(
    rng: random.Random,
    senates: list[Senate],
    orgs: list[Organisation],
    vocabulary: list[Expertise],
    scale: Scale,
    today: dt.date,
    track: Progress,
) -> dict[str, int]:
    plan = [(s, rng.randint(*scale.council), rng.randint(*scale.assembly)) for s in senates]
    if scale.total_members:
        plan = _rescale(plan, scale.total_members)
    counts: dict[str, int] = {}
    for senate, council, assembly in track(plan, "Senates", len(plan)):
        descriptions = _role_descriptions(senate, today)
        local = [o for o in orgs if o.region_id == senate.region_id]
        made = _people(rng, senate, local, vocabulary, council + assembly, today)
        _memberships(rng, senate, made, council, descriptions, today)
        counts[senate.slug] = council + assembly
    return counts


def _rescale(plan: list[tuple[Senate, int, int]], total: int) -> list[tuple[Senate, int, int]]:
    per_senate = total // len(plan)
    return [(s, c, per_senate - c) for s, c, _a in plan]


def _role_descriptions(senate: Senate, today: dt.date) -> dict[str, RoleDescription]:
    made = {}
    for title in ("Council member", "Patient and public voice member", "Assembly member", "Chair"):
        made[title], _ = RoleDescription.objects.get_or_create(
            senate=senate,
            title=title,
            version="2.1",
            defaults={
                "approved_on": today.replace(month=1, day=15),
                "text": f"Role description for a {title.lower()} of the {senate.name}.",
            },
        )
    return made


def _people(
    rng: random.Random,
    senate: Senate,
    local: list[Organisation],
    vocabulary: list[Expertise],
    count: int,
    today: dt.date,
) -> list[MemberProfile]:
    password = "!" + "demo-unusable"  # unusable: only the printed sign-ins can sign in
    start = User.objects.count()
    users = [
        User(
            email=f"member{start + i:05d}.{senate.slug}@demo.senate.example",
            full_name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            password=password,
        )
        for i in range(count)
    ]
    users = User.objects.bulk_create(users)
    professions = [p for p, _w in PROFESSION_WEIGHTS]
    weights = [w for _p, w in PROFESSION_WEIGHTS]
    icbs = sorted({o.icb for o in local if o.icb}, key=lambda o: o.code)
    profiles = []
    for user in users:
        profession = rng.choices(professions, weights)[0]
        employer = _employer_for(rng, profession, local)
        profiles.append(
            MemberProfile(
                user=user,
                profession=profession,
                job_title=rng.choice(JOB_TITLES[profession]),
                employer=employer,
                region=senate.region,
                home_icb=rng.choice(icbs) if icbs else None,
                willing_to_serve_other_senates=rng.random() < 0.4,
                contact_preference=MemberProfile.Contact.EMAIL,
            )
        )
    profiles = MemberProfile.objects.bulk_create(profiles)
    _expertise(rng, profiles, vocabulary)
    _affiliations(rng, profiles, today)
    return profiles


def _employer_for(rng: random.Random, profession: str, local: list[Organisation]) -> Organisation | None:
    by_type: dict[str, str | None] = {
        Profession.PUBLIC_HEALTH: OrganisationType.LOCAL_AUTHORITY,
        Profession.SOCIAL_CARE: OrganisationType.LOCAL_AUTHORITY,
        Profession.PPV: None,
    }
    wanted = by_type.get(profession, OrganisationType.TRUST)
    if profession == Profession.MANAGER:
        wanted = rng.choice([OrganisationType.TRUST, OrganisationType.ICB])
    if profession == Profession.DOCTOR and rng.random() < 0.08:
        wanted = OrganisationType.CLINICAL_NETWORK
    if wanted is None:
        return None
    if wanted == OrganisationType.ICB:
        icbs = sorted({o.icb for o in local if o.icb}, key=lambda o: o.code)
        return rng.choice(icbs) if icbs else None
    choices = [o for o in local if o.type == wanted]
    return rng.choice(choices) if choices else None


def _expertise(rng: random.Random, profiles: list[MemberProfile], vocabulary: list[Expertise]) -> None:
    by_kind: dict[str, list[Expertise]] = {}
    for term in vocabulary:
        by_kind.setdefault(term.kind, []).append(term)
    through = MemberProfile.expertise.through
    rows = []
    for p in profiles:
        picks = _settings_for(rng, p.profession, by_kind["setting"])
        if p.profession not in (Profession.PPV, Profession.MANAGER):
            picks += rng.sample(by_kind["specialty"], k=rng.randint(1, 3))
        picks += rng.sample(by_kind["life_stage"], k=rng.randint(1, 3))
        picks += rng.sample(by_kind["outcomes_domain"], k=rng.randint(1, 2))
        rows += [through(memberprofile_id=p.pk, expertise_id=e.pk) for e in {e.pk: e for e in picks}.values()]
    through.objects.bulk_create(rows)


def _settings_for(rng: random.Random, profession: str, settings: list[Expertise]) -> list[Expertise]:
    code = {
        str(Profession.PUBLIC_HEALTH): "public-health-setting",
        str(Profession.SOCIAL_CARE): "social-care-setting",
    }.get(profession)
    if code:
        return [s for s in settings if s.code == code]
    if profession == Profession.PPV:
        return []
    clinical = [s for s in settings if s.code in {"community", "primary", "secondary", "tertiary"}]
    return rng.sample(clinical, k=rng.randint(1, 2))


def _affiliations(rng: random.Random, profiles: list[MemberProfile], today: dt.date) -> None:
    rows = [
        Affiliation(
            profile=p,
            organisation=p.employer,
            kind=Affiliation.Kind.EMPLOYED,
            role=p.job_title,
            start=today - dt.timedelta(days=rng.randint(200, 6000)),
        )
        for p in profiles
        if p.employer is not None
    ]
    Affiliation.objects.bulk_create(rows)


def _memberships(
    rng: random.Random,
    senate: Senate,
    profiles: list[MemberProfile],
    council: int,
    descriptions: dict[str, RoleDescription],
    today: dt.date,
) -> None:
    rows = []
    for i, p in enumerate(profiles):
        body = Body.COUNCIL if i < council else Body.ASSEMBLY
        years = senate.council_term_years if body == Body.COUNCIL else senate.assembly_term_years
        # Staggered terms protect continuity: some end within weeks, others in years.
        start = today - dt.timedelta(days=rng.randint(30, 365 * years - 10))
        end = start + dt.timedelta(days=round(365.25 * years))
        role = _membership_role(i, p, body)
        description = descriptions[
            "Patient and public voice member"
            if role == MembershipRole.PPV
            else ("Council member" if body == Body.COUNCIL else "Assembly member")
        ]
        rows.append(
            {
                "profile": p,
                "senate": senate,
                "body": body,
                "role": role,
                "starts": start,
                "ends": end,
                "term_number": rng.choice([1, 1, 1, 2]),
                "role_description": description,
                # The demo's many members never sign in; only its named sign-ins hold roles.
                "grant_sign_in_role": False,
                "today": today,
            }
        )
    appointments.appoint_all(rows, by=None, reason=DEMO_REASON)


def _membership_role(i: int, profile: MemberProfile, body: str) -> str:
    if profile.profession == Profession.PPV:
        return MembershipRole.PPV
    if body == Body.COUNCIL:
        return MembershipRole.NOMINATED if i % 7 == 3 else MembershipRole.CLINICAL
    return MembershipRole.RECRUITED


def _sign_ins(
    rng: random.Random, orgs: list[Organisation], vocabulary: list[Expertise], today: dt.date
) -> list[dict[str, str]]:
    senate = Senate.objects.get(slug=DEMO_SENATE)
    requester_org = Organisation.objects.current().icbs().filter(areas__senate=senate).order_by("code").first()
    password = make_password(DEMO_PASSWORD)
    made = []
    for local, name, role, membership in SIGN_INS:
        email = f"{local}@demo.senate.example"
        user, _ = User.objects.update_or_create(email=email, defaults={"full_name": name, "password": password})
        org = requester_org if role == Role.REQUESTER else None
        if not RoleAssignment.objects.filter(user=user, senate=senate, role=role, organisation=org).exists():
            granting.grant_role(person=user, senate=senate, role=role, organisation=org, by=None, reason=DEMO_REASON)
        if membership:
            _demo_membership(rng, user, senate, membership, vocabulary, today)
        made.append({"email": email, "role": role.label, "senate": senate.name})
    admin, _ = User.objects.update_or_create(
        email="admin@demo.senate.example",
        defaults={"full_name": "System Administrator", "password": password, "is_staff": True, "is_superuser": True},
    )
    made.append({"email": admin.email, "role": "System administrator", "senate": "All"})
    local, name, national_role = NATIONAL_SIGN_IN
    national, _ = User.objects.update_or_create(
        email=f"{local}@demo.senate.example", defaults={"full_name": name, "password": password}
    )
    if not NationalRoleAssignment.objects.filter(user=national, role=national_role).exists():
        granting.grant_national_role(person=national, role=national_role, by=admin, reason=DEMO_REASON)
    made.append({"email": national.email, "role": national_role.label, "senate": "All"})
    return made


def _demo_membership(
    rng: random.Random,
    user: User,
    senate: Senate,
    membership: tuple[str, str],
    vocabulary: list[Expertise],
    today: dt.date,
) -> None:
    body, role = membership
    trust = (
        Organisation.objects.filter(is_synthetic=True, type=OrganisationType.TRUST, region=senate.region)
        .order_by("code")
        .first()
    )
    profile, created = MemberProfile.objects.get_or_create(
        user=user,
        defaults={
            "profession": Profession.NURSE if body == Body.ASSEMBLY else Profession.DOCTOR,
            "job_title": "Consultant" if body == Body.COUNCIL else "Advanced nurse practitioner",
            "employer": trust,
            "region": senate.region,
            "home_icb": trust.icb if trust else None,
        },
    )
    if created:
        profile.expertise.set(
            [e for e in vocabulary if e.code in {"emergency-medicine", "secondary", "working-age-adults", "nhsof-3"}]
        )
    if not Membership.objects.filter(profile=profile, senate=senate, body=body).exists():
        appointments.appoint(
            profile=profile,
            senate=senate,
            body=body,
            role=role,
            starts=today - dt.timedelta(days=400),
            ends=today + dt.timedelta(days=60 if body == Body.ASSEMBLY else 700),
            by=None,
            reason=DEMO_REASON,
            today=today,
        )
