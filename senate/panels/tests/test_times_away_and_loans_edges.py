"""Times away at their edges, and loans asked twice or decided twice."""

import datetime as dt

import pytest
from django.utils import timezone

from senate.members.models import Profession
from senate.members.tests.factories import MemberProfileFactory
from senate.panels import availability, loans
from senate.panels.availability import AbsenceRefused
from senate.panels.candidates import candidates_for
from senate.panels.models import PanelAbsence
from senate.panels.tests.factories import member, ready_request, spec

TODAY = dt.date(2027, 3, 10)
D = dt.timedelta(days=1)


def test_a_time_away_with_no_last_day_is_one_day(cast, senate):
    profile = MemberProfileFactory()
    absence = availability.add_absence(
        profile, away_from=TODAY, away_until=None, by=cast["manager"], senate=senate, today=TODAY
    )
    assert absence.away_until == TODAY
    assert str(absence) == "Away 10 March 2027 to 10 March 2027"


def test_a_time_away_that_is_over_is_refused(cast, senate):
    with pytest.raises(AbsenceRefused, match="today or in the future") as refused:
        availability.add_absence(
            MemberProfileFactory(),
            away_from=TODAY - 5 * D,
            away_until=TODAY - D,
            by=cast["manager"],
            senate=senate,
            today=TODAY,
        )
    assert refused.value.field == "away_until"


def test_past_times_away_are_not_listed_as_upcoming(cast, senate):
    profile = MemberProfileFactory()
    PanelAbsence.objects.create(profile=profile, away_from=TODAY - 9 * D, away_until=TODAY - D)
    ahead = PanelAbsence.objects.create(profile=profile, away_from=TODAY, away_until=TODAY + D)
    assert availability.upcoming(profile, TODAY) == [ahead]


def test_a_panel_with_no_dates_yet_clashes_with_no_time_away():
    away = [PanelAbsence(away_from=TODAY, away_until=TODAY + D)]
    assert not availability.away_during(away, None, None)


def test_a_one_day_panel_on_the_last_day_away_clashes():
    away = [PanelAbsence(away_from=TODAY, away_until=TODAY + D)]
    assert availability.away_during(away, TODAY + D, None)
    assert not availability.away_during(away, TODAY + 2 * D, TODAY + 3 * D)


def test_changing_panel_settings_keeps_one_record_and_is_audited(cast, senate):
    from senate.core.models import AuditEvent

    profile = MemberProfileFactory()
    availability.save_settings(profile, max_panels=1, consents_to_loan=False, by=cast["manager"], senate=senate)
    saved = availability.save_settings(profile, max_panels=3, consents_to_loan=True, by=cast["manager"], senate=senate)
    assert (saved.max_panels, saved.consents_to_loan) == (3, True)
    assert AuditEvent.objects.filter(action="panels.availability").count() == 2


@pytest.fixture
def lendable(cast):
    member("Pat Voice", profession=Profession.PPV)
    away = member("Lena London", senate="london", expertise=["emergency-medicine"], willing=True)
    request = ready_request(contentious=True)
    spec(request, by=cast["manager"], rules=[("ppv", 1)], min_out_of_region=1)
    candidate = next(c for c in candidates_for(request, on=timezone.localdate()) if c.profile == away)
    return request, candidate


def test_a_loan_is_asked_for_only_once_per_request(cast, lendable):
    request, candidate = lendable
    loans.request_loan(request, candidate, by=cast["manager"])
    with pytest.raises(loans.LoanRefused, match="has already been asked for"):
        loans.request_loan(request, candidate, by=cast["manager"])


def test_a_loan_is_decided_only_once(cast, lendable):
    request, candidate = lendable
    loan = loans.request_loan(request, candidate, by=cast["manager"])
    loans.decide_loan(loan, approve=True, by=cast["other_manager"])
    with pytest.raises(loans.LoanRefused, match="already been decided"):
        loans.decide_loan(loan, approve=False, reason="Changed our mind", by=cast["other_manager"])


def test_the_borrowing_team_is_told_of_a_declined_loan_with_the_reason(cast, lendable):
    from senate.notifications.models import Email

    request, candidate = lendable
    loan = loans.request_loan(request, candidate, by=cast["manager"])
    loans.decide_loan(loan, approve=False, reason="Needed at home", by=cast["other_manager"])
    told = Email.objects.get(kind="panels.loan_declined", to=cast["manager"].email)
    assert "Needed at home" in told.body
