import re

from senate.accounts.models import ApiToken
from senate.core.models import AuditEvent


def test_a_token_is_shown_once_and_only_its_hash_is_kept(client, cast):
    client.force_login(cast["manager"])
    response = client.post("/account/api-tokens/", {"name": "Dashboard"})
    key = re.search(r"(sen_[A-Za-z0-9_-]+)", response.content.decode()).group(1)
    token = ApiToken.objects.get(user=cast["manager"])
    assert token.key_hash == ApiToken.hash(key) and key not in token.key_hash
    assert key.encode() not in client.get("/account/api-tokens/").content
    assert AuditEvent.objects.filter(action="api_token.issued").count() == 1


def test_a_token_needs_a_name(client, cast):
    client.force_login(cast["manager"])
    response = client.post("/account/api-tokens/", {"name": ""})
    assert b"Enter what the token is for" in response.content
    assert not ApiToken.objects.exists()


def test_nobody_can_revoke_someone_elses_token(client, cast):
    token, _key = ApiToken.issue(cast["manager"], "Mine")
    client.force_login(cast["assembly"])
    client.post(f"/account/api-tokens/{token.pk}/revoke/")
    token.refresh_from_db()
    assert token.revoked_at is None
    client.force_login(cast["manager"])
    client.post(f"/account/api-tokens/{token.pk}/revoke/")
    token.refresh_from_db()
    assert token.revoked_at is not None
