"""Making a request's case bundle: one ZIP holding the PDF of the record, a CSV of each of its tables,
the documents themselves, and a manifest of the SHA-256 of every file with the head of the Senate's
audit chain. Making one is an audit event (who, which request, which mode, the manifest's hash)."""

import csv
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from typing import IO, Any

from django.db import transaction
from django.utils import timezone

from senate.accounts.models import User
from senate.bundles import pdf
from senate.bundles.contents import Mode, Part, Setting, Table, when
from senate.bundles.parts import PARTS
from senate.core import audit
from senate.core.models import AuditChainHead
from senate.core.spreadsheets import safe_cell
from senate.organisations.models import Senate
from senate.reports.document import redact_text
from senate.reviews.models import Request


@dataclass(frozen=True)
class Made:
    mode: Mode
    files: int
    documents: int
    withheld: int
    manifest_sha256: str


def gather(request: Request, *, mode: Mode) -> list[Part]:
    """Every part of the record, redacted as agreed for publication when it is for disclosure."""
    setting = Setting(request, mode, _redactions(request) if mode == Mode.DISCLOSURE else ())
    parts = [module.part(setting) for module in PARTS]
    if setting.redactions:
        for table in (t for p in parts for t in p.tables):
            table.rows = [[redact_text(cell, setting.redactions) for cell in row] for row in table.rows]
    return parts


def _redactions(request: Request) -> tuple[str, ...]:
    permission = getattr(request, "publication_permission", None)
    return tuple(permission.redaction_list()) if permission else ()


def make_bundle(request: Request, *, mode: Mode, by: User | str, out: IO[bytes]) -> Made:
    """Write the bundle to `out` (a file opened for writing bytes). Raises before recording anything
    if the record cannot be gathered or a document cannot be read."""
    mode = Mode(mode)
    parts = gather(request, mode=mode)
    chain = chain_head(request.senate)
    made_at = when(timezone.now())
    hashes: list[dict[str, Any]] = []
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as bundle:

        def add(path: str, data: bytes) -> None:
            bundle.writestr(path, data)
            hashes.append({"path": path, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)})

        html = pdf.to_html(request, parts=parts, mode=mode, made_at=made_at, made_by=str(by), chain=chain)
        add(f"{request.reference}-case-bundle.pdf", pdf.to_pdf(html))
        for table in (t for p in parts for t in p.tables):
            add(f"records/{table.name}.csv", to_csv(table))
        add("records/withheld.csv", to_csv(_withheld_table(parts)))
        for document in (d for p in parts for d in p.documents):
            add(document.path, document.read())
        manifest = _manifest(request, mode=mode, by=by, made_at=made_at, chain=chain, files=hashes, parts=parts)
        manifest_sha256 = hashlib.sha256(manifest).hexdigest()
        _record(request, mode=mode, by=by, manifest_sha256=manifest_sha256, chain=chain, files=len(hashes))
        bundle.writestr("MANIFEST.json", manifest)
        bundle.writestr("SHA256SUMS", "".join(f"{f['sha256']}  {f['path']}\n" for f in hashes))
    return Made(mode, len(hashes), sum(len(p.documents) for p in parts), sum(len(p.withheld) for p in parts),
                manifest_sha256)  # fmt: skip


def chain_head(senate: Senate) -> dict[str, Any]:
    name = audit.chain_of(senate.pk)
    head = AuditChainHead.objects.filter(chain=name).first()
    return {"name": name, "sequence": head.sequence if head else 0, "hash": head.hash if head else ""}


def to_csv(table: Table) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(table.headers)
    writer.writerows([safe_cell(str(cell)) for cell in row] for row in table.rows)
    return text.getvalue().encode("utf-8-sig")


def _withheld_table(parts: list[Part]) -> Table:
    rows = [[w.what, w.classification, w.reason] for p in parts for w in p.withheld]
    return Table("withheld", "Withheld from this bundle", ["What", "Classification", "Why withheld"], rows)


def _manifest(
    request: Request, *, mode: Mode, by: User | str, made_at: str, chain: dict, files: list, parts: list
) -> bytes:
    content = {
        "request": {"reference": request.reference, "title": request.title, "id": request.pk},
        "senate": request.senate.name,
        "mode": str(mode),
        "made_at": made_at,
        "made_by": str(by),
        "audit_chain": chain,
        "files": files,
        "withheld": [{"what": w.what, "classification": w.classification, "reason": w.reason}
                     for p in parts for w in p.withheld],
    }  # fmt: skip
    return json.dumps(content, indent=2, ensure_ascii=False).encode()


def _record(request: Request, *, mode: Mode, by: User | str, manifest_sha256: str, chain: dict, files: int) -> None:
    with transaction.atomic():
        audit.record(
            "bundle.made",
            request,
            by=by if isinstance(by, User) else None,  # the command line's words for whoever ran it are not a person
            senate=request.senate,
            summary=f"Case bundle ({mode}) of {request.reference} made",
            data={"request": request.pk, "mode": str(mode), "made_by": str(by), "manifest_sha256": manifest_sha256, "files": files,
                  "chain_sequence_before": chain["sequence"]},
        )  # fmt: skip
