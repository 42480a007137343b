"""Random walks through the lifecycle never reach an inconsistent state."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from senate.reviews import lifecycle, terms
from senate.reviews.stages import FINISHED, Stage
from senate.reviews.tests.factories import RequestFactory

PEOPLE = ["manager", "chair", "requester", "assembly", "council", "no_role", "other_manager"]
ACT_NAMES = sorted(lifecycle.ACTS) + ["make_terms", "share_terms"]


def _step(request, name, who, cast):
    """One step of the walk. Returns True if something changed."""
    if name == "make_terms":
        try:
            terms.save_version(request, values=terms.draft_from_request(request), by=cast["manager"])
        except ValueError:
            return False
        return True
    if name == "share_terms":
        current = terms.current(request)
        if current is not None and current.status == "draft":
            terms.share(current, by=cast["manager"])
            return True
        return False
    try:
        lifecycle.perform(name, request, by=cast[who], reason="walk")
    except lifecycle.TransitionRefused:
        return False
    return True


def _check_consistent(request):
    request.refresh_from_db()
    events = list(request.events.order_by("at", "id"))
    stage = "received"
    for event in events:  # the timeline is a chain: every step starts where the last one ended
        assert event.from_stage == stage
        stage = event.to_stage
    assert stage == request.stage
    seen = [e.to_stage for e in events]
    if Stage.ISSUED in seen:  # never issued without approval first
        assert Stage.APPROVED in seen[: seen.index(Stage.ISSUED)]
    if Stage.TOR_APPROVED in seen:
        assert Stage.TOR_AGREED in seen[: seen.index(Stage.TOR_APPROVED)]
        assert not request.is_short_path
    if request.stage == Stage.PAUSED:
        assert request.stage_before_pause not in ("", Stage.PAUSED)
    else:
        assert request.stage_before_pause == ""
    for event in events[:-1]:  # nothing leaves a finished state
        assert event.to_stage not in FINISHED


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    kind=st.sampled_from(["formal_review", "early_advice"]),
    steps=st.lists(st.tuples(st.sampled_from(ACT_NAMES), st.sampled_from(PEOPLE)), min_size=1, max_size=40),
)
def test_random_walks_stay_consistent(cast, kind, steps):
    request = RequestFactory(kind=kind, created_by=cast["requester"])
    for name, who in steps:
        _step(request, name, who, cast)
        _check_consistent(request)
