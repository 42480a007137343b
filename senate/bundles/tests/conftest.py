import datetime as dt

import pytest

from senate.demo import world
from senate.reviews.models import Request

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def demo_review(db, settings, tmp_path):
    """The demo formal review furthest along (its response received): terms, panel, evidence, report
    versions, the Council's decision and publication."""
    settings.MEDIA_ROOT = tmp_path / "media"
    world.build(scale="tiny", seed=5, today=TODAY)
    return Request.objects.get(senate__slug="south-west", kind="formal_review", stage="response_received")
