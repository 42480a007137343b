import pytest

from senate.reports.tests.factories import request_at


@pytest.fixture
def review(cast):
    """A formal review from the cast's requester's ICB, at the panel meeting."""
    return request_at("panel_meeting", by=cast["requester"])
