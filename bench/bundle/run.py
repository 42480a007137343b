"""Benchmark of the case bundle (not a test): the largest review of the demo world, in one ZIP.

    .venv/bin/python bench/bundle/run.py [--scale demo|tiny] [--mode full|disclosure] [--keep PATH]

Migrates a temporary SQLite database (never var/), builds the demo world with its files in a temporary
folder, picks the South West review with the most audit events and documents, makes its bundle once
(the process's first, which loads WeasyPrint's fonts, is reported too), then times a second end to end (gathering, the PDF, each report version's
PDF, the CSVs, the documents, the manifest and the audit event). Target: under 10 s on a 2-core machine.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
TARGET_SECONDS = 10.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", default="demo", choices=["demo", "tiny"])
    parser.add_argument("--mode", default="full", choices=["full", "disclosure"])
    parser.add_argument("--keep", help="build (or reuse) the demo world in this folder instead of a temporary one")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(args.keep or scratch)
        folder.mkdir(parents=True, exist_ok=True)
        _setup_django(folder)
        built = _build(args.scale)
        request, documents, events = _largest()
        first, seconds, cpu, made, size = _measure(request, args.mode)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    verdict = "met" if seconds < TARGET_SECONDS else "MISSED"
    print(
        f"Demo world ({args.scale}) built in {built:.1f} s. Largest review {request.reference} "
        f"({events} audit events, {documents} documents).\n"
        f"Case bundle ({args.mode}): {seconds:.2f} s ({cpu:.2f} s of CPU; the process's first took {first:.2f} s), {size / 1e6:.2f} MB, {made.files} files, "
        f"{made.documents} documents, {made.withheld} withheld; peak memory {peak:.0f} MB. "
        f"Target under {TARGET_SECONDS:.0f} s: {verdict}."
    )
    return 0 if seconds < TARGET_SECONDS else 1


def _setup_django(folder: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(folder / "media")
    os.environ.setdefault("SECRET_KEY", "benchmark-only-not-a-secret")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "senate.config.settings")
    import django

    django.setup()
    import logging

    logging.getLogger("weasyprint").setLevel(logging.ERROR)


def _build(scale: str) -> float:
    from django.core.management import call_command

    from senate.demo import world
    from senate.reviews.models import Request

    call_command("migrate", verbosity=0)
    if Request.objects.exists():
        return 0.0
    started = time.perf_counter()
    world.build(scale=scale, seed=7)
    return time.perf_counter() - started


def _largest():  # type: ignore[no-untyped-def]
    """The South West review with the most audit events, then documents (evidence files, report
    versions and Council papers)."""
    from django.db.models import Count

    from senate.council.models import Paper
    from senate.reviews import history
    from senate.reviews.models import Request

    found = []
    requests = Request.objects.filter(senate__slug="south-west").exclude(reference=None)
    counted = requests.annotate(
        files=Count("evidence_items__versions", distinct=True), drafts=Count("report_drafts", distinct=True)
    )
    for request in counted:
        papers = Paper.objects.filter(item__request=request).count()
        documents = request.files + request.drafts + papers
        found.append((history.events_about(request).count(), documents, request))
    events, documents, request = max(found, key=lambda f: (f[0], f[1]))
    return request, documents, events


def _measure(request, mode):  # type: ignore[no-untyped-def]
    from senate.accounts.models import User
    from senate.bundles.making import make_bundle

    by = User.objects.get(email="manager@demo.senate.example")
    started = time.perf_counter()
    make_bundle(request, mode=mode, by=by, out=io.BytesIO())  # the first loads fonts, templates and modules
    first = time.perf_counter() - started
    out = io.BytesIO()
    started, cpu = time.perf_counter(), time.process_time()
    made = make_bundle(request, mode=mode, by=by, out=out)
    return first, time.perf_counter() - started, time.process_time() - cpu, made, len(out.getvalue())


if __name__ == "__main__":
    sys.exit(main())
