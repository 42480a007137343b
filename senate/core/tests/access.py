"""Who may open the core pages; tests/test_page_access.py checks every role against each."""

PAGES = [("core:health", lambda cast: "/health/", "public")]
