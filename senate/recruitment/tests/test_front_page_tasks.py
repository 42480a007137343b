"""Recruitment's tasks on a Senate's front page: what a panel member still has to score, and what the
Senate team still has to run."""

import datetime as dt

from senate.recruitment import home, selection
from senate.recruitment.tests.factories import apply, close, open_vacancy, panel_of, score_all

Step = selection.Step
TODAY = dt.date.today()


def _titles(user, senate):
    return [t.text for t in home.tasks(user, senate, TODAY)]


def test_a_panel_member_is_asked_to_score_the_applications(cast, senate):
    vacancy = open_vacancy(cast["manager"])
    apply(vacancy)
    close(vacancy)
    panel_of(vacancy, cast["council"])
    assert _titles(cast["council"], senate) == [f"{vacancy.title}: score the applications (shortlisting)"]


def test_the_scoring_task_goes_once_every_application_is_scored(cast, senate):
    vacancy = open_vacancy(cast["manager"])
    apply(vacancy)
    close(vacancy)
    members = panel_of(vacancy, cast["council"])
    score_all(vacancy, members, Step.SHORTLISTING)
    assert _titles(cast["council"], senate) == []


def test_the_interview_task_goes_once_every_shortlisted_applicant_is_scored(cast, senate):
    vacancy = open_vacancy(cast["manager"])
    ada, _ben = apply(vacancy, "Ada Applicant"), apply(vacancy, "Ben Applicant")
    close(vacancy)
    members = panel_of(vacancy, cast["council"], cast["assembly"])
    score_all(vacancy, members, Step.SHORTLISTING)
    selection.shortlist(vacancy, chosen=[ada], by=cast["manager"])
    assert _titles(cast["council"], senate) == [f"{vacancy.title}: score the applications (interview)"]
    score_all(vacancy, members, Step.INTERVIEW)
    assert _titles(cast["council"], senate) == []


def test_a_member_who_stood_aside_from_an_applicant_is_not_asked_to_score_them(cast, senate):
    vacancy = open_vacancy(cast["manager"])
    ada, _ben = apply(vacancy, "Ada Applicant"), apply(vacancy, "Ben Applicant")
    close(vacancy)
    [member] = panel_of(vacancy, cast["council"])
    selection.recuse(member, ada, reason="My former trainee", by=cast["council"])
    score_all(vacancy, [member], Step.SHORTLISTING)
    assert _titles(cast["council"], senate) == []


def test_someone_off_the_panel_has_nothing_to_score(cast, senate):
    vacancy = open_vacancy(cast["manager"])
    apply(vacancy)
    close(vacancy)
    panel_of(vacancy, cast["council"])
    assert _titles(cast["assembly"], senate) == []


def test_the_manager_is_asked_to_close_a_vacancy_past_its_closing_date(cast, senate):
    vacancy = open_vacancy(cast["manager"])
    vacancy.closes_on = TODAY - dt.timedelta(days=1)
    vacancy.save()
    assert _titles(cast["manager"], senate) == [
        f"{vacancy.title}: applications have closed; close the vacancy for scoring"
    ]
    assert _titles(cast["council"], senate) == []


def test_a_vacancy_still_open_gives_the_manager_nothing_to_do(cast, senate):
    open_vacancy(cast["manager"])
    assert _titles(cast["manager"], senate) == []
