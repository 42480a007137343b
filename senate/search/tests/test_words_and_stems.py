"""How search reads a person's words: plain functions, no database."""

from senate.search.query import parse
from senate.search.snippets import snippet, stem
from senate.search.synonyms import longest_at
from senate.search.words import words


def test_hyphens_and_punctuation_split_words_but_a_and_e_stays_one_word():
    assert words("Midwife-led A&E, 24/7") == ["midwife", "led", "a&e", "24", "7"]


def test_a_plural_finds_the_singular_in_a_passage():
    assert "<mark>unit</mark>" in snippet("the stroke unit opened", {"units"})


def test_a_word_stem_of_four_letters_or_more_finds_longer_words_that_start_with_it():
    assert "<mark>thrombolysis</mark>" in snippet("thrombolysis given", {"thromb"})


def test_a_short_word_does_not_find_every_word_that_starts_with_it():
    assert "<mark>" not in snippet("edition edited", {"ed"})


def test_short_words_keep_their_ending_so_they_are_not_cut_to_nothing():
    assert stem("ed") == "ed"


def test_capitals_and_punctuation_do_not_stop_a_word_matching():
    assert stem("Care,") == stem("care")


def test_a_passage_with_no_word_found_shows_the_start_of_the_document_unmarked():
    text = " ".join(f"w{i}" for i in range(40))
    passage = str(snippet(text, {"absent"}))
    assert passage.startswith("w0 ") and passage.endswith(" …") and "<mark>" not in passage


def test_the_longest_listed_phrase_wins_so_a_neonatal_unit_is_not_read_as_any_intensive_care_unit():
    found = words("neonatal intensive care unit beds")
    assert longest_at(found, 0) == ("neonatal", "intensive", "care", "unit")


def test_a_word_the_list_does_not_know_has_no_phrase():
    assert longest_at(["overnight", "care"], 0) is None


def test_a_spelled_out_phrase_finds_its_abbreviation_too():
    assert parse("hyperacute stroke unit").groups == [["hasu", "hyperacute stroke unit"]]


def test_every_word_of_every_alternative_is_highlighted():
    assert parse("HASU care").highlight == {"hasu", "hyperacute", "stroke", "unit", "care"}
