"""The screening page at scale (issue 14, item 10): members most severe first, filters, and one decision
for a ticked group, recorded per member and audited, all or nothing. The request: Devon ICB asks about
stroke services at Torbay Hospital, affecting the Torbay trust (conftest)."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from senate.core.models import AuditEvent
from senate.interests import decisions
from senate.interests.decisions import ConflictRefused, decide_conflicts, decide_for_members, dismiss_conflict
from senate.interests.models import Category, ConflictDecision
from senate.interests.tests.factories import declared
from senate.members.models import Affiliation
from senate.members.tests.factories import MembershipFactory

ORDER = [
    "Bo Board",
    "Cara Candidate",
    "Hana High",
    "Fay Financial",
    "Abe Adviser",
    "Dee Declared",
    "Ian Indirect",
    "Pat Past",
]


def _member(name, **profile):
    return MembershipFactory(profile__user__full_name=name, **{f"profile__{k}": v for k, v in profile.items()}).profile


@pytest.fixture
def flagged(candidate, torbay, icb):
    """One member per kind of conflict, named so that A to Z is not the order of severity."""
    people = {"Cara Candidate": candidate, "Hana High": _member("Hana High", employer=torbay)}
    people["Bo Board"] = _member("Bo Board")
    Affiliation.objects.create(profile=people["Bo Board"], organisation=icb, kind="board")
    people["Fay Financial"] = _member("Fay Financial")
    declared(people["Fay Financial"], category=Category.FINANCIAL, organisation=torbay, organisation_name="")
    people["Abe Adviser"] = _member("Abe Adviser")
    Affiliation.objects.create(profile=people["Abe Adviser"], organisation=torbay, kind="advisory")
    people["Dee Declared"] = _member("Dee Declared")
    declared(people["Dee Declared"], category=Category.PROFESSIONAL, organisation=torbay, organisation_name="")
    people["Ian Indirect"] = _member("Ian Indirect")
    declared(people["Ian Indirect"], category=Category.INDIRECT, relationship="my wife", organisation=torbay)
    people["Pat Past"] = _member("Pat Past")
    ended = dt.date.today() - dt.timedelta(days=365)
    Affiliation.objects.create(profile=people["Pat Past"], organisation=torbay, kind="contracted", end=ended)
    return people


def _url(review, query=""):
    return f"/south-west/interests/requests/{review.pk}/screening/{query}"


def _listed(html):
    """The members in the table, in order: each row's checkbox is labelled with the member's name."""
    table = html[html.index('id="screening"') :]
    return re.findall(r'for="id_members[^"]*"\s*>\s*([^<]+?)\s*</label>', table)


def _row(html, name):
    return next(row for row in html.split("<tr") if re.search(rf">\s*{name}\s*</label>", row))


@pytest.fixture
def manager(client, cast):
    client.force_login(cast["manager"])
    return client


def test_members_are_listed_most_severe_first_then_by_name(manager, stroke_review, flagged):
    page = manager.get(_url(stroke_review)).content.decode()
    assert _listed(page) == ORDER
    assert "Tom Assembly" not in page  # no conflicts: not listed unless asked for everyone


def test_each_row_shows_the_conflicts_in_brief_and_whether_decided(manager, cast, stroke_review, flagged, torbay):
    decide_conflicts(
        flagged["Hana High"], stroke_review, keys=[f"employed:{torbay.pk}"], outcome="exclude", rationale="x",
        by=cast["manager"],
    )  # fmt: skip
    page = manager.get(_url(stroke_review)).content.decode()
    row = _row(page, "Hana High")
    assert "Employed by Torbay and South Devon" in row and "Excluded" in row
    row = _row(page, "Abe Adviser")
    assert "Torbay and South Devon" in row and "Needs a decision" in row


@pytest.mark.parametrize(
    "query,expected",
    [
        ("?severity=high", ["Bo Board", "Cara Candidate", "Hana High", "Fay Financial"]),
        ("?severity=low", ["Pat Past"]),
        ("?severity=high&severity=low", ["Bo Board", "Cara Candidate", "Hana High", "Fay Financial", "Pat Past"]),
        ("?kind=indirect", ["Ian Indirect"]),
        ("?kind=past_role&kind=professional&kind=personal", ["Cara Candidate", "Dee Declared", "Pat Past"]),
        ("?kind=professional", ["Dee Declared"]),
        ("?kind=financial", ["Fay Financial"]),
        ("?severity=medium&kind=role", ["Abe Adviser"]),
    ],
)
def test_the_severity_and_kind_filters(manager, stroke_review, flagged, query, expected):
    assert _listed(manager.get(_url(stroke_review, query)).content.decode()) == expected


def test_the_organisation_filter(manager, stroke_review, flagged, torbay, icb):
    page = manager.get(_url(stroke_review)).content.decode()
    assert f'<option value="{icb.pk}"' in page and f'<option value="{torbay.pk}"' in page
    assert _listed(manager.get(_url(stroke_review, f"?organisation={icb.pk}")).content.decode()) == ["Bo Board"]
    by_torbay = _listed(manager.get(_url(stroke_review, f"?organisation={torbay.pk}")).content.decode())
    assert by_torbay == [
        "Cara Candidate",
        "Hana High",
        "Fay Financial",
        "Abe Adviser",
        "Dee Declared",
        "Ian Indirect",
        "Pat Past",
    ]


def test_the_decided_filter(manager, cast, stroke_review, flagged, torbay):
    decide_conflicts(
        flagged["Hana High"], stroke_review, keys=[f"employed:{torbay.pk}"], outcome="exclude", rationale="x",
        by=cast["manager"],
    )  # fmt: skip
    (key,) = [s.conflict.key for s in decisions.screening_for(flagged["Dee Declared"], stroke_review).states]
    dismiss_conflict(flagged["Dee Declared"], stroke_review, key=key, reason="Not about stroke", by=cast["manager"])
    assert _listed(manager.get(_url(stroke_review, "?status=decided")).content.decode()) == [
        "Hana High",
        "Dee Declared",
    ]
    undecided = _listed(manager.get(_url(stroke_review, "?status=open")).content.decode())
    assert undecided == ["Bo Board", "Cara Candidate", "Fay Financial", "Abe Adviser", "Ian Indirect", "Pat Past"]


@pytest.mark.parametrize(
    "query,message",
    [
        ("?severity=extreme", "Select severities from the list"),
        ("?kind=rumour", "Select kinds of interest from the list"),
        ("?organisation=999999", "Select an organisation or area named in the request"),
        ("?organisation=torbay", "Select an organisation or area named in the request"),
        ("?status=maybe", "Select whether to show members who need a decision or those decided"),
    ],
)
def test_a_bad_filter_value_is_named_and_the_list_is_not_filtered(manager, stroke_review, flagged, query, message):
    page = manager.get(_url(stroke_review, query)).content.decode()
    assert message in page and "There is a problem" in page
    assert re.search(r"<title>\s*Error: ", page)
    assert _listed(page) == ORDER


def test_the_page_links_keep_the_filters(manager, stroke_review, flagged, monkeypatch):
    from senate.interests.views import screening

    monkeypatch.setattr(screening, "PAGE_SIZE", 2)
    page = manager.get(_url(stroke_review, "?kind=role&kind=professional&kind=personal")).content.decode()
    assert _listed(page) == ["Bo Board", "Cara Candidate"]
    assert "?kind=role&amp;kind=professional&amp;kind=personal&amp;page=2" in page
    second = manager.get(_url(stroke_review, "?kind=role&kind=professional&kind=personal&page=2")).content.decode()
    assert _listed(second) == ["Hana High", "Abe Adviser"]


def test_one_decision_is_recorded_for_each_selected_member_and_audited(manager, cast, stroke_review, flagged):
    chosen = [flagged[n] for n in ("Abe Adviser", "Ian Indirect", "Pat Past")]
    response = manager.post(
        _url(stroke_review, "?severity=medium&severity=low"),
        {"members": [p.pk for p in chosen], "outcome": "no_action", "rationale": "Not close enough to the decision"},
    )
    assert response.status_code == 302
    assert response["Location"] == _url(stroke_review, "?severity=medium&severity=low")
    made = ConflictDecision.objects.order_by("profile__user__full_name")
    assert [d.profile for d in made] == chosen
    for decision in made:
        assert (decision.outcome, decision.rationale, decision.by) == (
            "no_action",
            "Not close enough to the decision",
            cast["manager"],
        )
        assert decision.conflicts and decision.at is not None
    events = AuditEvent.objects.filter(action="interests.conflict_decided")
    assert sorted(e.data["profile"] for e in events) == sorted(p.pk for p in chosen)
    page = manager.get(response["Location"]).content.decode()
    assert "Your decision has been recorded for 3 members" in page
    assert _listed(manager.get(_url(stroke_review, "?status=open")).content.decode()) == [
        "Bo Board",
        "Cara Candidate",
        "Hana High",
        "Fay Financial",
        "Dee Declared",
    ]


def test_a_bulk_restriction_carries_its_terms_to_each_member(manager, stroke_review, flagged):
    chosen = [flagged["Hana High"], flagged["Bo Board"]]
    manager.post(
        _url(stroke_review),
        {
            "members": [p.pk for p in chosen],
            "outcome": "restrict",
            "no_recommendations": "True",
            "rationale": "Close to the organisations, but their expertise is needed",
        },
    )
    assert ConflictDecision.objects.count() == 2
    assert all(d.outcome == "restrict" and d.no_recommendations for d in ConflictDecision.objects.all())


def test_a_decision_not_allowed_for_one_member_records_nothing_and_names_them(manager, stroke_review, flagged):
    """Abe and Dee come before Hana: their decisions are written, then undone when Hana's is refused."""
    chosen = [flagged[n] for n in ("Abe Adviser", "Dee Declared", "Hana High", "Bo Board")]
    page = manager.post(
        _url(stroke_review),
        {"members": [p.pk for p in chosen], "outcome": "no_action", "rationale": "Fine"},
    ).content.decode()
    assert "No action needed is not allowed for Bo Board and Hana High" in page
    assert not ConflictDecision.objects.exists()
    assert not AuditEvent.objects.filter(action="interests.conflict_decided").exists()
    assert 'value="{}" checked'.format(flagged["Abe Adviser"].pk) in page  # the ticks are kept


def test_the_domain_function_is_all_or_nothing(cast, stroke_review, flagged):
    with pytest.raises(ConflictRefused, match="not allowed for Hana High"):
        decide_for_members(
            [flagged["Abe Adviser"], flagged["Hana High"]],
            stroke_review,
            outcome="no_action",
            rationale="x",
            by=cast["manager"],
        )
    assert not ConflictDecision.objects.exists()


@pytest.mark.parametrize(
    "data,message",
    [
        ({"outcome": "exclude", "rationale": "Too close"}, "Select the members this decision is for"),
        ({"members": ["ABE"], "outcome": "exclude", "rationale": " "}, "Enter the reason for this decision"),
        ({"members": ["ABE"], "rationale": "Too close"}, "Select a decision"),
        ({"members": ["ABE"], "outcome": "restrict", "rationale": "Too close"}, "Select what the restriction covers"),
        ({"members": ["999999"], "outcome": "exclude", "rationale": "x"}, "Select members from the list"),
    ],
)
def test_a_bulk_decision_is_refused_clearly(manager, stroke_review, flagged, data, message):
    data = dict(data)
    data["members"] = [flagged["Abe Adviser"].pk if m == "ABE" else m for m in data.get("members", [])]
    page = manager.post(_url(stroke_review), data).content.decode()
    assert message in page and "There is a problem" in page
    assert not ConflictDecision.objects.exists()


def test_a_member_with_every_suggestion_dismissed_has_nothing_to_decide(manager, cast, stroke_review, flagged):
    dee = flagged["Dee Declared"]
    (key,) = [s.conflict.key for s in decisions.screening_for(dee, stroke_review).states]
    dismiss_conflict(dee, stroke_review, key=key, reason="Not about stroke", by=cast["manager"])
    page = manager.post(
        _url(stroke_review), {"members": [dee.pk], "outcome": "exclude", "rationale": "x"}
    ).content.decode()
    assert "There are no conflicts left to decide for Dee Declared" in page
    assert not ConflictDecision.objects.exists()


@pytest.mark.parametrize("who", ["council", "assembly", "requester", "assurance", "admin", "no_role"])
def test_only_the_senate_team_may_decide_in_bulk(client, cast, stroke_review, flagged, who):
    client.force_login(cast[who])
    data = {"members": [flagged["Abe Adviser"].pk], "outcome": "exclude", "rationale": "x"}
    assert client.post(_url(stroke_review), data).status_code in (403, 404)
    assert not ConflictDecision.objects.exists()


def test_another_senates_manager_cannot_decide(client, cast, stroke_review, flagged):
    client.force_login(cast["other_manager"])
    data = {"members": [flagged["Abe Adviser"].pk], "outcome": "exclude", "rationale": "x"}
    assert client.post(f"/london/interests/requests/{stroke_review.pk}/screening/", data).status_code == 404
    assert client.post(_url(stroke_review), data).status_code in (403, 404)
    assert not ConflictDecision.objects.exists()


def test_the_chair_decides_in_bulk_too(client, cast, stroke_review, flagged):
    client.force_login(cast["chair"])
    data = {"members": [flagged["Abe Adviser"].pk], "outcome": "exclude", "rationale": "Too close"}
    assert client.post(_url(stroke_review), data).status_code == 302
    assert ConflictDecision.objects.get().by == cast["chair"]


def test_the_page_asks_the_same_queries_for_few_or_many_members(manager, cast, stroke_review, torbay, monkeypatch):
    """Issue 19: the list is screened from flat rows and only the page shown is read as profiles, so
    the queries are the same for two flagged members or more than fit on a page, some of them decided
    and some with a suggestion dismissed; and within the target of 30."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from senate.interests.views import screening

    monkeypatch.setattr(screening, "PAGE_SIZE", 5)
    made = iter(range(1000))

    def add(n):
        for _ in range(n):
            i = next(made)
            profile = _member(f"Employee {i:03}", employer=torbay)
            declared(profile, category=Category.PROFESSIONAL, organisation=torbay, organisation_name="")
            if i % 3 == 1:
                decide_for_members([profile], stroke_review, outcome="exclude", rationale="x", by=cast["manager"])
            elif i % 3 == 2:
                key = decisions.screening_for(profile, stroke_review).states[-1].conflict.key
                dismiss_conflict(profile, stroke_review, key=key, reason="Not this one", by=cast["manager"])

    def count():
        cache.clear()
        with CaptureQueriesContext(connection) as seen:
            page = manager.get(_url(stroke_review)).content.decode()
        return len(seen.captured_queries), page

    add(2)
    manager.get(_url(stroke_review))
    few, page = count()
    assert _listed(page) == ["Employee 000", "Employee 001"]
    add(10)
    many, page = count()
    assert _listed(page) == ["Employee 000", "Employee 001", "Employee 002", "Employee 003", "Employee 004"]
    assert "<strong>12</strong> of" in page
    assert many == few <= 30


def test_the_list_is_kept_until_someone_acts_and_a_new_declaration_shows_at_once(
    manager, stroke_review, flagged, torbay, django_capture_on_commit_callbacks
):
    """Screening every member is worked out once and kept (senate.core.cache); a member who declares
    an interest in the request's trust is flagged on the next visit all the same."""
    newcomer = _member("Gil Governor")
    with django_capture_on_commit_callbacks(execute=True):  # as a request in autocommit keeps it
        with CaptureQueriesContext(connection) as first:
            manager.get(_url(stroke_review))
    with CaptureQueriesContext(connection) as again:
        assert _listed(manager.get(_url(stroke_review)).content.decode()) == ORDER
    assert len(again) < len(first), "the second visit should read the kept screening"
    assert "Gil Governor" not in _listed(manager.get(_url(stroke_review)).content.decode())
    declared(newcomer, category=Category.PROFESSIONAL, organisation=torbay, organisation_name="")
    assert "Gil Governor" in _listed(manager.get(_url(stroke_review)).content.decode())


def test_a_decision_shows_on_the_kept_list_at_once(
    manager, cast, stroke_review, flagged, django_capture_on_commit_callbacks
):
    """The decisions are kept with the screening until the next act: recording one is an act, so the
    list shows it on the next visit (and a decision added without an act, by a factory, too)."""
    with django_capture_on_commit_callbacks(execute=True):  # as a request in autocommit keeps it
        manager.get(_url(stroke_review, "?status=decided"))
    assert "No members to show" in manager.get(_url(stroke_review, "?status=decided")).content.decode()
    decide_for_members(
        [flagged["Hana High"]], stroke_review, outcome="exclude", rationale="Employed", by=cast["manager"]
    )
    page = manager.get(_url(stroke_review, "?status=decided")).content.decode()
    assert _listed(page) == ["Hana High"] and "Excluded" in page
    ConflictDecision.objects.create(
        request_id=stroke_review.pk, profile=flagged["Pat Past"], outcome="exclude", rationale="x", by=cast["manager"],
        conflicts=[c.as_record() for c in decisions.conflicts_for(flagged["Pat Past"], stroke_review)],
    )  # fmt: skip
    assert _listed(manager.get(_url(stroke_review, "?status=decided")).content.decode()) == ["Hana High", "Pat Past"]


def test_a_members_kept_screening_shows_a_new_declaration_and_a_decision_at_once(
    manager, cast, stroke_review, flagged, torbay, look
):
    """One member's screening page is kept until the next act too: an interest they declare, and a
    decision recorded on it, show on the very next look."""
    gil = _member("Gil Governor")
    declared(gil, category=Category.PROFESSIONAL, organisation=torbay, organisation_name="")  # may be invited
    url = _url(stroke_review, f"{gil.pk}/")
    first, page = look(manager, url)
    again, page = look(manager, url)
    assert again < first and page.count("Dismiss this suggestion") == 1
    declared(gil, category=Category.FINANCIAL, organisation=torbay, organisation_name="")
    assert look(manager, url)[1].count("Dismiss this suggestion") == 2
    keys = [c.key for c in decisions.conflicts_for(gil, stroke_review)]
    decide_conflicts(
        gil, stroke_review, keys=keys, outcome="exclude", rationale="Paid by the trust", by=cast["manager"]
    )
    page = look(manager, url)[1]
    assert "Paid by the trust" in page and "is excluded from this review" in page
