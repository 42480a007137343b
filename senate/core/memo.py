"""Answers kept for the length of one web request: a page asks the same question of the database
several times (is this person on this request's panel? once for each link and section the page
shows). While a request is being served, `remembered` asks once; outside one (a task, a test calling
a domain function, the shell) it always asks. Any recorded act (`senate.core.audit.record`) forgets
everything kept, so a page that changes something and then looks again sees the change."""

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

T = TypeVar("T")

_kept: ContextVar[dict[Hashable, Any] | None] = ContextVar("senate_request_memo", default=None)


@contextmanager
def serving() -> Iterator[None]:
    """Keep answers while one web request is served (the middleware wraps every request in this)."""
    token = _kept.set({})
    try:
        yield
    finally:
        _kept.reset(token)


def remembered(key: Hashable, work_out: Callable[[], T]) -> T:
    """`work_out()`, asked once per web request for the same `key` (which names everything the
    answer depends on); outside a web request, asked every time."""
    kept = _kept.get()
    if kept is None:
        return work_out()
    if key not in kept:
        kept[key] = work_out()
    return kept[key]  # type: ignore[no-any-return]


def forget() -> None:
    """Something changed: drop every answer kept for this web request."""
    kept = _kept.get()
    if kept is not None:
        kept.clear()
