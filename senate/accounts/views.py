from typing import cast

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from senate.accounts.forms import ApiTokenForm, NewPasswordForm, ResetRequestForm, SignInForm
from senate.accounts.models import ApiToken, User
from senate.accounts.people import SignedInRequest
from senate.core import audit
from senate.core.access import public, signed_in


@public
def sign_in(request: HttpRequest) -> HttpResponse:
    form = SignInForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        login(request, form.user)
        target = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
            target = reverse("front:home")
        return redirect(target)
    return render(request, "accounts/sign_in.jinja", {"form": form, "page_title": "Sign in"})


@public
@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.success(request, "You have signed out.")
    return redirect("front:home")


class _PasswordResetView(auth_views.PasswordResetView):
    def get_form_kwargs(self) -> dict:
        return super().get_form_kwargs() | {"request": self.request}


password_reset = public(
    _PasswordResetView.as_view(
        template_name="accounts/password_reset.jinja",
        email_template_name="accounts/email/password_reset.txt",
        subject_template_name="accounts/email/password_reset_subject.txt",
        form_class=ResetRequestForm,
        success_url=reverse_lazy("accounts:password_reset_sent"),
    )
)
password_reset_sent = public(
    auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_sent.jinja")
)
password_reset_confirm = public(
    auth_views.PasswordResetConfirmView.as_view(
        template_name="accounts/password_reset_confirm.jinja",
        form_class=NewPasswordForm,
        success_url=reverse_lazy("accounts:password_reset_complete"),
    )
)
password_reset_complete = public(
    auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.jinja")
)


@signed_in
def api_tokens(request: SignedInRequest) -> HttpResponse:
    """A person's own API tokens. The token is shown once, when it is made."""
    user = cast(User, request.user)
    form = ApiTokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            token, new_key = ApiToken.issue(user, form.cleaned_data["name"], form.cleaned_data["days"])
            audit.record("api_token.issued", token, by=request.user, summary=f"API token '{token.name}' issued")
    tokens = user.api_tokens.filter(revoked_at__isnull=True).order_by("-created_at")
    context = {"form": form, "tokens": tokens, "new_key": new_key, "now": timezone.now(), "page_title": "API tokens"}
    response = render(request, "accounts/api_tokens.jinja", context)
    # The page may show a new token: never keep it in a browser's or a proxy's cache.
    response["Cache-Control"] = "no-store"
    return response


@signed_in
@require_POST
def revoke_api_token(request: SignedInRequest, token_id: int) -> HttpResponse:
    user = cast(User, request.user)
    with transaction.atomic():
        token = user.api_tokens.filter(pk=token_id, revoked_at__isnull=True).first()
        if token:
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
            audit.record("api_token.revoked", token, by=request.user, summary=f"API token '{token.name}' revoked")
            messages.success(request, f"The token ‘{token.name}’ has been revoked.")
    return redirect("accounts:api_tokens")
