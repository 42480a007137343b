"""What evidence may be: the platform's upload policy (senate.core.uploads) with evidence's kinds of
file and its size limit, EVIDENCE_MAX_UPLOAD_BYTES (25 MB unless set)."""

from typing import IO

from django.conf import settings

from senate.core.uploads import (  # noqa: F401 - re-exported for evidence's callers
    CSV,
    DOCX,
    JPEG,
    KINDS,
    PDF,
    PNG,
    PPTX,
    XLSX,
    Checked,
    UploadRefused,
    decode_text,
    describe_size,
    kinds_in_words,
    read_upload,
)
from senate.core.uploads import check_upload as check_against_policy

DEFAULT_MAX_BYTES = 25 * 1024 * 1024
EVIDENCE_KINDS = (PDF, DOCX, XLSX, PPTX, CSV, PNG, JPEG)
# Sniffed type -> (the extensions its name may carry, words for people).
ALLOWED: dict[str, tuple[set[str], str]] = {k: (set(KINDS[k].extensions), KINDS[k].words) for k in EVIDENCE_KINDS}
ALLOWED_WORDS = kinds_in_words(EVIDENCE_KINDS)


def max_bytes() -> int:
    return int(getattr(settings, "EVIDENCE_MAX_UPLOAD_BYTES", DEFAULT_MAX_BYTES))


def check_upload(*, name: str, data: bytes) -> Checked:
    """Check one file's bytes and name as evidence; return what was found, or raise UploadRefused."""
    return check_against_policy(name, data, max_bytes=max_bytes(), allowed_kinds=EVIDENCE_KINDS)


def read_all(upload: IO[bytes]) -> bytes:
    """Read an uploaded file, stopping just past the limit so a huge file is not held in memory."""
    return read_upload(upload, max_bytes())
