"""Who may open each bed model page; tests/test_page_access.py checks every role against each.
The cast's requester acts for the ICB that made the factory's request, so they may read finished
models; panel members are tested in test_access.py (the cast has none)."""

from senate.beds.tests.factories import BedModelFactory, finished_model
from senate.reviews.tests.factories import RequestFactory

EDITORS = {"manager", "chair"}  # never a system administrator: no case files
READERS = EDITORS | {"requester"}


def _request(cast):
    return f"/south-west/beds/requests/{RequestFactory().pk}/"


def _model(maker, tail=""):
    def path(cast):
        m = maker()
        return f"/south-west/beds/requests/{m.request_id}/models/{m.pk}/{tail}"

    return path


PAGES = [
    ("beds:list", _request, READERS),
    ("beds:new", lambda c: _request(c) + "new/", EDITORS),
    ("beds:detail", _model(finished_model), READERS),
    ("beds:progress", _model(finished_model, "progress/"), READERS),
    ("beds:baseline", _model(BedModelFactory, "baseline/"), EDITORS),
    ("beds:proposal", _model(BedModelFactory, "proposal/"), EDITORS),
    ("beds:scenario", _model(BedModelFactory, "scenario/"), EDITORS),
]
NOT_GET_PAGES = {"beds:run", "beds:rely"}
