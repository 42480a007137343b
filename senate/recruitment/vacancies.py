"""Opening a vacancy, publishing a new version of its role description, and closing it to applications.
Each act checks, writes and records its audit event in one transaction; a refusal writes nothing."""

import datetime as dt
from typing import Any

from django.db import transaction

from senate.accounts.models import User
from senate.core import audit
from senate.members.models import Body, MembershipRole
from senate.organisations.models import Senate
from senate.recruitment.models import Criterion, RoleDescriptionVersion, Stage, Vacancy


class RecruitmentRefused(ValueError):
    """The step would make the recruitment unfair or the record wrong; the message says why."""


def open_vacancy(
    *,
    senate: Senate,
    title: str,
    body: str,
    role: str,
    description: str,
    criteria: list[str],
    term_start: dt.date,
    term_end: dt.date,
    time_commitment: str,
    closes_on: dt.date,
    by: User,
    gap: str = "",
    gap_code: str = "",
    involvement_payment: str = "",
    expenses_policy: str = "",
    today: dt.date | None = None,
) -> Vacancy:
    """Open a vacancy to applications until `closes_on`, with version 1 of its role description and
    the criteria every application will be scored against."""
    today = today or dt.date.today()
    criteria = [c.strip() for c in criteria if c.strip()]
    _check(body, role, criteria, term_start, term_end, closes_on, today, involvement_payment, expenses_policy)
    with transaction.atomic():
        vacancy = Vacancy.objects.create(
            senate=senate,
            title=title,
            body=body,
            membership_role=role,
            gap=gap,
            gap_code=gap_code,
            term_start=term_start,
            term_end=term_end,
            time_commitment=time_commitment,
            involvement_payment=involvement_payment,
            expenses_policy=expenses_policy,
            closes_on=closes_on,
            created_by=by if getattr(by, "pk", None) else None,
        )
        Criterion.objects.bulk_create(
            Criterion(vacancy=vacancy, order=n, text=text) for n, text in enumerate(criteria, start=1)
        )
        RoleDescriptionVersion.objects.create(vacancy=vacancy, number=1, text=description, made_by=_who(by))
        record(
            vacancy,
            "vacancy.opened",
            by=by,
            summary=f"Vacancy opened: {title}, closing {closes_on:%-d %B %Y}",
            criteria=criteria,
            gap=gap,
        )
    return vacancy


def revise_description(vacancy: Vacancy, *, text: str, by: User) -> RoleDescriptionVersion:
    """A new version of the role description; earlier versions and the applications that answered
    them are kept."""
    if vacancy.stage != Stage.OPEN:
        raise RecruitmentRefused("The vacancy is closed to applications: its role description can no longer change")
    if not text.strip():
        raise RecruitmentRefused("Enter the role description")
    with transaction.atomic():
        latest = current_description(vacancy)
        if latest is not None and latest.text.strip() == text.strip():
            raise RecruitmentRefused("The role description is unchanged")
        number = (latest.number if latest else 0) + 1
        version = RoleDescriptionVersion.objects.create(vacancy=vacancy, number=number, text=text, made_by=_who(by))
        record(vacancy, "vacancy.description_revised", by=by, summary=f"Role description version {number} published")
    return version


def close_applications(vacancy: Vacancy, *, by: User, today: dt.date | None = None) -> Vacancy:
    """Stop taking applications, so the panel can score them. Before the closing date only with the
    panel in place (the published closing date is what applicants were promised)."""
    today = today or dt.date.today()
    if vacancy.stage != Stage.OPEN:
        raise RecruitmentRefused("The vacancy is already closed to applications")
    if today <= vacancy.closes_on:
        raise RecruitmentRefused(
            f"Applications close on {vacancy.closes_on:%-d %B %Y}: the vacancy stays open until then, as published"
        )
    if not vacancy.applications.exists():
        raise RecruitmentRefused("No one has applied: extend the closing date or open the vacancy again")
    with transaction.atomic():
        vacancy.stage = Stage.SCORING
        vacancy.save(update_fields=["stage"])
        record(vacancy, "vacancy.closed", by=by, summary="Closed to applications; the panel scores them")
    return vacancy


def current_description(vacancy: Vacancy) -> RoleDescriptionVersion | None:
    return vacancy.descriptions.order_by("-number").first()


def is_taking_applications(vacancy: Vacancy, today: dt.date | None = None) -> bool:
    return vacancy.stage == Stage.OPEN and (today or dt.date.today()) <= vacancy.closes_on


def _check(
    body: str,
    role: str,
    criteria: list[str],
    starts: dt.date,
    ends: dt.date,
    closes_on: dt.date,
    today: dt.date,
    payment: str,
    expenses: str,
) -> None:
    if not criteria:
        raise RecruitmentRefused("Enter at least one criterion applications will be judged on")
    if ends <= starts:
        raise RecruitmentRefused("The term must end after it starts")
    if closes_on < today:
        raise RecruitmentRefused("The closing date must be today or later")
    if closes_on >= starts:
        raise RecruitmentRefused("Applications must close before the term starts")
    if role in (MembershipRole.CHAIR, MembershipRole.VICE_CHAIR) or body not in Body.values:
        raise RecruitmentRefused("NHS England appoints the Chair: recruit Council and Assembly members here")
    if role == MembershipRole.PPV and not (payment.strip() and expenses.strip()):
        raise RecruitmentRefused(
            "A patient and public voice role needs its involvement payment and expenses policy, so applicants know"
        )


def _who(by: User) -> Any:
    return by if getattr(by, "pk", None) else None


def record(vacancy: Vacancy, action: str, *, by: User | None, summary: str, **data: object) -> None:
    audit.record(action, vacancy, by=by, senate=vacancy.senate, summary=f"{vacancy.title}: {summary}", data=data)
