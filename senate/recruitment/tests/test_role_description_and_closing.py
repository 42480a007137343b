"""Revising a role description and closing a vacancy to applications: what each refuses."""

import datetime as dt

import pytest

from senate.core.models import AuditEvent
from senate.recruitment import vacancies
from senate.recruitment.models import Stage
from senate.recruitment.tests.factories import apply, close, open_vacancy
from senate.recruitment.vacancies import RecruitmentRefused

TODAY = dt.date.today()


def test_a_blank_role_description_is_refused(cast):
    vacancy = open_vacancy(cast["manager"])
    with pytest.raises(RecruitmentRefused, match="Enter the role description"):
        vacancies.revise_description(vacancy, text="   ", by=cast["manager"])


def test_an_unchanged_role_description_makes_no_new_version(cast):
    vacancy = open_vacancy(cast["manager"], description="Brings public health expertise.")
    with pytest.raises(RecruitmentRefused, match="unchanged"):
        vacancies.revise_description(vacancy, text="  Brings public health expertise.  ", by=cast["manager"])
    assert vacancy.descriptions.count() == 1


def test_the_role_description_is_fixed_once_applications_close(cast):
    vacancy = open_vacancy(cast["manager"])
    apply(vacancy)
    close(vacancy)
    with pytest.raises(RecruitmentRefused, match="can no longer change"):
        vacancies.revise_description(vacancy, text="Something else", by=cast["manager"])


def test_a_revised_description_is_recorded_with_its_version_number(cast):
    vacancy = open_vacancy(cast["manager"])
    vacancies.revise_description(vacancy, text="A new description", by=cast["manager"])
    event = AuditEvent.objects.get(action="vacancy.description_revised")
    assert "version 2 published" in event.summary
    assert vacancies.current_description(vacancy).text == "A new description"


def test_a_vacancy_nobody_applied_to_cannot_be_closed_for_scoring(cast):
    vacancy = open_vacancy(cast["manager"])
    with pytest.raises(RecruitmentRefused, match="No one has applied"):
        vacancies.close_applications(vacancy, by=cast["manager"], today=vacancy.closes_on + dt.timedelta(days=1))
    assert vacancy.stage == Stage.OPEN


def test_a_closed_vacancy_cannot_be_closed_again(cast):
    vacancy = open_vacancy(cast["manager"])
    apply(vacancy)
    close(vacancy)
    with pytest.raises(RecruitmentRefused, match="already closed"):
        close(vacancy)


def test_closing_is_recorded_and_moves_the_vacancy_to_scoring(cast):
    vacancy = open_vacancy(cast["manager"])
    apply(vacancy)
    close(vacancy, by=cast["manager"])
    vacancy.refresh_from_db()
    assert vacancy.get_stage_display() == "Closed: panel scoring"
    assert AuditEvent.objects.filter(action="vacancy.closed", actor=cast["manager"]).exists()


def test_a_vacancy_takes_applications_on_its_closing_day_but_not_after(cast):
    vacancy = open_vacancy(cast["manager"])
    assert vacancies.is_taking_applications(vacancy, vacancy.closes_on)
    assert not vacancies.is_taking_applications(vacancy, vacancy.closes_on + dt.timedelta(days=1))


def test_a_vacancy_closed_early_for_scoring_takes_no_more_applications(cast):
    vacancy = open_vacancy(cast["manager"])
    apply(vacancy)
    close(vacancy)
    vacancy.closes_on = TODAY + dt.timedelta(days=5)
    vacancy.save()
    assert not vacancies.is_taking_applications(vacancy, TODAY)
