"""A short passage of a document around the first word that matched, with the matching words marked.
The document's text is escaped word by word; only the <mark> tags are added as markup."""

import re
from functools import lru_cache

from markupsafe import Markup, escape

WORDS_AROUND = 14
TOKEN = re.compile(r"\S+")
ENDINGS = ("ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "s", "y", "e")


@lru_cache(maxsize=50_000)  # a word is stemmed once, not on every page that shows it
def stem(word: str) -> str:
    word = re.sub(r"[^a-z0-9]", "", word.lower())
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def snippet(text: str, terms: set[str], *, words: int = WORDS_AROUND) -> Markup:
    pieces = TOKEN.findall(text)
    stems = {stem(t) for t in terms if t}
    # Only the first hit and the words around it are looked at: a long document is not read to its end.
    first = next((i for i, p in enumerate(pieces) if _matches(p, stems)), 0)
    start, end = max(0, first - words // 2), min(len(pieces), first + words + words // 2)
    shown = [Markup("<mark>{}</mark>").format(p) if _matches(p, stems) else escape(p) for p in pieces[start:end]]
    return Markup("… " if start else "") + Markup(" ").join(shown) + Markup(" …" if end < len(pieces) else "")


def _matches(piece: str, stems: set[str]) -> bool:
    word = stem(piece)
    return bool(word) and any(word == s or (len(s) >= 4 and word.startswith(s)) for s in stems)
