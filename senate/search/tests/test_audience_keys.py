"""Who may find a document, as keys: a document's keys come from asking its page's rule of stand-in
people, and a viewer's keys from their roles. `may_open` here is a plain rule written for each test."""

from django.contrib.auth.models import AnonymousUser

from senate.accounts.models import User
from senate.search.audience import ADMIN, PUBLIC, SIGNED_IN, document_keys, token, viewer_keys


def _keys(may_open, *, public=False, people=(), partners=(), organisations=(7,)):
    return document_keys(
        may_open, public=public, senate_id=1, organisation_ids=organisations, people=people,
        partner_senate_ids=partners,
    )  # fmt: skip


def _roles(person):
    return {(senate_id, role) for senate_id, role, _org in person._senate_roles}


def test_a_document_nobody_may_open_has_no_keys():
    assert _keys(lambda person: False) == set()


def test_only_a_page_declared_public_is_found_by_someone_not_signed_in():
    assert PUBLIC in _keys(lambda person: True, public=True)
    assert PUBLIC not in _keys(lambda person: True)


def test_a_document_for_the_senates_managers_is_found_by_that_role_only():
    keys = _keys(lambda person: (1, "manager") in _roles(person))
    assert keys == {"role:1:manager"}


def test_a_document_for_the_requesting_organisation_is_found_by_its_contacts():
    keys = _keys(lambda person: any(org == 7 for _s, _r, org in person._senate_roles))
    assert keys == {"org:1:7"}


def test_a_document_open_to_every_signed_in_person_carries_the_signed_in_and_admin_keys():
    keys = _keys(lambda person: True)
    assert {SIGNED_IN, ADMIN, "role:1:manager"} <= keys


def test_a_partner_senates_council_finds_the_joint_reviews_document():
    keys = _keys(lambda person: (2, "council_member") in _roles(person), partners=[2])
    assert keys == {"role:2:council_member"}


def test_a_person_the_rule_names_is_let_in_or_refused_by_name():
    allowed, refused = User(pk=41), User(pk=42)
    keys = _keys(lambda person: person.pk == 41, people=[allowed, refused])
    assert keys == {"user:41", "deny:42"}


def test_each_key_is_one_word_the_index_cannot_split_and_the_same_key_gives_the_same_word():
    assert token("role:1:manager") == token("role:1:manager")
    assert token("role:1:manager") != token("role:1:chair")
    assert token("deny:42")[0] == "k" and token("deny:42")[1:].isdigit()


def test_someone_not_signed_in_finds_only_public_documents():
    assert viewer_keys(AnonymousUser()) == ({PUBLIC}, None)
    assert viewer_keys(None) == ({PUBLIC}, None)


def test_a_deactivated_account_finds_only_public_documents(cast):
    cast["manager"].is_active = False
    assert viewer_keys(cast["manager"]) == ({PUBLIC}, None)


def test_a_viewer_finds_by_their_roles_and_is_refused_by_their_own_name(cast, senate):
    keys, deny = viewer_keys(cast["manager"])
    assert f"role:{senate.pk}:manager" in keys and SIGNED_IN in keys and ADMIN not in keys
    assert deny == f"deny:{cast['manager'].pk}"


def test_a_requester_finds_what_their_organisation_may_open(cast, senate, icb):
    keys, _deny = viewer_keys(cast["requester"])
    assert f"org:{senate.pk}:{icb.pk}" in keys


def test_a_system_administrator_finds_what_administrators_may(cast):
    keys, _deny = viewer_keys(cast["admin"])
    assert ADMIN in keys
