"""Single sign-on through OpenID Connect (switched on with OIDC_ENABLED). People are matched by
email to an existing account; roles are never taken from the identity provider."""

from typing import Any

from mozilla_django_oidc.auth import OIDCAuthenticationBackend


class SenateOIDCBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        email = (claims.get("email") or "").lower()
        return self.UserModel.objects.filter(email=email, is_active=True) if email else self.UserModel.objects.none()

    def create_user(self, claims: dict[str, Any]) -> Any:
        return self.UserModel.objects.create_user(email=claims["email"].lower(), full_name=claims.get("name", ""))
