"""Who may open the recruitment pages (discovered by tests/test_page_access.py). The Senate team runs
recruitment; a selection panel member reads and scores (not in the fixed cast: tested in
test_pages.py); the public sees the open vacancies and the application form."""

from senate.recruitment.tests.factories import apply, open_vacancy

TEAM = {"manager", "chair"}


def _vacancy(cast, suffix=""):
    return f"/south-west/recruitment/{open_vacancy(cast['manager']).pk}/{suffix}"


def _application(cast, suffix=""):
    vacancy = open_vacancy(cast["manager"])
    return f"/south-west/recruitment/{vacancy.pk}/applications/{apply(vacancy).pk}/{suffix}"


PAGES = [
    ("recruitment:index", lambda c: "/south-west/recruitment/", TEAM),
    ("recruitment:new", lambda c: "/south-west/recruitment/new/", TEAM),
    ("recruitment:vacancy", _vacancy, TEAM),
    ("recruitment:describe", lambda c: _vacancy(c, "description/"), TEAM),
    ("recruitment:panel", lambda c: _vacancy(c, "panel/"), TEAM),
    ("recruitment:shortlist", lambda c: _vacancy(c, "shortlist/"), TEAM),
    ("recruitment:decide", lambda c: _vacancy(c, "decision/"), TEAM),
    ("recruitment:application", _application, TEAM),
    ("recruitment:interview", lambda c: _application(c, "interview/"), TEAM),
    ("recruitment:open", lambda c: "/south-west/recruitment/vacancies/", "public"),
    (
        "recruitment:apply",
        lambda c: f"/south-west/recruitment/vacancies/{open_vacancy(c['manager']).pk}/apply/",
        "public",
    ),
    ("recruitment:applied", lambda c: "/south-west/recruitment/applied/", "public"),
]
# POST-only acts, the monitoring form (reached only after applying) and the appointed person's own
# letter: tested in test_pages.py.
NOT_GET_PAGES = {
    "recruitment:recuse",
    "recruitment:close",
    "recruitment:appoint",
    "recruitment:monitoring",
    "recruitment:letter",
}
