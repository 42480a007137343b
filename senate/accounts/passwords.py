"""Password rules with messages in plain English (NHS service manual: say what to do, not what went
wrong). Django's checks, each saying what to do instead of "This password is too short. It must
contain at least 12 characters." Named in settings.AUTH_PASSWORD_VALIDATORS."""

from typing import Any

from django.contrib.auth import password_validation as django
from django.core.exceptions import ValidationError

from senate.accounts.models import User


def _instead(check: Any, message: str, code: str, password: str, user: User | None) -> None:
    """Run Django's check; if it refuses, refuse with our message instead."""
    try:
        check(password, user)
    except ValidationError:
        raise ValidationError(message, code=code) from None


class MinimumLength(django.MinimumLengthValidator):
    def validate(self, password: str, user: User | None = None) -> None:
        message = f"Enter a password of {self.min_length} characters or more"
        _instead(super().validate, message, "password_too_short", password, user)

    def get_help_text(self) -> str:
        return f"Use {self.min_length} characters or more."


class NotLikeYou(django.UserAttributeSimilarityValidator):
    def validate(self, password: str, user: User | None = None) -> None:
        message = "Your password is too like your name or email"
        _instead(super().validate, message, "password_too_similar", password, user)

    def get_help_text(self) -> str:
        return "Do not use your name or email address."


class NotCommon(django.CommonPasswordValidator):
    def validate(self, password: str, user: User | None = None) -> None:
        message = "Choose a password that is harder to guess"
        _instead(super().validate, message, "password_too_common", password, user)

    def get_help_text(self) -> str:
        return "Do not use a common password."


class NotOnlyNumbers(django.NumericPasswordValidator):
    def validate(self, password: str, user: User | None = None) -> None:
        message = "Your password cannot be only numbers"
        _instead(super().validate, message, "password_entirely_numeric", password, user)

    def get_help_text(self) -> str:
        return "Use letters or symbols as well as numbers."
