"""Comments cite the domain facts they rely on as `docs/domain.md §4.1`: each cited section is in this
repository's copy, and nothing cites a file outside the repository (a reader of the code has only it)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CITED = re.compile(r"docs/domain\.md\s+((?:§\s*[\d.]+[,;]?\s*(?:and\s+)?)+)")
SECTION = re.compile(r"§\s*([\d]+(?:\.[\d]+)?)")


def _sources() -> list[Path]:
    return sorted(ROOT.glob("senate/**/*.py"))


def _sections() -> set[str]:
    found = set()
    for line in (ROOT / "docs" / "domain.md").read_text().splitlines():
        if match := re.match(r"#{2,3} (\d+(?:\.\d+)?)[. ]", line):
            found.add(match.group(1).rstrip("."))
    return found


def test_every_cited_section_is_in_docs_domain():
    sections = _sections()
    assert {"2.5", "4.1", "9.3"} <= sections
    missing = {}
    for path in _sources():
        for group in CITED.findall(path.read_text()):
            for number in SECTION.findall(group):
                if number.rstrip(".") not in sections:
                    missing.setdefault(str(path.relative_to(ROOT)), []).append(number)
    assert missing == {}


def test_no_code_cites_a_file_outside_the_repository():
    outside = [str(p.relative_to(ROOT)) for p in _sources() if re.search(r"(?<![\w/])(\.\./)?shared/", p.read_text())]
    assert outside == []


def test_every_citation_of_the_domain_notes_says_where_they_are():
    bare = [str(p.relative_to(ROOT)) for p in _sources() if re.search(r"(?<![\w/])domain\.md §", p.read_text())]
    assert bare == [], "cite them as docs/domain.md §N"
