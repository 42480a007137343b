"""Demo recruitment in the South West Senate, one vacancy at each step, built through the same acts as
the pages: a patient and public voice Council role open with applications (and equality monitoring
returns), an Assembly role whose panel is scoring, one shortlisted for interview, and one appointed."""

import datetime as dt
import random
from typing import Any

from senate.accounts.models import User
from senate.members.models import Body, MembershipRole
from senate.organisations.models import Organisation, Senate
from senate.recruitment import applying, appointing, selection, vacancies
from senate.recruitment.models import Vacancy

CRITERIA = [
    "Understanding of how health and care services are planned and changed",
    "Ability to weigh evidence and give independent, constructive challenge",
    "Commitment to equality and to the voice of patients and the public",
]
APPLICANTS = ["Amara Okafor", "Ben Hartley", "Chloe Pritchard", "Dev Patel", "Eleanor Shaw", "Farid Haddad"]
Step = selection.Step


def build(rng: random.Random, *, today: dt.date) -> None:
    senate = Senate.objects.get(slug="south-west")
    manager = User.objects.get(email="manager@demo.senate.example")
    panel = [User.objects.get(email=f"{who}@demo.senate.example").profile for who in ("chair", "council")]
    orgs = list(Organisation.objects.filter(icb__isnull=False).order_by("pk")[:6])
    _open_ppv(senate, manager, rng, today, orgs)
    scoring = _closed(senate, manager, rng, today, "Assembly member: public health", panel, orgs, 40)
    # One panel member has scored one applicant; the rest of the panel's scores are still to come.
    member = scoring.panel.select_related("profile__user").first()
    assert member is not None
    free = [a for a in scoring.applications.order_by("pk") if not selection.why_not_score(member, a, Step.SHORTLISTING)]
    if free:
        selection.submit_score(
            free[0],
            member=member,
            step=Step.SHORTLISTING,
            marks=_marks(scoring, rng),
            comment="Strong on evidence.",
            by=member.profile.user,
        )
    shortlisted = _closed(senate, manager, rng, today, "Assembly member: older people", panel, orgs, 60)
    _shortlist(shortlisted, manager, rng, today)
    filled = _closed(senate, manager, rng, today, "Council member: social care", panel, orgs, 90, body=Body.COUNCIL)
    _shortlist(filled, manager, rng, today)
    _score_all(filled, Step.INTERVIEW, rng)
    applications = list(filled.applications.filter(status="shortlisted"))
    feedback = {
        a.pk: "Thank you: the panel valued your experience; see the criteria for where you scored."
        for a in filled.applications.all()
    }
    selection.decide(
        filled,
        chosen=applications[0],
        by=manager,
        feedback=feedback,
        reasons="Scored highest against all three criteria at interview.",
    )
    appointing.appoint_chosen(filled, by=manager, today=today)


def _open_ppv(senate: Senate, manager: User, rng: random.Random, today: dt.date, orgs: list[Any]) -> None:
    vacancy = vacancies.open_vacancy(
        senate=senate,
        title="Council patient and public voice member",
        body=Body.COUNCIL,
        role=MembershipRole.PPV,
        description="Brings the experience of patients, carers and the public to the Council's advice.",
        criteria=CRITERIA,
        term_start=today + dt.timedelta(days=75),
        term_end=today + dt.timedelta(days=75 + 3 * 365),
        time_commitment="1 to 2 days a month",
        closes_on=today + dt.timedelta(days=21),
        by=manager,
        gap="No current Council member covers patients and the public",
        gap_code="constituency:ppv",
        involvement_payment="£150 for a day, £75 for half a day, at NHS England's involvement payment rates.",
        expenses_policy="Travel, subsistence and carers' costs are paid at cost, claimed monthly with receipts.",
        today=today,
    )
    for name in APPLICANTS[:3]:
        _apply(vacancy, name, rng, orgs, today)
    for _ in range(6):
        applying.submit_monitoring(
            vacancy,
            age_band=rng.choice(["35_49", "50_64"]),
            sex=rng.choice(["female", "male"]),
            ethnicity="white",
            disability="no",
        )


def _closed(
    senate: Senate,
    manager: User,
    rng: random.Random,
    today: dt.date,
    title: str,
    panel: list[Any],
    orgs: list[Any],
    days_ago: int,
    body: str = Body.ASSEMBLY,
) -> Vacancy:
    opened = today - dt.timedelta(days=days_ago)
    vacancy = vacancies.open_vacancy(
        senate=senate,
        title=title,
        body=body,
        role=MembershipRole.RECRUITED,
        description=f"{title}: brings this expertise to the Senate's reviews and panels.",
        criteria=CRITERIA,
        term_start=today + dt.timedelta(days=30),
        term_end=today + dt.timedelta(days=30 + 3 * 365),
        time_commitment="About 1 day a month",
        closes_on=opened + dt.timedelta(days=28),
        by=manager,
        today=opened,
    )
    for name in rng.sample(APPLICANTS, 3):
        _apply(vacancy, name, rng, orgs, opened)
    vacancies.close_applications(vacancy, by=manager, today=today)
    for profile in panel:
        selection.add_panel_member(vacancy, profile=profile, by=manager)
    return vacancy


def _shortlist(vacancy: Vacancy, manager: User, rng: random.Random, today: dt.date) -> None:
    _score_all(vacancy, Step.SHORTLISTING, rng)
    applications = list(vacancy.applications.order_by("pk"))
    selection.shortlist(vacancy, chosen=applications[:2], by=manager)
    at = dt.datetime.combine(today + dt.timedelta(days=7), dt.time(10, 0), tzinfo=dt.UTC)
    applications[0].refresh_from_db()
    selection.set_interview(applications[0], at=at, by=manager)


def _score_all(vacancy: Vacancy, step: str, rng: random.Random) -> None:
    for application in vacancy.applications.order_by("pk"):
        for member in vacancy.panel.select_related("profile__user"):
            if selection.why_not_score(member, application, step) is None:
                selection.submit_score(
                    application,
                    member=member,
                    step=step,
                    marks=_marks(vacancy, rng),
                    comment="",
                    by=member.profile.user,
                )


def _marks(vacancy: Vacancy, rng: random.Random) -> dict[int, int]:
    return {c.pk: rng.randint(1, 4) for c in vacancy.criteria.all()}


def _apply(vacancy: Vacancy, name: str, rng: random.Random, orgs: list[Any], today: dt.date) -> None:
    applying.submit_application(
        vacancy,
        full_name=name,
        email=f"{name.split()[0].lower()}.{vacancy.pk}@example.org",
        profession=rng.choice(["ppv", "public_health", "nurse", "social_care"]),
        job_title="",
        organisation=rng.choice(orgs).code if orgs else "",
        statements={c.pk: f"{name}: my experience of {c.text.lower()}." for c in vacancy.criteria.all()},
        interests=[],
        consent=True,
        today=today,
    )
