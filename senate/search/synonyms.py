"""Clinical abbreviations and their meanings (synonyms.csv, each with its source): a query naming one
also finds the others, so "HASU" finds "hyperacute stroke unit" and "A&E" finds "emergency department"."""

import csv
from functools import cache
from pathlib import Path

from senate.search.words import words

LIST = Path(__file__).with_name("synonyms.csv")


@cache
def groups() -> dict[tuple[str, ...], frozenset[tuple[str, ...]]]:
    """Each phrase (as words) with every phrase it means, itself included."""
    linked: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    with LIST.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            a, b = tuple(words(row["term"])), tuple(words(row["means"]))
            group = linked.get(a, {a}) | linked.get(b, {b})
            for phrase in group:
                linked[phrase] = group
    return {phrase: frozenset(group) for phrase, group in linked.items()}


def longest_at(tokens: list[str], start: int) -> tuple[str, ...] | None:
    """The longest listed phrase starting at `tokens[start]`."""
    known = groups()
    for end in range(min(len(tokens), start + 6), start, -1):
        if tuple(tokens[start:end]) in known:
            return tuple(tokens[start:end])
    return None
