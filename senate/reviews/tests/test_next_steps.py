"""What happens next on a request page: one primary button, refusals as warnings, an act that cannot be
taken yet shown with what it waits for, and what the request waits for from other people."""

from senate.reviews import lifecycle
from senate.reviews.next_steps import next_steps, waiting_on_others
from senate.reviews.tests.factories import RequestFactory


def _steps(request, user):
    return {s.name: s for s in next_steps(lifecycle.available_acts(request, user), request)}


def test_triage_has_one_primary_button_and_refusing_is_a_warning(cast):
    steps = _steps(RequestFactory(created_by=cast["requester"]), cast["manager"])
    assert [name for name, s in steps.items() if s.style == "primary"] == ["accept"]
    assert steps["decline"].style == steps["withdraw"].style == "warning"
    assert steps["ask_for_information"].style == steps["redirect"].style == "secondary"


def test_an_act_not_ready_says_what_it_waits_for_and_is_never_primary(cast):
    steps = _steps(RequestFactory(created_by=cast["requester"], stage="accepted"), cast["manager"])
    assert steps["draft_terms"].waiting_for == ("Draft the terms of reference first.",)
    assert "primary" not in {s.style for s in steps.values()}
    assert "record_advice_drafted" not in steps  # early advice's letter is no step of a formal review


def test_the_team_is_told_what_the_request_waits_for_from_the_requester(cast):
    request = RequestFactory(created_by=cast["requester"], stage="tor_drafted")
    [waiting] = waiting_on_others(request, cast["manager"])
    assert waiting.startswith("the requester, whose next step is “Agree the terms of reference” (not yet: Share")


def test_the_requester_is_told_who_acts_next_but_not_why_it_is_held_up(cast):
    request = RequestFactory(created_by=cast["requester"], stage="received")
    assert waiting_on_others(request, cast["requester"]) == [
        "the Senate manager, whose next step is “Triage the request”"
    ]
