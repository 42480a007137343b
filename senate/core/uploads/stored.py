"""Keeping storage and the database in step for uploads. A file is saved before its transaction opens
(so a slow disk or S3 never holds the database's write lock) and deleted again if the writes that
point at it fail: Django has no on_rollback, so `stored_file` wraps the block. A process killed
between the two leaves a file no row points at; `sweep_orphans` removes such files once they are old."""

import datetime as dt
import errno
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage
from django.utils import timezone

logger = logging.getLogger("senate.uploads")
NO_ROOM = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


class UploadNotStored(Exception):  # noqa: N818 - reads as what happened
    """The file passed every check but the file store could not keep it (a full disk, a storage
    service that refused it). Nothing was saved; str(error) says so for the person uploading."""


def _why_not_stored(error: BaseException) -> str:
    if isinstance(error, OSError) and error.errno in NO_ROOM:
        return "The file could not be stored because the server has no room left for files"
    return "The file could not be stored because the file store did not accept it"


@contextmanager
def stored_file(name: str, data: bytes, *, storage: Storage | None = None) -> Iterator[str]:
    """Save `data` as `name` (or a free name near it) and yield the name it was saved as. If the block
    raises (its transaction rolled back), the file is deleted before the error goes on. If the file
    store cannot keep it, whatever part was written is deleted and UploadNotStored says so.

        with stored_file(path, data) as saved, transaction.atomic():
            Thing.objects.create(file=saved, ...)
    """
    storage = storage or default_storage
    target = storage.get_available_name(name)
    try:
        saved = storage.save(target, ContentFile(data))
    except Exception as error:
        # A save that failed half way (a full disk) can leave part of the file: remove it now.
        _discard(storage, target)
        logger.error("Could not store an upload as %s", target, exc_info=True)
        raise UploadNotStored(
            f"{_why_not_stored(error)}. Nothing has been saved. Try again later, and tell the Senate team "
            "if it happens again."
        ) from error
    try:
        yield saved
    except BaseException:
        _discard(storage, saved)
        raise


def _discard(storage: Storage, name: str) -> None:
    try:
        if storage.exists(name):
            storage.delete(name)
    except Exception:  # noqa: BLE001 - the sweeper will get it; the original error matters more
        logger.warning("Could not delete %s after its upload failed", name, exc_info=True)


def orphan_age() -> dt.timedelta:
    """How old a file no row points at must be before it is swept (uploads in flight are younger)."""
    return dt.timedelta(seconds=float(getattr(settings, "UPLOAD_ORPHAN_AGE_SECONDS", 24 * 3600)))


def sweep_orphans(
    prefix: str, referenced: Iterable[str], *, now: dt.datetime | None = None, storage: Storage | None = None
) -> int:
    """Delete the files under `prefix` that are not in `referenced` and are older than `orphan_age()`.
    Returns how many were deleted."""
    storage = storage or default_storage
    keep, cutoff = set(referenced), (now or timezone.now()) - orphan_age()
    deleted = 0
    for name in _walk(storage, prefix.rstrip("/")):
        if name in keep or _modified(storage, name) > cutoff:
            continue
        storage.delete(name)
        logger.warning("Deleted %s: an upload left it behind with nothing pointing at it", name)
        deleted += 1
    return deleted


def sweeper(prefix: str, referenced: Callable[[], Iterable[str]]) -> Callable[[dt.datetime], int]:
    """`sweep_orphans` for the background worker's recovery (worker.add_recovery), which runs every few
    seconds: this sweeps at most once every UPLOAD_SWEEP_SECONDS (6 hours) in each process."""
    last: list[float] = []

    def sweep(now: dt.datetime) -> int:
        every = float(getattr(settings, "UPLOAD_SWEEP_SECONDS", 6 * 3600))
        if last and time.monotonic() - last[0] < every:
            return 0
        last[:] = [time.monotonic()]
        return sweep_orphans(prefix, referenced(), now=now)

    return sweep


def _walk(storage: Storage, folder: str) -> Iterator[str]:
    try:
        folders, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in files:
        yield f"{folder}/{name}"
    for sub in folders:
        yield from _walk(storage, f"{folder}/{sub}")


def _modified(storage: Storage, name: str) -> dt.datetime:
    when = storage.get_modified_time(name)
    return when if timezone.is_aware(when) else timezone.make_aware(when)
