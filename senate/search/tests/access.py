"""The search pages in the access matrix (tests/test_page_access.py): search is for anyone, signed in
or not; a request's similar past reviews for those who may see the request."""

from senate.reviews.tests.access import READERS, _request

PAGES = [
    ("search:search", lambda c: "/search/?q=stroke", "public"),
    ("search:similar", lambda c: f"/search/south-west/requests/{_request(c).pk}/similar/", READERS),
]
