"""The request a page serves is kept until the next act (`senate.reviews.served`): looking again asks
the database less, and whatever anyone does to the request shows on the very next look."""

import datetime as dt

from django.core.cache import cache
from django.urls import reverse

from senate.reviews import deadlines
from senate.reviews.tests.conftest import walk


def test_the_kept_request_shows_each_change_at_once(client, cast, received, look):
    client.force_login(cast["manager"])
    url = reverse("reviews:detail", args=[received.senate.slug, received.pk])
    first, page = look(client, url)
    again, page = look(client, url)
    assert again < first
    assert "Senate's advice needed by" not in page
    deadlines.set_advice_deadline(
        request=received, on=dt.date(2031, 3, 14), why="Before the board meets", by=cast["manager"]
    )
    assert "Senate's advice needed by:</strong> 14 March 2031 (Before the board meets)" in look(client, url)[1]
    walk(received, "accept", cast=cast)
    assert "Triage this request" in page
    page = look(client, url)[1]
    assert "Triage this request" not in page and "Terms of reference" in page


def test_a_change_a_page_makes_in_memory_is_not_kept(client, cast, received, django_capture_on_commit_callbacks):
    """A page is given its own copy: what one view does to it (a form that failed to save, say) is not
    what the next page is served."""
    from django.test import RequestFactory

    from senate.reviews.served import request_in

    http = RequestFactory().get("/")
    http.senate = received.senate
    cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        served = request_in(http, received.pk)
    served.title = "Changed on the page but never saved"
    with django_capture_on_commit_callbacks(execute=True):
        again = request_in(http, received.pk)
    assert again is not served and again.title == received.title


def test_what_each_viewer_may_do_is_kept_for_them_alone_and_a_role_given_shows_at_once(client, cast, received, look):
    """The request page keeps what this person may do next, what the request waits for and the links
    to the review's parts for each viewer until the next act: the requester is never served the
    manager's buttons or links, and a role given since shows on the very next look."""
    from senate.accounts.granting import grant_role
    from senate.accounts.models import Role

    accept, candidates, waiting = (
        'type="submit">Accept<',
        ">Panel candidates<",
        'id="waiting-on">Waiting for the Senate manager',
    )
    url = reverse("reviews:detail", args=[received.senate.slug, received.pk])
    client.force_login(cast["manager"])
    look(client, url)
    page = look(client, url)[1]
    assert accept in page and candidates in page and waiting not in page
    client.force_login(cast["requester"])
    look(client, url)
    page = look(client, url)[1]
    assert accept not in page and candidates not in page and waiting in page
    grant_role(person=cast["requester"], senate=received.senate, role=Role.MANAGER, by=cast["manager"], reason="Cover")
    page = look(client, url)[1]
    assert accept in page and candidates in page and waiting not in page
