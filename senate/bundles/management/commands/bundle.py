"""`senate bundle SW-2026-002 --mode full|disclosure --output PATH`: a request's case bundle as one ZIP."""

import getpass
import os
import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from senate.bundles.contents import Mode
from senate.bundles.permission_names import BundlesPermission
from senate.reviews.models import Request


class Command(BaseCommand):
    help = (
        "Make the case bundle of a request (for a judicial review): one ZIP with the PDF of the record, "
        "CSVs, the documents and a manifest of SHA-256 hashes with the Senate's audit chain head. "
        "--mode disclosure lists withheld material instead of including it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("reference", help="the request's reference, e.g. SW-2026-002")
        parser.add_argument("--mode", choices=[m.value for m in Mode], default=Mode.FULL.value)
        parser.add_argument("--output", help="the ZIP to write, or a folder for <reference>-<mode>.zip in it")
        parser.add_argument("--by", help="the email of the Senate manager or Chair asking for it (for the audit trail)")

    def handle(
        self, *args: object, reference: str, mode: str, output: str | None, by: str | None, **options: object
    ) -> None:
        from senate.bundles.making import make_bundle
        from senate.reviews.models import Request

        request = (
            Request.objects.select_related("senate", "requesting_organisation").filter(reference=reference).first()
        )
        if request is None:
            raise CommandError(f"There is no request with the reference {reference}.")
        person = _person(by, request)
        path = _path(output, reference, mode)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=".bundle-", delete=False) as out:
            try:
                made = make_bundle(
                    request, mode=Mode(mode), by=person or f"{getpass.getuser()} (command line)", out=out
                )
            except BaseException:
                os.unlink(out.name)
                raise
        os.replace(out.name, path)
        self.stdout.write(
            f"Wrote the {mode} case bundle of {reference} to {path} ({path.stat().st_size:,} bytes: {made.files} files, "
            f"{made.documents} documents, {made.withheld} withheld). Manifest SHA-256 {made.manifest_sha256}."
        )


def _person(email: str | None, request: Request) -> Any:
    if not email:
        return None
    from senate.accounts.models import User

    person = User.objects.filter(email__iexact=email, is_active=True).first()
    if person is None or not person.has_perm(BundlesPermission.MAKE_BUNDLE, request):
        raise CommandError(f"{email} may not make this request's case bundle (the Senate team only).")
    return person


def _path(output: str | None, reference: str, mode: str) -> Path:
    path = Path(output or ".").expanduser()
    if path.is_dir():
        path = path / f"{reference}-case-bundle-{mode}.zip"
    if not path.parent.is_dir():
        raise CommandError(f"There is no folder {path.parent} to write the bundle in.")
    return path.resolve()
