"""Who may find a document, as keys stored with it, and who a viewer is, as keys of theirs: search
matches a document only when the two share a key and the document holds no `deny:` key of the viewer.

A document's keys are not a second copy of the rules. Each is found by asking the page the result links
to (its `may_open(user)`, the same `user.has_perm(...)` and `evidence.access.can_open` the page asks) of
stand-in people: someone signed in with no role, a system administrator, one
person per role in the document's Senate, and a requester contact of each organisation the request
names. What the rules decide from a person's role in a Senate, these stand-ins decide for everyone
holding it. What they decide from the person themself (a panel seat, an attestation, a conflict
decision restricting or excluding them) is asked of each such person by name: allowed gives
`user:<id>`, refused gives `deny:<id>`, which overrides whatever their roles would let them find."""

import hashlib
from collections.abc import Callable, Iterable
from typing import Any

from senate.accounts.models import Role, User
from senate.accounts.people import Visitor
from senate.accounts.roles import assignments

PUBLIC = "public"
SIGNED_IN = "signed-in"
ADMIN = "admin"
NOBODY_ID = 0  # the stand-ins' id: no panel seat, attestation or conflict decision names it


def token(key: str) -> str:
    """A key as the full-text index holds it (backends.py): one word no tokenizer splits or stems and
    no one writes, a `k` and digits from the key's hash."""
    return "k" + str(int(hashlib.sha256(key.encode()).hexdigest()[:15], 16))


def stand_in(
    *, senate_id: int | None = None, role: str = "", organisation_id: int | None = None, admin: bool = False
) -> User:
    """A person who is only their role: unsaved, with their roles already read (accounts.roles)."""
    user = User(pk=NOBODY_ID, email="stand-in@search.invalid", is_active=True, is_superuser=admin)
    user._state.adding = False
    user._senate_roles = [(senate_id, role, organisation_id)] if role else []  # type: ignore[attr-defined]
    return user


def stand_ins(senate_id: int, organisation_ids: Iterable[int]) -> list[tuple[str, Any]]:
    people: list[tuple[str, Any]] = [
        (SIGNED_IN, stand_in()),
        (ADMIN, stand_in(admin=True)),
    ]
    people += [(f"role:{senate_id}:{r}", stand_in(senate_id=senate_id, role=r)) for r in Role.values]
    people += [
        (f"org:{senate_id}:{o}", stand_in(senate_id=senate_id, role=Role.REQUESTER, organisation_id=o))
        for o in sorted(set(organisation_ids))
    ]
    return people


def document_keys(
    may_open: Callable[[Any], bool],
    *,
    public: bool,
    senate_id: int,
    organisation_ids: Iterable[int],
    people: Iterable[User],
    partner_senate_ids: Iterable[int] = (),
) -> set[str]:
    """The keys of a document in this Senate that `may_open` guards (asked also of each role of a joint
    review's partner Senates, `partner_senate_ids`); `people` are those the rules decide about by name (on the request's panel, attested, under a conflict decision). Only a page
    declared public (core.access.public) opens to someone not signed in: the login middleware turns
    them away from every other page before any permission is asked."""
    keys = {PUBLIC} if public else set()
    keys |= {key for key, person in stand_ins(senate_id, organisation_ids) if may_open(person)}
    # A joint review's partner Senates (reviews.joint): one stand-in per role in each of them.
    partners = [
        (f"role:{s}:{r}", stand_in(senate_id=s, role=r)) for s in sorted(set(partner_senate_ids)) for r in Role.values
    ]
    keys |= {key for key, person in partners if may_open(person)}
    for person in people:
        keys.add(f"user:{person.pk}" if may_open(person) else f"deny:{person.pk}")
    return keys


def viewer_keys(user: Visitor | None) -> tuple[set[str], str | None]:
    """The keys a viewer finds documents by, and the `deny:` key that refuses them by name."""
    if user is None or not user.is_authenticated or not user.is_active:
        return {PUBLIC}, None
    cached = getattr(user, "_search_keys", None)  # read once for this person's request
    if cached is not None:
        return set(cached), f"deny:{user.pk}"
    keys = {PUBLIC, SIGNED_IN, f"user:{user.pk}"}
    if user.is_superuser:
        keys.add(ADMIN)
    for senate_id, role, organisation_id in assignments(user):  # as the permissions read them
        keys.add(f"role:{senate_id}:{role}")
        if role == Role.REQUESTER and organisation_id:
            keys.add(f"org:{senate_id}:{organisation_id}")
    vars(user)["_search_keys"] = frozenset(keys)  # User declares no such field: a cache on this one object
    return keys, f"deny:{user.pk}"
