"""Front-page tasks from recruitment (see organisations.home): for a selection panel member, the
applications they have still to score; for the Senate team, vacancies past their closing date still
open, and vacancies decided but not yet appointed."""

import datetime as dt

from django.urls import reverse

from senate.accounts.models import User
from senate.organisations.home import Task
from senate.organisations.models import Senate
from senate.recruitment.models import Score, Stage, Vacancy
from senate.recruitment.permission_names import RecruitmentPermission as P


def tasks(user: User, senate: Senate, today: dt.date) -> list[Task]:
    found = _to_score(user, senate)
    if user.has_perm(P.MANAGE, senate):
        found += _to_run(senate, today)
    return found


def _to_score(user: User, senate: Senate) -> list[Task]:
    steps = {Stage.SCORING: Score.Step.SHORTLISTING, Stage.SHORTLISTED: Score.Step.INTERVIEW}
    on_panel = Vacancy.objects.filter(senate=senate, stage__in=list(steps), panel__profile__user=user).distinct()
    found = []
    for vacancy in on_panel:
        step = steps[Stage(vacancy.stage)]
        scored = Score.objects.filter(application__vacancy=vacancy, panel_member__profile__user=user, step=step)
        if scored.count() < vacancy.applications.count():
            found.append(
                Task(f"{vacancy.title}: score the applications ({Score.Step(step).label.lower()})", _at(vacancy))
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
