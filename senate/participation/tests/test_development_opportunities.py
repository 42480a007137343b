"""Development opportunities: interest, offers made unasked or in answer, and the member's answer."""

import pytest

from senate.core.models import AuditEvent
from senate.members.models import Membership
from senate.participation import development
from senate.participation.models import Development


@pytest.fixture
def priya(cast):
    return Membership.objects.get(profile__user=cast["council"]).profile


def test_an_offer_may_be_made_without_being_asked(cast, senate, priya):
    made = development.offer(
        profile=priya, senate=senate, kind="mentoring", offer_text=" Mentor a new member ", by=cast["manager"]
    )
    assert (made.status, made.offer, made.offered_by) == (
        Development.Status.OFFERED,
        "Mentor a new member",
        cast["manager"],
    )


def test_an_offer_must_say_what_is_offered(cast, senate, priya):
    with pytest.raises(development.DevelopmentRefused, match="Say what is offered"):
        development.offer(profile=priya, senate=senate, kind="mentoring", offer_text=" ", by=cast["manager"])
    assert not Development.objects.exists()


def test_an_interest_is_offered_only_once(cast, senate, priya):
    asked = development.express_interest(profile=priya, senate=senate, kind="chair_panel", note="", by=None)
    development.offer(development=asked, offer_text="The maternity panel", by=cast["manager"])
    with pytest.raises(development.DevelopmentRefused, match="already been offered"):
        development.offer(development=asked, offer_text="Another panel", by=cast["manager"])


def test_an_interest_not_yet_offered_cannot_be_answered(cast, senate, priya):
    asked = development.express_interest(profile=priya, senate=senate, kind="chair_panel", note="", by=None)
    with pytest.raises(development.DevelopmentRefused, match="no offer to answer"):
        development.answer(development=asked, accept=True, by=cast["council"])


def test_a_declined_offer_is_recorded_as_declined(cast, senate, priya):
    made = development.offer(profile=priya, senate=senate, kind="mentoring", offer_text="Mentor", by=cast["manager"])
    development.answer(development=made, accept=False, by=cast["council"])
    assert made.status == Development.Status.DECLINED and made.answered_at is not None
    assert AuditEvent.objects.get(action="participation.development_answered").summary.startswith(
        "Priya Council: declined"
    )


def test_a_member_may_ask_again_once_an_earlier_offer_is_answered(cast, senate, priya):
    made = development.offer(profile=priya, senate=senate, kind="mentoring", offer_text="Mentor", by=cast["manager"])
    development.answer(development=made, accept=False, by=cast["council"])
    again = development.express_interest(profile=priya, senate=senate, kind="mentoring", note=" Next year ", by=None)
    assert again.note == "Next year"


def test_interest_in_one_kind_does_not_stop_interest_in_another(senate, priya):
    development.express_interest(profile=priya, senate=senate, kind="chair_panel", note="", by=None)
    development.express_interest(profile=priya, senate=senate, kind="mentoring", note="", by=None)
    assert Development.objects.filter(profile=priya).count() == 2
