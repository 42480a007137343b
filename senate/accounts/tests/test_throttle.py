"""Password guessing is slowed (security review, issue 12 item 8): after five wrong passwords for an
account, or twenty from one address, each further failure locks it for a while, doubling from one
minute to at most fifteen. While locked even the right password does not sign in, and the page says
how long to wait. The same holds for Django admin's sign-in and for password-reset requests."""

import datetime as dt
from unittest import mock

from django.core import mail
from django.utils import timezone

from senate.accounts import throttle
from senate.accounts.models import AttemptCounter
from senate.accounts.tests.factories import PASSWORD, UserFactory

SIGN_IN = "/account/sign-in/"


def _sign_in(client, email, password, **extra):
    return client.post(SIGN_IN, {"email": email, "password": password}, **extra)


def _later(minutes):
    return mock.patch("django.utils.timezone.now", return_value=timezone.now() + dt.timedelta(minutes=minutes))


def test_thirty_wrong_passwords_then_the_right_one_does_not_sign_in(client, cast):
    email = cast["manager"].email
    for _ in range(30):
        _sign_in(client, email, "wrong-guess")
    response = _sign_in(client, email, PASSWORD)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    # Attempts while locked are not tried, so do not lengthen the wait.
    assert "Too many attempts. Wait 1 minute and try again." in response.content.decode()


def test_five_failures_lock_for_a_minute_then_the_wait_doubles(client, cast):
    email = cast["manager"].email
    for _ in range(4):
        assert "not right" in _sign_in(client, email, "wrong").content.decode()
    assert "Too many attempts. Wait 1 minute and try again." in _sign_in(client, email, "wrong").content.decode()
    assert "Wait 1 minute" in _sign_in(client, email, PASSWORD).content.decode()
    with _later(1.1):
        assert "Wait 2 minutes" in _sign_in(client, email, "wrong").content.decode()
    with _later(3.2):
        assert "Wait 4 minutes" in _sign_in(client, email, "wrong").content.decode()


def test_the_lock_ends_and_the_right_password_then_signs_in_and_clears_the_count(client, cast):
    email = cast["manager"].email
    for _ in range(30):
        _sign_in(client, email, "wrong")
    with _later(16):
        assert _sign_in(client, email, PASSWORD).status_code == 302
    assert not AttemptCounter.objects.filter(key=throttle.keys_for("sign_in", mock.Mock(META={}), email)[0][1])


def test_an_account_is_locked_from_every_address(client, cast):
    email = cast["manager"].email
    for n in range(6):
        _sign_in(client, email, "wrong", REMOTE_ADDR=f"10.0.0.{n}")
    response = _sign_in(client, email, PASSWORD, REMOTE_ADDR="10.9.9.9")
    assert "Too many attempts" in response.content.decode() and "_auth_user_id" not in client.session


def test_one_address_guessing_many_accounts_is_locked_too(client, cast):
    for n in range(21):
        _sign_in(client, f"someone{n}@example.org", "wrong", REMOTE_ADDR="10.1.1.1")
    response = _sign_in(client, cast["chair"].email, PASSWORD, REMOTE_ADDR="10.1.1.1")
    assert "Too many attempts" in response.content.decode() and "_auth_user_id" not in client.session
    assert _sign_in(client, cast["chair"].email, PASSWORD, REMOTE_ADDR="10.2.2.2").status_code == 302


def test_a_locked_account_is_not_locked_for_ever(cast):
    keys = throttle.keys_for("sign_in", mock.Mock(META={"REMOTE_ADDR": "10.0.0.1"}), cast["manager"].email)
    for _ in range(1000):
        throttle.fail(keys)
    assert throttle.wait(keys) <= dt.timedelta(minutes=15)


def test_a_password_reset_clears_the_accounts_lock(client, cast):
    import re

    email = cast["assembly"].email
    for _ in range(10):
        _sign_in(client, email, "wrong")
    client.post("/account/password-reset/", {"email": email})
    link = re.search(r"http://testserver(/account/password-reset/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    new = "a-much-longer-new-password-2026"
    client.post(form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert _sign_in(client, email, new, REMOTE_ADDR="10.3.3.3").status_code == 302


def test_django_admin_sign_in_is_slowed_too(client, cast):
    admin = cast["admin"]
    for _ in range(30):
        client.post("/admin/login/", {"username": admin.email, "password": "wrong"})
    response = client.post("/admin/login/?next=/admin/", {"username": admin.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "Too many attempts. Wait 1 minute and try again." in response.content.decode()


def test_django_admin_sign_in_still_works(client, cast):
    response = client.post("/admin/login/?next=/admin/", {"username": cast["admin"].email, "password": PASSWORD})
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(cast["admin"].pk)


def test_password_reset_requests_are_slowed(client, db):
    user = UserFactory()
    for _ in range(30):
        response = client.post("/account/password-reset/", {"email": user.email})
    assert "Too many attempts" in response.content.decode()
    assert len(mail.outbox) == 5
