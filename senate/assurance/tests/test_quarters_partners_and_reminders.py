"""The quarter the picture across requests covers, who a partner is and who is told for it, and which
urgent temporary changes are due to be looked at again."""

import datetime as dt

import pytest

from senate.accounts.models import Role
from senate.accounts.tests.factories import UserFactory, give_role
from senate.assurance import home, partners, queries, recording, reminders
from senate.organisations.models import Organisation
from senate.reviews.tests.factories import RequestFactory

D = dt.date
TODAY = dt.date.today()


@pytest.mark.parametrize(
    ("day", "quarter"),
    [
        (D(2027, 1, 1), (D(2027, 1, 1), D(2027, 3, 31))),
        (D(2027, 5, 15), (D(2027, 4, 1), D(2027, 6, 30))),
        (D(2027, 9, 30), (D(2027, 7, 1), D(2027, 9, 30))),
        (D(2027, 12, 31), (D(2027, 10, 1), D(2027, 12, 31))),
    ],
)
def test_a_day_falls_in_its_calendar_quarter(day, quarter):
    assert queries.quarter_of(day) == quarter


def test_the_29th_of_february_falls_in_the_first_quarter():
    assert queries.quarter_of(D(2028, 2, 29)) == (D(2028, 1, 1), D(2028, 3, 31))


@pytest.fixture
def network(reference_data):
    return Organisation.objects.create(name="Cardiac Network", type="clinical_network", contact_email="c@n.example")


def test_only_partner_kinds_of_organisation_are_offered_as_partners(network, icb):
    offered = list(partners.partners())
    assert network in offered and icb not in offered


def test_a_partner_is_told_at_its_address_and_through_the_people_who_act_for_it(senate, network):
    contact = give_role(UserFactory(full_name="Nel Network"), senate, Role.REQUESTER, organisation=network)
    assert partners.contacts_of(network, senate) == ["c@n.example", contact]


def test_a_partner_without_an_address_or_contacts_has_no_one_to_tell(senate, reference_data):
    quiet = Organisation.objects.create(name="Quiet Healthwatch", type="healthwatch")
    assert partners.contacts_of(quiet, senate) == []


def test_a_request_redirected_to_no_organisation_tells_no_partner(cast):
    assert partners.tell_redirected_partner(RequestFactory(), "Not ours") == 0


def _urgent(cast, review_on, **fields):
    request = RequestFactory(kind="urgent_temporary", created_by=cast["requester"], **fields)
    recording.set_context(request=request, by=cast["manager"], temporary_review_date=review_on)
    return request


def test_a_closed_urgent_change_is_not_due_for_review(cast, senate):
    _urgent(cast, TODAY, stage="closed")
    assert reminders.due_for_review(senate, TODAY) == []


def test_an_urgent_change_is_due_from_a_week_before_its_review_date(cast, senate):
    request = _urgent(cast, TODAY + dt.timedelta(days=7))
    assert [c.request for c in reminders.due_for_review(senate, TODAY)] == [request]
    assert reminders.due_for_review(senate, TODAY - dt.timedelta(days=1)) == []


def test_a_review_date_already_passed_shows_as_overdue_on_the_front_page(cast, senate):
    _urgent(cast, TODAY - dt.timedelta(days=2))
    [task] = home.tasks(cast["manager"], senate, TODAY)
    assert task.overdue


def test_a_council_member_is_given_no_urgent_change_to_look_at(cast, senate):
    _urgent(cast, TODAY)
    assert home.tasks(cast["council"], senate, TODAY) == []


def test_another_organisations_requester_is_not_asked_to_look_again(cast, senate, reference_data):
    other = Organisation.objects.create(name="Elsewhere Trust", type="trust", code="ZZ5")
    stranger = give_role(UserFactory(full_name="Sam Stranger"), senate, Role.REQUESTER, organisation=other)
    _urgent(cast, TODAY)
    assert home.tasks(stranger, senate, TODAY) == []
