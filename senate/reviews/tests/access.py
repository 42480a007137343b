"""Who may open the requests pages (discovered by tests/test_page_access.py)."""

from senate.reviews.tests.factories import RequestFactory

TEAM = {"manager", "chair", "admin"}
READERS = TEAM | {"council", "assurance", "requester"}


def _request(cast):
    return RequestFactory(created_by=cast["requester"])


def _path(suffix):
    return lambda cast: f"/south-west/requests/{_request(cast).pk}/{suffix}"


PAGES = [
    ("reviews:list", lambda cast: "/south-west/requests/", READERS),
    ("reviews:new", lambda cast: "/south-west/requests/new/", {"requester"}),
    ("reviews:work_queue", lambda cast: "/south-west/requests/work-queue/", TEAM),
    ("reviews:service_levels", lambda cast: "/south-west/requests/service-levels/", TEAM),
    ("reviews:detail", _path(""), READERS),
    ("reviews:triage", _path("triage/"), {"manager", "admin"}),
    ("reviews:terms", _path("terms/"), READERS),
    ("reviews:edit_terms", _path("terms/edit/"), {"manager", "admin"}),
    ("reviews:recommendations", _path("recommendations/"), READERS),
]
NOT_GET_PAGES = {
    "reviews:act",
    "reviews:share_terms",
    "reviews:check",
    "reviews:edit",
    "reviews:respond",
    "reviews:programme",
}
