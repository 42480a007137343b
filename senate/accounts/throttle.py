"""Slowing password guessing: failures are counted per account and per client address in the
database (so every web process sees them). After a few failures each further one locks that key for
a while, doubling from one minute to at most fifteen, so nobody can be locked out for longer than
that; a day without failures, a successful sign-in (for the account) or a password reset clears the
count. While locked, even the right password does not sign in."""

import datetime as dt
import hashlib
import math
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from senate.accounts.models import AttemptCounter

# How many failures each kind of key is allowed before the back-off starts. Many people may share an
# address (an NHS trust's network), so an address is allowed more.
FREE = {"account": 5, "address": 20}
FIRST_WAIT = dt.timedelta(minutes=1)
LONGEST_WAIT = dt.timedelta(minutes=15)
FORGET_AFTER = dt.timedelta(days=1)


def client_address(request: HttpRequest) -> str:
    """REMOTE_ADDR, or the last address in the header named by `SENATE_CLIENT_IP_HEADER` (for example
    HTTP_X_FORWARDED_FOR) when a trusted proxy in front of Senate sets it."""
    header = getattr(settings, "SENATE_CLIENT_IP_HEADER", "")
    forwarded = request.META.get(header, "") if header else ""
    if forwarded:
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def keys_for(purpose: str, request: HttpRequest, account: str) -> list[tuple[str, str]]:
    """(kind, hashed key) for the account named and the client address."""
    raw = [
        ("account", f"{purpose}:account:{account.strip().lower()}"),
        ("address", f"{purpose}:address:{client_address(request)}"),
    ]
    return [(kind, hashlib.sha256(key.encode()).hexdigest()) for kind, key in raw]


def wait(keys: list[tuple[str, str]], now: dt.datetime | None = None) -> dt.timedelta | None:
    """How long until these keys may try again, or None if they may now."""
    now = now or timezone.now()
    until = (
        AttemptCounter.objects.filter(key__in=[k for _kind, k in keys], locked_until__gt=now)
        .order_by("-locked_until")
        .values_list("locked_until", flat=True)
        .first()
    )
    return until - now if until else None


def fail(keys: list[tuple[str, str]], now: dt.datetime | None = None) -> None:
    """Count one failure against each key, locking any that has had more than its free failures."""
    now = now or timezone.now()
    AttemptCounter.objects.filter(last_failure_at__lt=now - FORGET_AFTER).delete()
    for kind, key in keys:
        with transaction.atomic():
            row, _ = AttemptCounter.objects.select_for_update().get_or_create(
                key=key, defaults={"last_failure_at": now}
            )
            row.failures += 1
            row.last_failure_at = now
            over = row.failures - FREE[kind]
            if over >= 0:
                row.locked_until = now + min(FIRST_WAIT * 2 ** min(over, 10), LONGEST_WAIT)
            row.save()


def clear(keys: list[tuple[str, str]]) -> None:
    AttemptCounter.objects.filter(key__in=[k for _kind, k in keys]).delete()


def clear_account(account: str) -> None:
    """After a password reset by email: the person has shown the account is theirs."""
    key = f"sign_in:account:{account.strip().lower()}"
    clear([("account", hashlib.sha256(key.encode()).hexdigest())])


def message(waiting: dt.timedelta) -> str:
    minutes = max(1, math.ceil(waiting.total_seconds() / 60))
    return f"Too many attempts. Wait {minutes} minute{'' if minutes == 1 else 's'} and try again."


def check_password(request: Any, account: str, password: str) -> tuple[Any, str]:
    """Authenticate, unless the account or address is locked: (user, "") or (None, why not). A
    success clears the account's count (not the address's: one person's own account must not let
    them keep guessing at others')."""
    from django.contrib.auth import authenticate

    keys = keys_for("sign_in", request, account)
    if waiting := wait(keys):
        return None, message(waiting)
    user = authenticate(request, username=account.strip().lower(), password=password)
    if user is None:
        fail(keys)
        waiting = wait(keys)
        return None, message(waiting) if waiting else ""
    clear(keys[:1])
    return user, ""
