import pytest
from markupsafe import Markup

from senate.search.query import QueryError, parse
from senate.search.snippets import snippet


def test_abbreviations_find_what_they_mean():
    assert parse("HASU").groups == [["hasu", "hyperacute stroke unit"]]
    assert parse("A&E waits").groups == [["a e", "accident and emergency", "ed", "emergency department"], ["waits"]]
    assert parse("midwife-led unit").groups == [["midwife led unit", "mlu"]]


def test_common_words_are_left_out():
    query = parse("what did the Senate advise about overnight stroke care")
    assert query.groups == [["senate"], ["advise"], ["overnight"], ["stroke"], ["care"]]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Enter what you are looking for"),
        ("   ", "Enter what you are looking for"),
        ("the and of", "Enter words to search for, not only common words such as “the” or “and”"),
        ("x" * 201, "Search for 200 characters or fewer"),
        (" ".join(f"w{i}" for i in range(13)), "Search for 12 words or fewer"),
    ],
)
def test_a_query_that_cannot_be_searched_says_why(text, message):
    with pytest.raises(QueryError, match=message):
        parse(text)


def test_passages_escape_the_document_and_mark_the_words_found():
    passage = snippet('Stroke <script>alert("x")</script> units & "hyperacute" care', {"stroke", "care"})
    assert isinstance(passage, Markup)
    assert "<script>" not in passage
    assert str(passage).startswith("<mark>Stroke</mark> &lt;script&gt;")
    assert "&amp;" in passage and "<mark>care</mark>" in passage


def test_a_long_passage_is_cut_around_the_first_word_found():
    text = " ".join(["filler"] * 50 + ["thrombolysis"] + ["after"] * 50)
    passage = str(snippet(text, {"thrombolysis"}))
    assert passage.startswith("… ") and passage.endswith(" …") and "<mark>thrombolysis</mark>" in passage
