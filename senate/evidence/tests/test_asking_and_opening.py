"""Asking the requester for evidence, what is still outstanding, reminders, and opening a version."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from senate.evidence import access, fieldwork, library, reminders
from senate.evidence.models import EvidenceVersion, Kind, Source, Tier
from senate.evidence.tests import samples
from senate.evidence.tests.factories import item, make_request
from senate.notifications.models import Email

TODAY = dt.date(2027, 3, 1)


@pytest.fixture
def request_(cast):
    return make_request(stage="panel_recruited")


def _ask(request, cast, title="Bed model", due_on=TODAY, **fields):
    return library.ask_for_evidence(
        request=request, kind=Kind.MODELLING, title=title, due_on=due_on, by=cast["manager"], **fields
    )


def test_what_is_asked_for_and_not_yet_uploaded_is_outstanding_soonest_first(cast, request_):
    later = _ask(request_, cast, "EHIA", due_on=TODAY + dt.timedelta(days=20))
    sooner = _ask(request_, cast, "Bed model", due_on=TODAY)
    assert library.outstanding(request_) == [sooner, later]


def test_evidence_uploaded_against_a_request_is_no_longer_outstanding(cast, request_):
    asked = _ask(request_, cast)
    library.add_item(
        request=request_, title="Bed model", kind=Kind.MODELLING, tier=Tier.OFFICIAL, source=Source.REQUESTER,
        by=cast["requester"], name="beds.xlsx", data=samples.xlsx(), asked_for=asked,
    )  # fmt: skip
    assert library.outstanding(request_) == []


def test_the_email_asking_for_evidence_includes_the_teams_detail(cast, request_):
    _ask(request_, cast, detail="  Occupancy by month, please.  ")
    assert "Occupancy by month, please." in Email.objects.get(kind="evidence.asked").body


def test_the_title_asked_for_is_kept_without_surrounding_space(cast, request_):
    assert _ask(request_, cast, title="  Bed model  ").title == "Bed model"


def test_an_overdue_reminder_says_when_it_was_due_and_where_to_upload(cast, request_, senate):
    _ask(request_, cast, due_on=TODAY - dt.timedelta(days=2))
    assert reminders.send_evidence_reminders(senate, today=TODAY) == 1
    body = Email.objects.get(kind="evidence.reminder").body
    assert "was due on 27 February 2027" in body and f"/evidence/requests/{request_.pk}/" in body


def test_no_evidence_reminder_is_sent_on_a_withdrawn_request(cast, request_, senate):
    _ask(request_, cast)
    request_.stage = "withdrawn"
    request_.save()
    assert reminders.send_evidence_reminders(senate, today=TODAY) == 0


def test_evidence_due_in_more_than_a_week_is_not_reminded_yet(cast, request_, senate):
    _ask(request_, cast, due_on=TODAY + dt.timedelta(days=reminders.REMIND_DAYS + 1))
    assert reminders.send_evidence_reminders(senate, today=TODAY) == 0


def test_an_item_of_an_unknown_tier_is_refused(cast, request_):
    with pytest.raises(ValueError, match="unknown tier or source"):
        library.add_item(
            request=request_, title="Pack", kind=Kind.BUSINESS_CASE, tier="top_secret", source=Source.PANEL,
            by=cast["manager"], name="pack.pdf", data=samples.pdf(),
        )  # fmt: skip


def test_opening_an_item_gives_the_latest_version_unless_one_is_named(cast, request_):
    pack = item(request_, by=cast["manager"])
    library.add_version(item=pack, by=cast["manager"], name="pack-v2.pdf", data=samples.pdf())
    assert library.open_version(user=cast["manager"], item=pack).number == 2
    assert library.open_version(user=cast["manager"], item=pack, number=1).number == 1


def test_opening_a_version_that_does_not_exist_is_not_found(cast, request_):
    pack = item(request_, by=cast["manager"])
    with pytest.raises(EvidenceVersion.DoesNotExist):
        library.open_version(user=cast["manager"], item=pack, number=9)


def test_a_refusal_to_open_says_its_confidentiality_does_not_allow_it(cast, request_):
    secret = item(request_, tier=Tier.OFFICIAL_SENSITIVE, by=cast["manager"])
    with pytest.raises(PermissionDenied, match="its confidentiality does not allow it"):
        library.open_version(user=cast["council"], item=secret)


def test_the_requester_opens_their_own_sensitive_item_but_not_the_panels(cast, request_):
    theirs = item(request_, tier=Tier.OFFICIAL_SENSITIVE, source=Source.REQUESTER, by=cast["requester"])
    panels = item(request_, tier=Tier.OFFICIAL_SENSITIVE, source=Source.PANEL, by=cast["manager"])
    assert access.can_open(cast["requester"], theirs) and not access.can_open(cast["requester"], panels)


def test_someone_signed_out_may_not_reach_the_evidence(cast, request_):
    from django.contrib.auth.models import AnonymousUser

    assert not access.can_see_request_evidence(AnonymousUser(), request_)
    assert access.open_tiers(AnonymousUser(), request_) == (set(), False)


def test_a_deactivated_manager_may_not_reach_the_evidence(cast, request_):
    cast["manager"].is_active = False
    assert not access.can_see_request_evidence(cast["manager"], request_)


def test_papers_sent_on_the_day_of_the_notice_are_not_late(cast, request_, senate):
    held = TODAY + dt.timedelta(days=senate.papers_notice_days)
    visit = fieldwork.record_fieldwork(request=request_, kind="site_visit", held_on=held, by=cast["manager"])
    papers = fieldwork.record_papers(fieldwork=visit, description=" Pack ", sent_on=TODAY, by=cast["manager"])
    assert not fieldwork.is_late(papers) and papers.description == "Pack"
