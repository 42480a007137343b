"""Matching places named in a request against places named in declarations. A place is a phrase
("Newton Abbot", "South Hams"); it matches when its words appear together in the declared text.
Words that name kinds of place rather than places ("hospital", "NHS") are ignored, so "Torbay
Hospital" matches an interest in "Torbay". Matches are suggestions: the Senate team dismisses the
false ones, and the dismissal is recorded."""

import re
from collections.abc import Iterable

GENERIC = frozenset(
    """a an and at by for in of on the to upon nhs trust foundation hospital hospitals centre center
    site sites unit ward clinic clinics practice surgery services service health care medical
    infirmary community general district""".split()
)
Phrase = tuple[str, ...]


def words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9][a-z0-9'-]*", text.lower()) if w not in GENERIC]


def phrases(text: str) -> dict[str, list[Phrase]]:
    """The request's places, indexed by their first word for a fast scan of declared text."""
    found: dict[str, list[Phrase]] = {}
    for part in re.split(r"[,;/\n]|\band\b", text.lower()):
        phrase = tuple(words(part))
        if phrase and len("".join(phrase)) > 2:
            found.setdefault(phrase[0], []).append(phrase)
    return found


def first_match(index: dict[str, list[Phrase]], texts: Iterable[str]) -> str:
    """The first request place found in any of the declared texts, or ''."""
    for text in texts:
        seen = words(text)
        for i, word in enumerate(seen):
            for phrase in index.get(word, ()):
                if tuple(seen[i : i + len(phrase)]) == phrase:
                    return " ".join(phrase).title()
    return ""
