"""The evidence: what the Senate asked for, every item with its confidentiality tier and each file
version, who opened sensitive items, fieldwork and the papers circulated, and each version of the
panel's judgements with the evidence relied on. A disclosure bundle leaves out the files of restricted
tiers (official-sensitive, draft) and lists them as withheld with their tier."""

import posixpath
from typing import Any

from senate.bundles.contents import Document, Part, Setting, Withheld, day, when, who
from senate.evidence.models import AccessLog, EvidenceRequest, EvidenceVersion, Fieldwork, Tier
from senate.reports.framework import outcome_label
from senate.reports.models import IndividualView, Judgement
from senate.reviews.models import Request

RESTRICTED = frozenset({Tier.OFFICIAL_SENSITIVE, Tier.DRAFT})


def part(setting: Setting) -> Part:
    r = setting.request
    found = Part("evidence", "Evidence, fieldwork and the panel's judgements")
    asked = EvidenceRequest.objects.filter(request=r).select_related("asked_by").order_by("asked_at", "id")
    found.table(
        "evidence_requests",
        "Evidence asked of the requester",
        ["Asked", "By", "What", "Kind", "Due"],
        [[when(a.asked_at), who(a.asked_by), a.title, a.get_kind_display(), day(a.due_on)] for a in asked],
    )
    versions = list(
        EvidenceVersion.objects.filter(item__request=r)
        .select_related("item__added_by", "uploaded_by")
        .order_by("uploaded_at", "item_id", "number")
    )
    _library(found, setting, versions)
    log = (
        AccessLog.objects.filter(item__request=r).select_related("item", "version", "user").order_by("opened_at", "id")
    )
    found.table(
        "evidence_access_log",
        "Access log: each opening of an official-sensitive item",
        ["When", "Who", "Item", "Version"],
        [[when(e.opened_at), who(e.user), e.item.title, f"v{e.version.number}" if e.version else ""] for e in log],
    )
    _fieldwork(found, r)
    _judgements(found, r)
    return found


def _library(found: Part, setting: Setting, versions: list[EvidenceVersion]) -> None:
    rows = []
    for v in versions:
        item, withheld = v.item, setting.disclosure and v.item.tier in RESTRICTED
        path = f"documents/evidence/E{item.pk}-v{v.number}-{_safe(v.original_name)}"
        if withheld:
            found.withheld.append(Withheld(f"Evidence E{item.pk} v{v.number}: {item.title}", item.get_tier_display(),
                                           "Restricted confidentiality tier"))  # fmt: skip
        else:
            found.documents.append(Document(path, f"{item.title} (v{v.number})", _reader(v)))
        rows.append(
            [f"E{item.pk}", item.title, item.get_kind_display(), item.get_tier_display(), item.get_source_display(),
             item.provenance, f"v{v.number}: {v.original_name} ({v.size:,} bytes)", f"{when(v.uploaded_at)} {who(v.uploaded_by)}",
             v.sha256, "Withheld" if withheld else path]
        )  # fmt: skip
    found.table(
        "evidence",
        "The evidence list: every item and file version, with its tier",
        [
            "Item",
            "Title",
            "Kind",
            "Tier",
            "Source",
            "Provenance",
            "File",
            "Uploaded",
            "SHA-256 at upload",
            "In this bundle",
        ],
        rows,
    )


def _reader(version: EvidenceVersion) -> Any:
    def read() -> bytes:
        with version.file.open("rb") as f:
            return f.read()

    return read


def _safe(name: str) -> str:
    base = posixpath.basename(name.replace("\\", "/"))
    return "".join(c if c.isalnum() or c in "._-" else "_" for c in base)[:120] or "file"


def _fieldwork(found: Part, r: Request) -> None:
    work = Fieldwork.objects.filter(request=r).select_related("recorded_by")
    work = work.prefetch_related("attendees", "papers__items").order_by("held_on", "id")
    rows, papers = [], []
    for f in work:
        people = ", ".join([str(u) for u in f.attendees.all()] + f.others_attending.split("\n"))
        rows.append([day(f.held_on), f.get_kind_display(), f.place, people.strip(", "), f.notes, who(f.recorded_by)])
        papers += [
            [day(p.sent_on), str(f), p.description, ", ".join(i.title for i in p.items.all())] for p in f.papers.all()
        ]
    found.table("fieldwork", "Fieldwork", ["Held", "Kind", "Where", "Who attended", "Notes", "Recorded by"], rows)
    found.table("papers_circulated", "Papers circulated to the panel", ["Sent", "For", "Papers", "Evidence"], papers)


def _judgements(found: Part, r: Request) -> None:
    views = IndividualView.objects.filter(request=r).select_related("criterion", "author").order_by("at", "id")
    found.table(
        "individual_views",
        "Panel members' own views before the panel agreed",
        ["When", "Member", "Criterion", "View", "Reasons"],
        [[when(v.at), who(v.author), v.criterion.title, outcome_label(v.outcome), v.text] for v in views],
    )
    judgements = Judgement.objects.filter(request=r).select_related("criterion", "recorded_by")
    judgements = judgements.prefetch_related("evidence").order_by("recorded_at", "id")
    found.table(
        "judgements",
        "Each version of the panel's judgements, with the evidence relied on",
        ["When", "Criterion", "Version", "Judgement", "Strength", "Reasons", "Evidence relied on", "Recorded by"],
        [[when(j.recorded_at), j.criterion.title, f"v{j.version}", outcome_label(j.outcome), j.get_strength_display(), j.narrative,
          "\n".join(f"E{e.pk}: {e.title}" for e in j.evidence.all()), who(j.recorded_by)] for j in judgements],
    )  # fmt: skip
