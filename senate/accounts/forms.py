from typing import Any

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.http import HttpRequest

from senate.accounts import throttle
from senate.accounts.models import User
from senate.core.form_input import FormData, FormFiles
from senate.core.forms import Form, FormInitial, HumanErrorsMixin


class SignInForm(Form):
    email = forms.EmailField(
        label="Email address",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.nhs.uk",
        },
    )
    password = forms.CharField(
        label="Password", widget=forms.PasswordInput, error_messages={"required": "Enter your password"}
    )

    def __init__(
        self, data: FormData | None = None, files: FormFiles | None = None, *, request: HttpRequest | None = None
    ) -> None:
        super().__init__(data, files)
        self.request = request
        self.user: User | None = None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        self.user, why_not = throttle.check_password(self.request, data["email"], data["password"])
        if self.user is None:
            raise forms.ValidationError(
                why_not or "The email address or password is not right. Check them and try again."
            )
        return data


class AdminSignInForm(AdminAuthenticationForm):
    """Django admin's sign-in, slowed in the same way as Senate's own."""

    def clean(self) -> dict[str, Any]:
        username, password = self.cleaned_data.get("username"), self.cleaned_data.get("password")
        if username is not None and password:
            self.user_cache, why_not = throttle.check_password(self.request, username, password)
            if self.user_cache is None:
                if why_not:
                    raise forms.ValidationError(why_not, code="throttled")
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


class ResetRequestForm(HumanErrorsMixin, PasswordResetForm):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.nhs.uk",
        },
    )

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        request: HttpRequest | None = None,
        initial: FormInitial | None = None,
        prefix: str | None = None,
    ) -> None:
        # Made by Django's password reset view, which passes the initial values and prefix as well.
        super().__init__(data, files, initial=initial, prefix=prefix)
        self.request = request

    def clean_email(self) -> str:
        """Each request counts as an attempt, so the form cannot be used to flood someone's inbox."""
        email = self.cleaned_data["email"]
        if self.request is not None:
            keys = throttle.keys_for("password_reset", self.request, email)
            if waiting := throttle.wait(keys):
                raise forms.ValidationError(throttle.message(waiting))
            throttle.fail(keys)
        return email


class NewPasswordForm(HumanErrorsMixin, SetPasswordForm):
    error_messages = {"password_mismatch": "The two passwords are different: enter the same new password twice"}

    def save(self, commit: bool = True) -> Any:
        user = super().save(commit)
        throttle.clear_account(user.email)
        return user


class ApiTokenForm(Form):
    name = forms.CharField(
        label="What the token is for",
        max_length=100,
        help_text="For example: ICB reporting dashboard",
        error_messages={"required": "Enter what the token is for"},
    )
    days = forms.TypedChoiceField(
        label="How long the token works for",
        choices=[(30, "30 days"), (90, "90 days"), (365, "1 year")],
        coerce=int,
        initial=90,
        required=False,
        empty_value=90,  # type: ignore[arg-type]  # django-stubs expects a str; coerce makes it an int
        widget=forms.RadioSelect,
        help_text="After this the token stops working and you make a new one.",
    )
