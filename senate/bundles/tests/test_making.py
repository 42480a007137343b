import hashlib
import io

from pypdf import PdfReader

from senate.accounts.models import User
from senate.bundles.contents import Mode
from senate.bundles.making import make_bundle
from senate.bundles.parts.evidence import RESTRICTED
from senate.bundles.tests.unzipped import manifest, rows, unzip
from senate.core.models import AuditChainHead, AuditEvent
from senate.evidence.models import EvidenceVersion


def _bundle(request, mode):
    out = io.BytesIO()
    by = User.objects.get(email="manager@demo.senate.example")
    made = make_bundle(request, mode=mode, by=by, out=out)
    return made, unzip(out.getvalue())


def test_the_bundle_of_a_demo_review_holds_every_part_of_the_record(demo_review):
    head = AuditChainHead.objects.get(chain=f"senate:{demo_review.senate_id}")
    made, files = _bundle(demo_review, Mode.FULL)

    assert rows(files, "timeline") and rows(files, "terms_versions")[0]["Status"] == "Approved"
    assert rows(files, "optimiser_runs") and rows(files, "invitations") and rows(files, "screening")
    assert rows(files, "declarations") and rows(files, "declarations_in_force")
    assert {r["Tier"] for r in rows(files, "evidence")} >= {"Official", "Official-sensitive"}
    assert rows(files, "fieldwork") and rows(files, "judgements")[0]["Evidence relied on"]
    assert len(rows(files, "report_versions")) == demo_review.report_drafts.count() >= 2
    assert rows(files, "accuracy_comments") and rows(files, "council_attendance")
    assert any(r["Decision"].startswith("Approved") for r in rows(files, "council_decisions"))
    assert rows(files, "issue_and_publication") and rows(files, "audit_trail")
    assert f"documents/report/{demo_review.reference}-v1.pdf" in files
    text = "".join(
        page.extract_text()
        for page in PdfReader(io.BytesIO(files[f"{demo_review.reference}-case-bundle.pdf"])).pages[:3]
    )
    assert "Contents" in text and "Terms of reference" in text and demo_review.title in text
    assert manifest(files)["audit_chain"] == {"name": head.chain, "sequence": head.sequence, "hash": head.hash}
    event = AuditEvent.objects.get(action="bundle.made")
    assert event.actor.email == "manager@demo.senate.example" and event.object_id == str(demo_review.pk)
    assert event.data["mode"] == "full" and event.data["manifest_sha256"] == made.manifest_sha256
    assert hashlib.sha256(files["MANIFEST.json"]).hexdigest() == made.manifest_sha256


def test_the_manifest_hashes_match_every_file(demo_review):
    _, files = _bundle(demo_review, Mode.FULL)
    listed = {f["path"]: f for f in manifest(files)["files"]}

    assert set(listed) == set(files) - {"MANIFEST.json", "SHA256SUMS"}
    for path, data in files.items():
        if path in listed:
            assert listed[path]["sha256"] == hashlib.sha256(data).hexdigest(), path
            assert listed[path]["bytes"] == len(data)
    assert files["SHA256SUMS"].decode().count("\n") == len(listed)


def test_disclosure_leaves_out_restricted_evidence_and_marks_it_withheld(demo_review):
    restricted = list(EvidenceVersion.objects.filter(item__request=demo_review, item__tier__in=RESTRICTED))
    assert restricted
    _, full = _bundle(demo_review, Mode.FULL)
    _, disclosed = _bundle(demo_review, Mode.DISCLOSURE)

    for version in restricted:
        name = f"documents/evidence/E{version.item_id}-v{version.number}-"
        assert any(path.startswith(name) for path in full)
        assert not any(path.startswith(name) for path in disclosed)
        assert any(version.item.title in w["What"] for w in rows(disclosed, "withheld"))
    withheld = manifest(disclosed)["withheld"]
    assert {w["classification"] for w in withheld} >= {"Official-sensitive"}
    assert rows(full, "withheld") == [] and manifest(full)["withheld"] == []
    evidence = rows(disclosed, "evidence")
    assert {r["In this bundle"] for r in evidence if r["Tier"] == "Official-sensitive"} == {"Withheld"}
