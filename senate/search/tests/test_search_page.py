"""The search page and the API, as people use them: the header's box on every page, results with
their kind, Senate, request, date and passage, facets, pages, and clear messages for bad input."""

import re

import pytest

from senate.accounts.models import ApiToken
from senate.search.tests import world


@pytest.fixture
def built(cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        requests, viewers = world.build(cast)
    return requests, viewers


def test_every_page_has_the_search_box_in_its_header(client, db):
    page = client.get("/").content.decode()
    assert 'action="/search/"' in page and 'name="q"' in page


def test_results_show_kind_senate_request_date_and_a_marked_passage(client, built):
    requests, viewers = built
    client.force_login(viewers["manager"])
    page = client.get("/search/", {"q": "thrombolysis"}).content.decode()
    assert "results for “thrombolysis”" in page
    assert "<mark>thrombolysis</mark>" in page
    listed = page.split('id="results"')[1]
    assert "South West Clinical Senate · SW-2026-" in listed and "Evidence" in listed
    assert "London" not in page.split('id="results"')[1]  # the London review is not theirs


def test_facets_narrow_the_results(client, built):
    _requests, viewers = built
    client.force_login(viewers["manager"])
    everything = client.get("/search/", {"q": "stroke"}).content.decode()
    count = re.search(r">Recommendation</a> \((\d+)\)", everything).group(1)
    narrowed = client.get("/search/", {"q": "stroke", "kind": "recommendation"}).content.decode()
    assert "Clear the filters" in narrowed
    assert f"{count} results for" in narrowed or (count == "1" and "1 result for" in narrowed)
    assert re.findall(r'nhsuk-tag--grey"\s*>\s*([^<]+?)\s*<', narrowed.split('id="results"')[1]) == [
        "Recommendation"
    ] * int(count)


def test_a_search_matching_more_than_are_ranked_says_so(client, built, monkeypatch):
    """Only the best backends.LIMIT matches are ranked and counted; the page says when more match."""
    from senate.search import backends

    _requests, viewers = built
    client.force_login(viewers["manager"])
    assert 'id="capped"' not in client.get("/search/", {"q": "stroke"}).content.decode()
    monkeypatch.setattr(backends, "LIMIT", 3)
    page = client.get("/search/", {"q": "stroke"}).content.decode()
    assert "3 results for “stroke”" in page
    assert "More documents match: these are the best 3 of them." in page


def test_pages_of_results(client, built):
    _requests, viewers = built
    client.force_login(viewers["manager"])
    first = client.get("/search/", {"q": "stroke"}).content.decode()
    assert "page=2" in first
    second = client.get("/search/", {"q": "stroke", "page": "2"}).content.decode()
    assert 'id="results"' in second


def test_a_pdf_without_text_says_so(client, built):
    _requests, viewers = built
    client.force_login(viewers["manager"])
    page = client.get("/search/", {"q": "evidence panel"}).content.decode()
    assert "This PDF has no text layer" in page


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": ""}, "Enter what you are looking for"),
        ({"q": "stroke", "kind": "minutes-of-doom"}, "Choose a type of document from the list"),
        ({"q": "stroke", "year": "19"}, "2000"),
        ({"q": "stroke", "senate": "nope"}, "Choose a Senate from the list"),
        ({"q": "the of and"}, "not only common words"),
    ],
)
def test_bad_input_gets_a_clear_message(client, db, params, message):
    page = client.get("/search/", params).content.decode()
    assert "Error: Search" in page
    assert message in page


def test_synonyms_find_what_an_abbreviation_means(client, built):
    _requests, viewers = built
    client.force_login(viewers["manager"])
    page = client.get("/search/", {"q": "ED cover"}).content.decode()
    assert "<mark>emergency</mark> <mark>department</mark>" in page
    assert "<mark>cover</mark>" in page


def test_someone_not_signed_in_finds_only_what_is_published(client, built):
    page = client.get("/search/", {"q": "stroke"}).content.decode()
    listed = page.split('id="results"')[1]
    assert set(re.findall(r'nhsuk-tag--grey"\s*>\s*([^<]+?)\s*<', listed)) == {
        "Council minutes",
        "Published declaration",
    }
    assert "zqxpub" in listed and "zqxdeclpub" in listed
    assert "zqxmin" not in listed and "zqxdeclprivate" not in listed and "zqxdeclwithheld" not in listed


def test_facets_count_what_the_viewer_may_find_by_kind_of_advice_organisation_and_stage(client, built):
    _requests, viewers = built
    client.force_login(viewers["manager"])
    page = client.get("/search/", {"q": "stroke"}).content.decode()
    for heading in ("Senate", "Kind of advice", "ICB", "Organisation", "Stage", "Type of document", "Year"):
        assert f'aria-label="{heading}"' in page, heading
    early = re.search(r'href="([^"]*advice_kind=early_advice[^"]*)">Early[^<]*</a> \((\d+)\)', page)
    narrowed = client.get("/search/" + early.group(1).replace("&amp;", "&")).content.decode()
    assert f"{early.group(2)} results for" in narrowed or (early.group(2) == "1" and "1 result for" in narrowed)
    assert "Early advice on maternity MLU" in narrowed and "Stroke services review" not in narrowed
    # The requester's counts leave out what they may not find (another organisation's request).
    client.force_login(viewers["requester"])
    theirs = client.get("/search/", {"q": "stroke"}).content.decode()
    assert "Somerset" not in theirs.split('aria-label="Organisation"')[1].split("</ul>")[0]


def test_the_api_answers_with_the_same_rules(client, built):
    _requests, viewers = built
    _token, key = ApiToken.issue(viewers["requester"], "test")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    data = client.get("/api/v1/search", {"q": "stroke"}, **auth).json()
    assert data["total"] > 0
    assert all(r["senate"] == "south-west" for r in data["results"])
    assert not any("zqxdraft" in r["passage"] and "v2q" in r["passage"] for r in data["results"])
    bad = client.get("/api/v1/search", {"q": ""}, **auth)
    assert bad.status_code == 400 and "Enter what you are looking for" in bad.json()["detail"]
    assert client.get("/api/v1/search", {"q": "stroke"}).status_code == 401


def test_a_question_finds_documents_with_some_of_its_words(client, built):
    _requests, viewers = built
    client.force_login(viewers["manager"])
    page = client.get(
        "/search/", {"q": "what did the Senate advise about overnight stroke thrombolysis"}
    ).content.decode()
    assert "Nothing has all of your words" in page
    assert "<mark>thrombolysis</mark>" in page


def test_the_page_asks_as_many_queries_for_one_result_as_for_many(client, built):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    requests, viewers = built
    client.force_login(viewers["manager"])
    client.get("/search/", {"q": "stroke"})  # the session and the person's roles, read once
    counts = []
    for words in ("stroke", f"zqxbg{requests[1].pk}q"):
        with CaptureQueriesContext(connection) as queries:
            page = client.get("/search/", {"q": words}).content.decode()
        counts.append(len(queries))
        assert "result" in page
    many = int(re.search(r"(\d+) results for", client.get("/search/", {"q": "stroke"}).content.decode()).group(1))
    assert many > 20
    assert counts[0] == counts[1]
