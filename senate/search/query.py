"""A person's query as the backends take it: groups of phrases, every group must match, any phrase
within a group may (a word and what the synonym list says it means). Common English words are left
out, so "what did the Senate advise about stroke care" looks for senate, advise, stroke and care."""

from dataclasses import dataclass, field

from senate.search import synonyms
from senate.search.words import tokens, words

MAX_LENGTH = 200
MAX_WORDS = 12
STOP = frozenset(
    "a about an and are as at be by did do does for from had has have how in is it its of on or our that the "
    "their there these this to was were what when where which who why will with".split()
)


class QueryError(ValueError):
    """What to tell the person about a query that cannot be searched."""


@dataclass
class Query:
    text: str
    groups: list[list[str]] = field(default_factory=list)
    any_group: bool = False  # match any group rather than all (when all find nothing)

    @property
    def highlight(self) -> set[str]:
        return {t for group in self.groups for phrase in group for t in phrase.split()}


def parse(text: str) -> Query:
    text = (text or "").strip()
    if not text:
        raise QueryError("Enter what you are looking for")
    if len(text) > MAX_LENGTH:
        raise QueryError(f"Search for {MAX_LENGTH} characters or fewer")
    found, i = words(text), 0
    query = Query(text=text)
    while i < len(found):
        phrase = synonyms.longest_at(found, i)
        if phrase is not None:
            alternatives = sorted(" ".join(tokens(w) for w in p) for p in synonyms.groups()[phrase])
            query.groups.append(alternatives)
            i += len(phrase)
            continue
        if found[i] not in STOP:
            query.groups.append([tokens(found[i])])
        i += 1
    if not query.groups:
        raise QueryError("Enter words to search for, not only common words such as “the” or “and”")
    if len(query.groups) > MAX_WORDS:
        raise QueryError(f"Search for {MAX_WORDS} words or fewer")
    return query
