"""Who may open the national view's pages (discovered by tests/test_page_access.py): the advice log,
its CSV and its feed are public; every Senate's figures and issued advice are NHS England's national
team's alone (not even a Senate's own team, whose figures are in their Senate's pages)."""

from senate.national.tests.factories import issued_request

NATIONAL = {"national"}

PAGES = [
    ("national:advice_log", lambda cast: "/national/advice/", "public"),
    ("national:advice_log_csv", lambda cast: "/national/advice.csv", "public"),
    ("national:advice_log_feed", lambda cast: "/national/advice.atom", "public"),
    ("national:home", lambda cast: "/national/", NATIONAL),
    ("national:assurance", lambda cast: "/national/assurance/", NATIONAL),
    ("national:issued", lambda cast: f"/national/south-west/issued/{issued_request(cast).pk}/", NATIONAL),
]
