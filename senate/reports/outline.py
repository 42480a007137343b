"""The sections a report (or a letter) has, in the order it reads: what `compose` builds and what a
factual-accuracy comment may be about (`accuracy.comment`), kept apart so neither imports the other."""

from senate.reports.models import ReportDraft

# (key, title) in the order the report reads; written sections come from the draft.
REPORT_ORDER = [
    ("document_control", "Document control"),
    ("foreword", "Foreword"),
    ("request", "The request for advice"),
    ("summary", "Summary in plain English"),
    ("recommendations", "Summary of recommendations"),
    ("background", "Background"),
    ("scope", "Scope and limitations"),
    ("method", "Method"),
    ("terms", "The agreed terms of reference"),
    ("findings", "Findings against each criterion"),
    ("conclusions", "Conclusions"),
    ("panel", "The panel"),
    ("partners", "Partners engaged"),
    ("evidence", "The evidence considered"),
    ("glossary", "Glossary"),
]
LETTER_ORDER = [
    ("document_control", "Document control"),
    ("request", "Your request"),
    ("summary", "Our advice in brief"),
    ("background", "Background"),
    ("findings", "What we considered"),
    ("conclusions", "Our advice"),
    ("recommendations", "Recommendations"),
    ("panel", "Clinicians who advised"),
    ("partners", "Partners engaged"),
    ("evidence", "The evidence considered"),
]
# An honest-broker request's advice draws on the work between the parties, shown after the method.
BROKERING = ("brokering", "The honest-broker work this advice draws on")


def order_for(draft: ReportDraft) -> list[tuple[str, str]]:
    order = LETTER_ORDER if draft.kind == ReportDraft.Kind.LETTER else REPORT_ORDER
    if draft.request.kind != "honest_broker":
        return order
    at = [key for key, _ in order].index("findings")
    return order[:at] + [BROKERING] + order[at:]


def section_titles(draft: ReportDraft) -> dict[str, str]:
    return dict(order_for(draft))
