"""Applying for a vacancy, from the public form (no account until appointed), and the optional equality
monitoring return, which is stored apart and never linked to the application."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from senate.notifications.outbox import queue_email
from senate.organisations.models import Organisation
from senate.recruitment.models import Application, DeclaredInterest, EqualityMonitoring, Statement, Vacancy
from senate.recruitment.vacancies import RecruitmentRefused, current_description, is_taking_applications, record


@dataclass(frozen=True)
class Interest:
    category: str
    organisation: str
    nature: str


def submit_application(
    vacancy: Vacancy,
    *,
    full_name: str,
    email: str,
    profession: str,
    job_title: str,
    organisation: str,
    statements: dict[int, str],
    interests: list[Interest],
    consent: bool,
    today: dt.date | None = None,
) -> Application:
    """Record an application against the role description as it now stands, with a statement for each
    published criterion (by criterion id), and send the applicant their reference."""
    if not is_taking_applications(vacancy, today):
        raise RecruitmentRefused(
            f"This vacancy closed to applications on {vacancy.closes_on:%-d %B %Y}: applications are no longer taken"
        )
    if not consent:
        raise RecruitmentRefused("Confirm that the Senate may use your application to select a member")
    criteria = list(vacancy.criteria.all())
    missing = [c for c in criteria if not statements.get(c.pk, "").strip()]
    if missing:
        raise RecruitmentRefused(f"Write a statement against the criterion: {missing[0].text}")
    description = current_description(vacancy)
    assert description is not None  # every vacancy opens with version 1
    with transaction.atomic():
        application = Application.objects.create(
            vacancy=vacancy,
            description=description,
            full_name=full_name.strip(),
            email=email.strip().lower(),
            profession=profession,
            job_title=job_title,
            organisation=find_organisation(organisation),
            organisation_name=organisation.strip(),
            no_interests=not interests,
            consent=True,
        )
        Statement.objects.bulk_create(
            Statement(application=application, criterion=c, text=statements[c.pk].strip()) for c in criteria
        )
        DeclaredInterest.objects.bulk_create(
            DeclaredInterest(
                application=application,
                category=i.category,
                organisation=find_organisation(i.organisation),
                organisation_name=i.organisation.strip(),
                nature=i.nature.strip(),
            )
            for i in interests
        )
        # The applicant is not named in the Senate's trail beyond the reference the team sees anyway.
        record(
            vacancy,
            "application.submitted",
            by=None,
            summary=f"Application {application.reference} received",
            reference=application.reference,
        )
        queue_email(
            to=application.email,
            subject=f"Your application: {vacancy.title}",
            body=f"Dear {application.full_name},\n\nThank you for applying to be a member of the "
            f"{vacancy.senate.name} {vacancy.get_body_display()}. Your reference is {application.reference}.\n\n"
            f"Applications close on {vacancy.closes_on:%-d %B %Y}. We will email you at each step.\n",
            kind="recruitment.application_received",
            about=application,
            senate=vacancy.senate,
        )
    return application


def submit_monitoring(vacancy: Vacancy, *, age_band: str, sex: str, ethnicity: str, disability: str) -> None:
    """Keep one equality monitoring return for the vacancy; nothing in it names who gave it."""
    EqualityMonitoring.objects.create(
        vacancy=vacancy, age_band=age_band, sex=sex, ethnicity=ethnicity, disability=disability
    )


def find_organisation(text: str) -> Organisation | None:
    """The organisation named by its ODS-style code or exact name, for conflict screening; None when
    it is not in the list (the text is kept as written)."""
    text = text.strip()
    if not text:
        return None
    return (
        Organisation.objects.filter(code__iexact=text).first() or Organisation.objects.filter(name__iexact=text).first()
    )


FEWER_THAN = 5


def monitoring_summary(vacancy: Vacancy) -> list[tuple[str, list[tuple[str, str]]]]:
    """Counts per answer for each question, with any count under 5 shown as "fewer than 5" so that no
    small group can be picked out."""
    return _summary(_returns(vacancy))


def monitoring_of(vacancy: Vacancy) -> tuple[str, list[tuple[str, list[tuple[str, str]]]]]:
    """`returns_shown` and `monitoring_summary` from one read of the returns."""
    rows = _returns(vacancy)
    return _shown(len(rows)), _summary(rows)


def _returns(vacancy: Vacancy) -> list[dict[str, Any]]:
    fields = ("age_band", "sex", "ethnicity", "disability")
    return [dict(r) for r in EqualityMonitoring.objects.filter(vacancy=vacancy).values(*fields)]


def _summary(rows: list[dict[str, Any]]) -> list[tuple[str, list[tuple[str, str]]]]:
    questions: list[tuple[str, str, Any]] = [
        ("Age", "age_band", EqualityMonitoring.AgeBand),
        ("Sex", "sex", EqualityMonitoring.Sex),
        ("Ethnic group", "ethnicity", EqualityMonitoring.Ethnicity),
        ("Disability", "disability", EqualityMonitoring.YesNo),
    ]
    return [
        (label, [(str(c.label), _shown(sum(r[field] == c.value for r in rows))) for c in choices])
        for label, field, choices in questions
    ]


def _shown(count: int) -> str:
    # Zero too: "0" beside "fewer than 5" would let a reader work out the small group.
    return "fewer than 5" if count < FEWER_THAN else str(count)


def returns_shown(vacancy: Vacancy) -> str:
    return _shown(EqualityMonitoring.objects.filter(vacancy=vacancy).count())
