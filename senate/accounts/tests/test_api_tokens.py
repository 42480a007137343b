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


def test_the_tokens_page_is_never_cached(client, cast):
    client.force_login(cast["manager"])
    assert client.get("/account/api-tokens/")["Cache-Control"] == "no-store"
    assert client.post("/account/api-tokens/", {"name": "Dashboard"})["Cache-Control"] == "no-store"


def test_a_token_expires_when_chosen_and_is_then_refused(client, cast):
    import datetime as dt
    from unittest import mock

    from django.utils import timezone

    client.force_login(cast["manager"])
    response = client.post("/account/api-tokens/", {"name": "Dashboard", "days": "30"})
    key = re.search(r"(sen_[A-Za-z0-9_-]+)", response.content.decode()).group(1)
    token = ApiToken.objects.get(user=cast["manager"])
    assert dt.timedelta(days=29) < token.expires_at - timezone.now() <= dt.timedelta(days=30)
    assert client.get("/api/v1/senates", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200
    later = timezone.now() + dt.timedelta(days=31)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert client.get("/api/v1/senates", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401


def test_a_token_lasts_90_days_unless_chosen(client, cast):
    import datetime as dt

    client.force_login(cast["manager"])
    page = client.get("/account/api-tokens/").content.decode()
    assert "How long the token works for" in page and "1 year" in page
    client.post("/account/api-tokens/", {"name": "Dashboard"})
    token = ApiToken.objects.get(user=cast["manager"])
    assert (token.expires_at - token.created_at).days in (89, 90)
    assert token.expires_at - token.created_at <= dt.timedelta(days=90, seconds=5)
