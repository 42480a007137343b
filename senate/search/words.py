"""Words as search reads them: lower case letters and digits, with "a&e" kept as one word."""

import re

WORD = re.compile(r"[a-z0-9]+(?:&[a-z0-9]+)*")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("-", " "))


def tokens(word: str) -> str:
    """A word as the index holds it: "a&e" is the phrase "a e"."""
    return word.replace("&", " ")
