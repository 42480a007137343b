"""A judgement is the panel's: more than half of the seated members who may take part must be recorded
as agreeing; dissents carry the member's view; members whose restriction covers the criterion are
excluded and cannot record it (issue 14, items 4 and 5)."""

import html

import pytest

from senate.accounts.tests.factories import UserFactory
from senate.core.models import AuditEvent
from senate.panels.models import JudgementPosition, PanelMember, Position
from senate.reports import agreement, assessment, compose
from senate.reports.agreement import JudgementRefused
from senate.reports.models import Judgement
from senate.reports.tests.factories import criteria, draft, restrict, seat


@pytest.fixture
def panel(cast, review):
    """Three seated members: Rita, restricted from judging the first criterion, Ben and Cai."""
    crit = criteria(review, by=cast["manager"])[0]
    people = {name: UserFactory(full_name=name) for name in ("Rita Restricted", "Ben Member", "Cai Member")}
    profiles = {name: seat(user, review) for name, user in people.items()}
    restrict(profiles["Rita Restricted"], review, by=cast["manager"], no_criteria=[crit])
    seats = {str(s.profile): s for s in PanelMember.objects.filter(request=review)}
    return crit, people, seats


def _text(doc):
    said = []
    for section in doc.sections:
        for block in section.blocks:
            said += [block.text, *block.items, *(" | ".join(row) for row in block.rows)]
    return "\n".join(said)


def _record(review, crit, *, by, agreed, dissents=None):
    return assessment.record_judgement(
        review, criterion=crit, outcome="supported", strength="strong", narrative="Agreed.",
        evidence=[], agreed=agreed, dissents=dissents or {}, by=by,
    )  # fmt: skip


def test_a_restricted_member_cannot_record_the_panels_judgement(review, panel):
    crit, people, seats = panel
    with pytest.raises(JudgementRefused, match="Your restriction on this review"):
        _record(review, crit, by=people["Rita Restricted"], agreed=list(seats.values()))
    assert not Judgement.objects.exists()


def test_one_member_alone_is_not_the_panel(cast, review):
    crit = criteria(review, by=cast["manager"])[0]
    users = [UserFactory(full_name=n) for n in ("Ann One", "Bo Two", "Cy Three")]
    for user in users:
        seat(user, review)
    mine = PanelMember.objects.get(request=review, profile__user=users[0])
    with pytest.raises(JudgementRefused, match="2 of 3 must be recorded as agreeing, and 1 is"):
        _record(review, crit, by=users[0], agreed=[mine])
    assert not Judgement.objects.exists() and not AuditEvent.objects.filter(action="judgement.recorded").exists()


def test_the_majority_counts_only_members_who_may_take_part(cast, review, panel):
    crit, _people, seats = panel
    assert agreement.seating(review, crit).needed == 2  # of Ben and Cai; Rita is excluded
    with pytest.raises(JudgementRefused, match="2 of 2 must be recorded as agreeing, and 1 is"):
        _record(review, crit, by=cast["manager"], agreed=[seats["Ben Member"]])
    with pytest.raises(JudgementRefused, match="Rita Restricted is excluded from this judgement"):
        _record(review, crit, by=cast["manager"], agreed=list(seats.values()))
    made = _record(review, crit, by=cast["manager"], agreed=[seats["Ben Member"], seats["Cai Member"]])
    positions = {str(p.seat.profile): p.position for p in JudgementPosition.objects.filter(judgement=made)}
    assert positions == {
        "Rita Restricted": Position.EXCLUDED,
        "Ben Member": Position.AGREED,
        "Cai Member": Position.AGREED,
    }


def test_a_dissent_is_recorded_with_the_members_view(cast, review):
    crit = criteria(review, by=cast["manager"])[0]
    for name in ("Ann One", "Bo Two", "Cy Three"):
        seat(UserFactory(full_name=name), review)
    seats = {str(s.profile): s for s in PanelMember.objects.filter(request=review)}
    with pytest.raises(JudgementRefused, match="Enter Cy Three's view, as they dissent"):
        _record(
            review,
            crit,
            by=cast["manager"],
            agreed=[seats["Ann One"], seats["Bo Two"]],
            dissents={seats["Cy Three"]: " "},
        )
    made = _record(
        review, crit, by=cast["manager"], agreed=[seats["Ann One"], seats["Bo Two"]],
        dissents={seats["Cy Three"]: "The workforce plan is not credible."},
    )  # fmt: skip
    said = agreement.agreement_of(made).sentences()
    assert said == [
        "Agreed by 2 of the 3 members who could take part: Ann One, Bo Two.",
        "Cy Three dissented: The workforce plan is not credible.",
    ]


def test_the_page_shows_the_seated_members_to_mark_and_the_refusal(client, cast, review, panel):
    crit, _people, seats = panel
    url = f"/south-west/reports/requests/{review.pk}/criteria/{crit.pk}/"
    client.force_login(cast["manager"])
    page = html.unescape(client.get(url).content.decode())
    assert "Where each member of the panel stood" in page and "Ben Member" in page and "Cai Member" in page
    assert "Excluded by restriction, so not asked: Rita Restricted" in page
    form = {"form": "judgement", "outcome": "supported", "strength": "strong", "narrative": "Agreed."}
    marks = {f"position_{seats['Ben Member'].pk}": "agreed", f"position_{seats['Cai Member'].pk}": "absent"}
    page = html.unescape(client.post(url, form | marks).content.decode())
    assert "2 of 2 must be recorded as agreeing, and 1 is" in page
    page = html.unescape(client.post(url, form | {f"position_{seats['Ben Member'].pk}": "dissented"}).content.decode())
    assert "Enter Ben Member's view, as they dissent" in page and "Select where Cai Member stood" in page
    assert not Judgement.objects.exists()
    marks[f"position_{seats['Cai Member'].pk}"] = "agreed"
    assert client.post(url, form | marks).status_code == 302
    page = html.unescape(client.get(url).content.decode())
    assert "Agreed by 2 of the 2 members who could take part: Ben Member, Cai Member." in page
    assert "Excluded by restriction: Rita Restricted." in page


def test_the_restricted_member_sees_their_restriction_and_cannot_judge_through_the_page(client, review, panel):
    crit, people, seats = panel
    url = f"/south-west/reports/requests/{review.pk}/criteria/{crit.pk}/"
    client.force_login(people["Rita Restricted"])
    page = html.unescape(client.get(url).content.decode())
    assert "Your restriction on this review" in page
    assert f"May not take part in the panel's judgement on: {crit.title}" in page
    assert "Where each member of the panel stood" not in page
    marks = {f"position_{s.pk}": "agreed" for s in seats.values()}
    form = {"form": "judgement", "outcome": "supported", "strength": "strong", "narrative": "Mine."} | marks
    page = html.unescape(client.post(url, form).content.decode())
    assert "Your restriction on this review means you may not take part in the panel's judgement on" in page
    page = html.unescape(client.post(url, {"form": "view", "outcome": "supported", "text": "Mine"}).content.decode())
    assert "Your restriction on this review means you may not take part" in page
    assert not Judgement.objects.exists()


def test_a_member_restricted_from_the_recommendations_cannot_add_one(client, cast, review):
    user = UserFactory(full_name="Nora Novote")
    restrict(seat(user, review), review, by=cast["manager"], no_recommendations=True)
    client.force_login(user)
    page = client.post(
        f"/south-west/reports/requests/{review.pk}/recommendations/new/",
        {"text": "Recruit more stroke nurses.", "priority": "high"},
    )
    said = html.unescape(page.content.decode())
    assert "may not agree or vote on the recommendations" in said
    assert not review.recommendations.exists()


def test_the_report_says_who_agreed_dissented_and_was_excluded(cast, review, panel):
    crit, _people, seats = panel
    assessment.record_judgement(
        review, criterion=crit, outcome="supported", strength="strong", narrative="Agreed.", evidence=[],
        agreed=[seats["Ben Member"], seats["Cai Member"]], by=cast["manager"],
    )  # fmt: skip
    text = _text(compose.compose(draft(review, by=cast["manager"])))
    assert "Agreed by 2 of the 2 members who could take part: Ben Member, Cai Member." in text
    assert "Excluded by restriction: Rita Restricted." in text


def test_the_report_does_not_claim_declarations_the_record_does_not_show(cast, review, panel):
    text = _text(compose.compose(draft(review, by=cast["manager"])))
    assert "Every member of the panel" not in text
    assert "0 of the 3 members of the panel confirmed their declarations of interest" in text
    assert "Not confirmed for this review: " in text
