"""The public register at scale (issue 19): a page of entries at a time, found by a member's name,
Council or Assembly and the type of entry on the server; the spreadsheet still has every entry and is
streamed; neither asks the database more as the register grows; confidential entries stay out."""

import csv
import datetime as dt
import io
import re

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from senate.interests.models import Kind
from senate.interests.tests.factories import declared
from senate.members.models import Body
from senate.members.tests.factories import MembershipFactory

URL = "/south-west/interests/register/"
CSV_URL = "/south-west/interests/register.csv"
_numbers = iter(range(1, 100_000))


def _members(n, *, body=Body.ASSEMBLY, kind=Kind.INTEREST, name="Rowan Marker", **fields):
    """`n` current members of the South West, each with one declaration."""
    for _ in range(n):
        number = next(_numbers)
        profile = MembershipFactory(body=body, profile__user__full_name=f"{name} {number:05d}").profile
        declared(profile, kind=kind, **fields)


def _csv(client, query=""):
    response = client.get(CSV_URL + query)
    assert response.status_code == 200 and response.streaming
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def _shown(page: str, name: str) -> list[str]:
    return re.findall(rf"<strong>({name} \d+)</strong>", page)


def test_the_register_shows_a_page_of_entries_and_the_spreadsheet_every_entry(client, cast):
    _members(53)
    first = client.get(URL).content.decode()
    second = client.get(URL + "?page=2").content.decode()
    assert len(_shown(first, "Rowan Marker")) == 50 and len(_shown(second, "Rowan Marker")) == 3
    assert "Page 1 of 2" in first and "Page 2 of 2" in second
    assert set(_shown(first, "Rowan Marker")).isdisjoint(_shown(second, "Rowan Marker"))
    assert sum(1 for row in _csv(client) if row[0].startswith("Rowan Marker")) == 53


def test_a_reader_finds_entries_by_name_body_and_type_and_the_spreadsheet_stays_whole(client, cast):
    _members(3, name="Ada Lovelace")
    _members(2, body=Body.COUNCIL, name="Grace Hopper")
    _members(2, kind=Kind.GIFT, name="Alan Turing", category="", nature="Tickets", started_on=dt.date.today())
    by_name = client.get(URL + "?name=lovelace").content.decode()
    assert len(_shown(by_name, "Ada Lovelace")) == 3 and not _shown(by_name, "Grace Hopper")
    assert "Entries matching your filters (3)" in by_name
    council = client.get(URL + "?body=council").content.decode()
    assert len(_shown(council, "Grace Hopper")) == 2 and not _shown(council, "Ada Lovelace")
    gifts = client.get(URL + "?type=gift").content.decode()
    assert len(_shown(gifts, "Alan Turing")) == 2 and not _shown(gifts, "Ada Lovelace")
    nothing = client.get(URL + "?name=lovelace&type=gift").content.decode()
    assert "No entries match your filters" in nothing
    everyone = [row[0] for row in _csv(client, "?name=lovelace")]
    assert sum(1 for n in everyone if n.startswith(("Ada", "Grace", "Alan"))) == 7


def test_the_next_page_keeps_the_filters(client, cast):
    _members(52, name="Ada Lovelace")
    _members(2, name="Grace Hopper")
    page = client.get(URL + "?name=Lovelace").content.decode()
    assert "?name=Lovelace&amp;page=2" in page
    second = client.get(URL + "?name=Lovelace&page=2").content.decode()
    assert len(_shown(second, "Ada Lovelace")) == 2 and not _shown(second, "Grace Hopper")


def test_a_filter_that_is_not_in_the_list_is_an_error_where_it_was_chosen(client, cast):
    _members(2)
    page = client.get(URL + "?type=bribe").content.decode()
    assert "Select a type of entry from the list" in page and "There is a problem" in page
    assert len(_shown(page, "Rowan Marker")) == 2  # the whole register, unfiltered


def test_a_filter_never_finds_a_confidential_entry(client, cast, council_profile):
    declared(council_profile, nature="Sister works for a rival bidder", may_publish=False)
    for query in ("?name=Priya", "?body=council", "?type=financial", "?name=Priya&type=financial"):
        assert "rival bidder" not in client.get(URL + query).content.decode(), query
    assert "rival bidder" not in "".join(sum(_csv(client), []))


def test_a_new_declaration_shows_at_once_on_a_filtered_page_and_in_the_spreadsheet(client, cast):
    _members(2, name="Ada Lovelace")
    client.get(URL + "?name=Lovelace")
    _csv(client)
    _members(1, name="Ada Lovelace", nature="Newly declared directorship")
    assert "Newly declared directorship" in client.get(URL + "?name=Lovelace").content.decode()
    assert "Newly declared directorship" in client.get(URL).content.decode()
    assert any("Newly declared directorship" in row for row in _csv(client))


def _count(client, url):
    cache.clear()  # the register worked out afresh, not the copy kept until the next act
    with CaptureQueriesContext(connection) as seen:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(seen)


def test_the_pages_and_the_spreadsheet_ask_the_same_queries_for_one_entry_or_many(client, cast):
    urls = [URL, URL + "?page=2", URL + "?name=Marker&type=financial&body=assembly", CSV_URL]
    _members(1)
    for url in urls:
        _count(client, url)  # the first visit makes the Senate's conflict policy with its defaults
    one = {url: _count(client, url) for url in urls}
    _members(60)
    many = {url: _count(client, url) for url in urls}
    assert many == one
    assert max(many.values()) <= 30
