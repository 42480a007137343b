from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from senate.accounts.models import ApiToken


class TokenAuth(HttpBearer):
    """`Authorization: Bearer sen_…`. Revoked and expired tokens, and inactive people, are refused."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = (
            ApiToken.objects.select_related("user")
            .filter(
                key_hash=ApiToken.hash(token),
                revoked_at__isnull=True,
                expires_at__gt=timezone.now(),
                user__is_active=True,
            )
            .first()
        )
        if found is None:
            return None
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        request.user = found.user
        return found.user
