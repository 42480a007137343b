import pytest

from senate.reviews.permission_names import ReviewsPermission
from senate.reviews.tests.factories import RequestFactory


@pytest.fixture(autouse=True)
def _reviews_rules_only():
    """Reviews' tests exercise the lifecycle table itself; the checks that later apps add (a panel,
    evidence, a report draft) are tested in those apps."""
    from senate.reviews import lifecycle

    with lifecycle.reviews_rules_only():
        yield


@pytest.fixture
def received(cast):
    """A complete request from Devon ICB, received and waiting for triage."""
    return RequestFactory(created_by=cast["requester"])


def walk(request, *acts, cast, reason="Recorded for the test"):
    """Take acts in order as the person the act needs: manager, chair or requester."""
    from senate.reviews import lifecycle

    who = {
        ReviewsPermission.MANAGE_REQUEST: "manager",
        ReviewsPermission.TRIAGE: "manager",
        ReviewsPermission.APPROVE: "chair",
        ReviewsPermission.ACT_AS_REQUESTER: "requester",
        ReviewsPermission.WITHDRAW: "manager",
    }
    for name in acts:
        act = lifecycle.ACTS[name]
        request = lifecycle.perform(name, request, by=cast[who[act.permission]], reason=reason)
    return request
