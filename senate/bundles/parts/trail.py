"""The audit trail of the request and every record that belongs to it, oldest first, with each
event's place in the Senate's hash chain, so each row can be checked against `senate audit verify`."""

from senate.bundles.contents import Part, Setting, when
from senate.core import audit
from senate.reviews import history


def part(setting: Setting) -> Part:
    found = Part(
        "trail",
        "The audit trail",
        "Every audit event about the request and its records. Each is a link in the Senate's tamper-evident "
        "hash chain (docs/adr/0004): its sequence number and hash let it be checked against the chain.",
    )
    rows = []
    for event in history.events_about(setting.request):
        described = audit.describe(event)
        changed = "; ".join(f"{field}: {before} → {after}" for field, before, after in described.changes)
        rows.append([when(event.at), described.who, described.what, event.summary, changed,
                     f"{event.object_type} {event.object_id}", str(event.sequence), event.hash])  # fmt: skip
    found.table(
        "audit_trail",
        "Audit events, oldest first",
        ["When", "Who", "What", "Summary", "Changes", "Record", "Sequence", "Hash"],
        rows,
    )
    return found
