"""A request's reference (the Senate's initials, the year, a running number) and the short-notice flag."""

import datetime as dt

from django.utils import timezone

from senate.reviews import intake
from senate.reviews.models import Request
from senate.reviews.tests.factories import RequestFactory

YEAR = dt.date.today().year


def _unreferenced(cast, **fields):
    return RequestFactory(created_by=cast["requester"], reference="", **fields)


def test_the_first_request_of_the_year_is_number_one_with_the_senates_initials(cast):
    request = _unreferenced(cast)
    intake.assign_reference(request)
    assert request.reference == f"SW-{YEAR}-001"


def test_the_next_request_takes_the_next_number(cast):
    RequestFactory(created_by=cast["requester"], reference=f"SW-{YEAR}-041")
    request = _unreferenced(cast)
    intake.assign_reference(request)
    assert request.reference == f"SW-{YEAR}-042"


def test_last_years_numbers_do_not_carry_into_this_year(cast):
    RequestFactory(created_by=cast["requester"], reference=f"SW-{YEAR - 1}-090")
    request = _unreferenced(cast)
    intake.assign_reference(request)
    assert request.reference == f"SW-{YEAR}-001"


def test_a_request_keeps_the_reference_it_already_has(cast):
    request = RequestFactory(created_by=cast["requester"], reference="SW-2020-005")
    intake.assign_reference(request)
    assert request.reference == "SW-2020-005"


def test_a_decision_date_inside_the_senates_notice_period_is_flagged_short(cast, senate):
    request = RequestFactory(
        created_by=cast["requester"], submitted_at=timezone.now(), decision_date=dt.date.today() + dt.timedelta(days=30)
    )
    assert intake.notice_is_short(request)


def test_a_decision_date_beyond_the_notice_period_is_not_flagged(cast, senate):
    request = RequestFactory(
        created_by=cast["requester"],
        submitted_at=timezone.now(),
        decision_date=dt.date.today() + dt.timedelta(days=senate.request_notice_days),
    )
    assert not intake.notice_is_short(request)


def test_without_a_decision_date_a_request_is_never_flagged_short(cast):
    assert not intake.notice_is_short(RequestFactory(created_by=cast["requester"], decision_date=None))


def test_a_draft_request_starts_empty_for_its_organisation_and_is_recorded(cast, senate, icb):
    from senate.core.models import AuditEvent

    draft = intake.start_draft(senate=senate, organisation=icb, by=cast["requester"])
    assert Request.objects.get(pk=draft.pk).stage == "draft" and draft.title == ""
    assert AuditEvent.objects.filter(action="request.draft_started", object_id=str(draft.pk)).exists()


def test_a_programme_opened_at_triage_is_led_by_the_requesting_organisation(cast):
    request = RequestFactory(created_by=cast["requester"], title="Stroke services")
    programme = intake.new_programme(request, "")
    assert programme.title == "Stroke services" and programme.lead_organisation == request.requesting_organisation
