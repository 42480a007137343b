"""Setting a new password: the rules speak plain English on the page (NHS service manual), never
Django's "This password is too short. It must contain at least 12 characters."."""

import re

import pytest
from django.core import mail


def _new_password_page(client, user):
    client.post("/account/password-reset/", {"email": user.email})
    link = re.search(r"http://testserver(/account/password-reset/\S+/)", mail.outbox[-1].body).group(1)
    return client.get(link, follow=True).redirect_chain[-1][0]


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Kx7-quaint", "Enter a password of 12 characters or more"),
        ("password1234", "Choose a password that is harder to guess"),
        ("583920174625", "Your password cannot be only numbers"),
        ("Tom Assembly 1", "Your password is too like your name or email"),
    ],
)
def test_each_password_rule_has_a_plain_english_message(client, cast, password, message):
    url = _new_password_page(client, cast["assembly"])
    page = client.post(url, {"new_password1": password, "new_password2": password}).content.decode()
    assert message in page
    assert "This password" not in page and "It must contain" not in page
    cast["assembly"].refresh_from_db()
    assert not cast["assembly"].check_password(password)


def test_a_password_like_the_email_address_is_refused(client, cast):
    url = _new_password_page(client, cast["assembly"])
    email = cast["assembly"].email
    page = client.post(url, {"new_password1": email, "new_password2": email}).content.decode()
    assert "Your password is too like your name or email" in page
