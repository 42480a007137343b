import datetime as dt

from senate.members.models import Body, MembershipRole
from senate.members.tests.factories import MembershipFactory
from senate.organisations.models import Senate
from senate.recruitment import applying, selection, vacancies


def open_vacancy(by=None, *, closes_in=10, role=MembershipRole.RECRUITED, **extra):
    today = dt.date.today()
    fields = {
        "senate": Senate.objects.get(slug="south-west"),
        "title": "Assembly member: public health",
        "body": Body.ASSEMBLY,
        "role": role,
        "description": "Brings public health expertise to reviews.",
        "criteria": ["Knowledge of population health", "Working across organisations"],
        "term_start": today + dt.timedelta(days=60),
        "term_end": today + dt.timedelta(days=60 + 3 * 365),
        "time_commitment": "1 day a month",
        "closes_on": today + dt.timedelta(days=closes_in),
        "by": by,
    }
    fields.update(extra)
    return vacancies.open_vacancy(**fields)


def apply(vacancy, name="Ada Applicant", email=None, organisation="", interests=()):
    return applying.submit_application(
        vacancy,
        full_name=name,
        email=email or f"{name.split()[0].lower()}@example.org",
        profession="public_health",
        job_title="Consultant in public health",
        organisation=organisation,
        statements={c.pk: f"{name} on {c.text}" for c in vacancy.criteria.all()},
        interests=list(interests),
        consent=True,
    )


def close(vacancy, by=None):
    vacancy.closes_on = dt.date.today() - dt.timedelta(days=1)
    vacancy.save(update_fields=["closes_on"])
    return vacancies.close_applications(vacancy, by=by)


def panel_of(vacancy, *users, by=None):
    members = []
    for user in users:
        membership = (
            MembershipFactory(profile__user=user, body=Body.COUNCIL, role=MembershipRole.CLINICAL)
            if not hasattr(user, "profile")
            else None
        )
        profile = user.profile if membership is None else membership.profile
        members.append(selection.add_panel_member(vacancy, profile=profile, by=by))
    return members


def score_all(vacancy, members, step, mark=3):
    for application in vacancy.applications.all():
        for m in members:
            if selection.why_not_score(m, application, step) is None:
                selection.submit_score(
                    application,
                    member=m,
                    step=step,
                    marks={c.pk: mark for c in vacancy.criteria.all()},
                    comment="",
                    by=m.profile.user,
                )
