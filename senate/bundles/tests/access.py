"""Who may open a request's case bundle page (discovered by tests/test_page_access.py): the Senate team
only. Making a bundle (a POST) is checked role by role in test_views.py."""

from senate.reviews.tests.factories import RequestFactory

PAGES = [
    (
        "bundles:bundle",
        lambda cast: f"/south-west/bundles/requests/{RequestFactory(created_by=cast['requester']).pk}/",
        {"manager", "chair"},
    ),
]
