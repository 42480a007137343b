"""Opening a vacancy: what the Senate team is told when the vacancy would be unfair or wrong."""

import datetime as dt

import pytest

from senate.core.models import AuditEvent
from senate.members.models import Body, MembershipRole
from senate.recruitment.models import Vacancy
from senate.recruitment.tests.factories import open_vacancy
from senate.recruitment.vacancies import RecruitmentRefused

TODAY = dt.date.today()


def test_a_vacancy_without_any_criterion_is_refused(cast):
    with pytest.raises(RecruitmentRefused, match="at least one criterion"):
        open_vacancy(cast["manager"], criteria=["  ", ""])
    assert not Vacancy.objects.exists()


def test_blank_criteria_are_left_out_of_the_published_list(cast):
    vacancy = open_vacancy(cast["manager"], criteria=["Listening", " ", "  Leading  "])
    assert [c.text for c in vacancy.criteria.all()] == ["Listening", "Leading"]


def test_a_term_ending_before_it_starts_is_refused(cast):
    starts = TODAY + dt.timedelta(days=60)
    with pytest.raises(RecruitmentRefused, match="term must end after it starts"):
        open_vacancy(cast["manager"], term_start=starts, term_end=starts)


def test_a_closing_date_in_the_past_is_refused(cast):
    with pytest.raises(RecruitmentRefused, match="today or later"):
        open_vacancy(cast["manager"], closes_in=-1)


def test_a_vacancy_may_close_today(cast):
    assert open_vacancy(cast["manager"], closes_in=0).closes_on == TODAY


def test_applications_closing_on_or_after_the_term_start_are_refused(cast):
    with pytest.raises(RecruitmentRefused, match="close before the term starts"):
        open_vacancy(cast["manager"], closes_in=60)


@pytest.mark.parametrize("role", [MembershipRole.CHAIR, MembershipRole.VICE_CHAIR])
def test_the_chair_and_vice_chair_are_not_recruited_here(cast, role):
    with pytest.raises(RecruitmentRefused, match="NHS England appoints the Chair"):
        open_vacancy(cast["manager"], role=role)


def test_a_vacancy_for_an_unknown_body_is_refused(cast):
    with pytest.raises(RecruitmentRefused, match="Council and Assembly members"):
        open_vacancy(cast["manager"], body="board")


def test_a_council_vacancy_may_be_opened(cast):
    assert open_vacancy(cast["manager"], body=Body.COUNCIL).get_body_display() == "Council"


def test_opening_a_vacancy_is_recorded_with_its_criteria_and_closing_date(cast):
    vacancy = open_vacancy(cast["manager"], gap="No Assembly member covers public health")
    event = AuditEvent.objects.get(action="vacancy.opened")
    assert event.actor == cast["manager"]
    assert f"closing {vacancy.closes_on:%-d %B %Y}" in event.summary
    assert event.data["criteria"] == [c.text for c in vacancy.criteria.all()]
    assert event.data["gap"] == "No Assembly member covers public health"


def test_the_first_role_description_is_version_one_by_whoever_opened_it(cast):
    vacancy = open_vacancy(cast["manager"])
    [version] = vacancy.descriptions.all()
    assert (version.number, version.made_by) == (1, cast["manager"])
    assert vacancy.created_by == cast["manager"]
