"""The words a request is matched on when similar past reviews are looked for: its distinctive
words, title first (unsaved requests, no database)."""

from senate.reviews.models import Request
from senate.search.similar import TERMS, _terms


def _request(title, questions="", background=""):
    return Request(title=title, questions=questions, background=background)


def test_words_every_request_uses_do_not_make_reviews_similar():
    request = _request("Would the clinical services change", questions="Would it be safe? Would patients travel?")
    assert _terms(request) == ["travel"]
