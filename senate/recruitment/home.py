"""Front-page tasks from recruitment (see organisations.home): for a selection panel member, the
applications they have still to score; for the Senate team, vacancies past their closing date still
open, and vacancies decided but not yet appointed."""

import datetime as dt

from django.urls import reverse

from senate.accounts.models import User
from senate.organisations.home import Task
from senate.organisations.models import Senate
from senate.recruitment import selection
from senate.recruitment.models import PanelMember, Score, Stage, Vacancy
from senate.recruitment.permission_names import RecruitmentPermission as P


def tasks(user: User, senate: Senate, today: dt.date) -> list[Task]:
    found = _to_score(user, senate)
    if user.has_perm(P.MANAGE, senate):
        found += _to_run(senate, today)
    return found


def _to_score(user: User, senate: Senate) -> list[Task]:
    steps = {Stage.SCORING: Score.Step.SHORTLISTING, Stage.SHORTLISTED: Score.Step.INTERVIEW}
    seats = PanelMember.objects.filter(
        vacancy__senate=senate, vacancy__stage__in=list(steps), profile__user=user
    ).select_related("vacancy__senate", "profile")
    found = []
    for member in seats:
        step = steps[Stage(member.vacancy.stage)]
        if selection.left_to_score(member, step):
            found.append(
                Task(
                    f"{member.vacancy.title}: score the applications ({Score.Step(step).label.lower()})",
                    _at(member.vacancy),
                )
            )
    return found


def _to_run(senate: Senate, today: dt.date) -> list[Task]:
    past = Vacancy.objects.filter(senate=senate, stage=Stage.OPEN, closes_on__lt=today)
    decided = Vacancy.objects.filter(senate=senate, stage=Stage.DECIDED)
    return [Task(f"{v.title}: applications have closed; close the vacancy for scoring", _at(v)) for v in past] + [
        Task(f"{v.title}: decided; appoint the chosen applicant", _at(v)) for v in decided
    ]


def _at(vacancy: Vacancy) -> str:
    return reverse("recruitment:vacancy", args=[vacancy.senate.slug, vacancy.pk])
