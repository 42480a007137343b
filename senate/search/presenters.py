"""Results as the page shows them: kind, Senate, request, date, a highlighted passage and the link."""

from dataclasses import dataclass

from markupsafe import Markup

from senate.search.searching import Results
from senate.search.snippets import snippet


@dataclass
class Row:
    title: str
    url: str
    kind: str
    senate: str
    request: str
    dated: str
    passage: Markup
    no_text: bool


def result_rows(results: Results) -> list[Row]:
    terms = results.query.highlight
    return [
        Row(
            title=d.title,
            url=d.url,
            kind=d.get_kind_display(),
            senate=d.senate_name,
            request=d.about,
            dated=f"{d.dated:%-d %B %Y}",
            passage=snippet(d.body or d.title, terms),
            no_text=d.no_text,
        )
        for d in results.documents
    ]
