"""Who may open the requests pages (discovered by tests/test_page_access.py). A system administrator
opens no request (Django admin only, no case files); they may support the Senate's service levels."""

from senate.reviews.tests.factories import RequestFactory

TEAM = {"manager", "chair"}
READERS = TEAM | {"council", "assurance", "requester"}


def _request(cast):
    return RequestFactory(created_by=cast["requester"])


def _path(suffix):
    return lambda cast: f"/south-west/requests/{_request(cast).pk}/{suffix}"


PAGES = [
    ("reviews:list", lambda cast: "/south-west/requests/", READERS),
    ("reviews:new", lambda cast: "/south-west/requests/new/", {"requester"}),
    ("reviews:work_queue", lambda cast: "/south-west/requests/work-queue/", TEAM),
    ("reviews:service_levels", lambda cast: "/south-west/requests/service-levels/", TEAM | {"admin"}),
    ("reviews:detail", _path(""), READERS),
    ("reviews:triage", _path("triage/"), {"manager"}),
    ("reviews:history", _path("history/"), TEAM),
    ("reviews:terms", _path("terms/"), READERS),
    ("reviews:edit_terms", _path("terms/edit/"), {"manager"}),
    ("reviews:recommendations", _path("recommendations/"), READERS),
    ("reviews:joint", _path("joint/"), TEAM | {"council"}),
]
NOT_GET_PAGES = {
    "reviews:act",
    "reviews:share_terms",
    "reviews:check",
    "reviews:edit",
    "reviews:respond",
    "reviews:implementation",
    "reviews:programme",
    "reviews:joint_invite",
    "reviews:joint_answer",
    "reviews:joint_comment",
}
