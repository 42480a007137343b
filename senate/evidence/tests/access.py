"""Who may open each evidence page; tests/test_page_access.py checks every role against each.
The panel's pages are tested with seats in senate/evidence/tests/test_access.py (the cast has no seats)."""

from senate.evidence.models import Source, Tier
from senate.evidence.tests.factories import item, make_request

TEAM = {"manager", "chair"}  # never a system administrator: no case files
SEES = TEAM | {"council", "requester"}


def _request(cast, tail=""):
    return f"/south-west/evidence/requests/{make_request(stage='panel_recruited').pk}/{tail}"


def _item(cast):
    request = make_request(stage="panel_recruited")
    found = item(request, tier=Tier.OFFICIAL, source=Source.REQUESTER, by=cast["requester"])
    return f"/south-west/evidence/requests/{request.pk}/items/{found.pk}/"


def _download(cast):
    request = make_request(stage="panel_recruited")
    found = item(request, tier=Tier.OFFICIAL, source=Source.REQUESTER, by=cast["requester"])
    return f"/south-west/evidence/requests/{request.pk}/items/{found.pk}/versions/1/download/"


PAGES = [
    ("evidence:library", lambda c: _request(c), SEES),
    ("evidence:ask", lambda c: _request(c, "ask/"), TEAM),
    ("evidence:upload", lambda c: _request(c, "add/"), {"manager", "chair", "requester"}),
    ("evidence:item", _item, {"manager", "chair", "council", "requester"}),
    ("evidence:download", _download, {"manager", "chair", "council", "requester"}),
    ("evidence:access_log", lambda c: _request(c, "access-log/"), TEAM),
    ("evidence:fieldwork", lambda c: _request(c, "fieldwork/"), TEAM),
    ("evidence:record_fieldwork", lambda c: _request(c, "fieldwork/record/"), TEAM),
    ("evidence:papers", lambda c: _request(c, "fieldwork/papers/"), TEAM),
]
NOT_GET_PAGES: set[str] = set()
