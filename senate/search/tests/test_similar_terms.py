"""The words a request is matched on when similar past reviews are looked for: its distinctive
words, title first (unsaved requests, no database)."""

from senate.reviews.models import Request
from senate.search.similar import TERMS, _terms


def _request(title, questions="", background=""):
    return Request(title=title, questions=questions, background=background)


def test_words_every_request_uses_do_not_make_reviews_similar():
    request = _request("Would the clinical services change", questions="Would it be safe? Would patients travel?")
    assert _terms(request) == ["travel"]


def test_the_titles_words_come_before_the_questions_words():
    request = _request("Hyperacute stroke", questions="Thrombolysis thrombolysis times")
    assert _terms(request) == ["hyperacute", "stroke", "thrombolysis", "times"]


def test_the_most_frequent_words_of_the_questions_and_background_come_first():
    request = _request("Maternity", questions="midwives obstetric midwives", background="obstetric midwives")
    assert _terms(request) == ["maternity", "midwives", "obstetric"]


def test_one_form_of_each_word_is_searched_for():
    assert _terms(_request("Stroke units", questions="unit strokes")) == ["stroke", "units"]


def test_numbers_short_words_and_abbreviations_with_ampersands_are_left_out():
    assert _terms(_request("A&E in 2027 at St Ives")) == ["ives"]


def test_at_most_a_dozen_words_are_searched_for():
    title = " ".join(f"word{letter}" for letter in "abcdefghijklmnopqrstuvwxyz")
    assert len(_terms(_request(title))) == TERMS
