"""The search page in the access matrix (tests/test_page_access.py): anyone, signed in or not."""

PAGES = [("search:search", lambda c: "/search/?q=stroke", "public")]
