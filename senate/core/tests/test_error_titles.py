"""The NHS service manual: a page that shows errors starts its title with "Error: " (issue 14, item 15)."""

import re


def _title(page: str) -> str:
    return re.search(r"<title>(.*?)</title>", page, re.S).group(1).strip()


def test_a_form_with_errors_puts_error_first_in_the_title(client, cast):
    client.force_login(cast["manager"])
    assert not _title(client.get("/account/api-tokens/").content.decode()).startswith("Error: ")
    page = client.post("/account/api-tokens/", {"name": ""}).content.decode()
    assert "There is a problem" in page
    assert _title(page).startswith("Error: API tokens")


def test_the_sign_in_page_with_a_wrong_password_says_error_in_its_title(client, cast):
    page = client.post("/account/sign-in/", {"email": cast["manager"].email, "password": "wrong"}).content.decode()
    assert _title(page).startswith("Error: ")
