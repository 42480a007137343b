"""Council votes respect the Senate team's standing restrictions (issue 14): a member restricted from
the recommendations, or excluded from the review, does not vote on ratifying it; the item's page says
who and why, and a vote counting them is refused with the reason."""

import pytest

from senate.council import declarations
from senate.council.decisions import decide_item, restricted_voters
from senate.council.meetings import MeetingRefused
from senate.council.models import MeetingDeclaration
from senate.council.tests.factories import latest, ready_item
from senate.reports.tests.factories import restrict


def _meeting_with_clara_restricted(senate, cast, council, report):
    restrict(council["clara"], report, by=cast["manager"], no_recommendations=True)
    meeting, item = ready_item(senate, cast, report)
    declarations.start_meeting(meeting, by=cast["manager"])
    for d in MeetingDeclaration.objects.filter(item=item).select_related("attendee"):
        action = "leaves" if d.attendee.profile_id == council["colin"].pk else "no_action"
        declarations.record_action(d, action=action, by=cast["chair"])
    return meeting, item


def test_a_member_restricted_from_the_recommendations_cannot_vote_to_ratify(senate, cast, council, report):
    meeting, item = _meeting_with_clara_restricted(senate, cast, council, report)
    assert {a.name: why for a, why in restricted_voters(item).items()} == {
        "Clara Clinical": "May not agree or vote on the recommendations"
    }
    # Six present, Colin out of the room, Clara restricted: four may vote.
    with pytest.raises(MeetingRefused, match=r"Only 4 members may vote on this item\. Clara Clinical may not vote"):
        decide_item(
            item, by=cast["manager"], outcome="approved", changes="", method="vote", votes_for=5,
            version=latest(report),
        )  # fmt: skip
    decision = decide_item(
        item, by=cast["manager"], outcome="approved", changes="", method="vote", votes_for=4, version=latest(report)
    )
    assert decision.votes_for == 4


def test_the_item_page_shows_who_may_not_vote_and_why(client, senate, cast, council, report):
    meeting, item = _meeting_with_clara_restricted(senate, cast, council, report)
    client.force_login(cast["manager"])
    page = client.get(f"/south-west/council/{meeting.pk}/items/{item.number}/").content.decode()
    assert "Not voting on this item" in page
    assert "Clara Clinical: May not agree or vote on the recommendations" in page


def test_the_agenda_counts_the_same_members_as_the_item_page(client, senate, cast, council, report):
    """The agenda reads every item's restrictions in one query: it must leave out the same members."""
    from senate.council.decisions import verdict

    meeting, item = _meeting_with_clara_restricted(senate, cast, council, report)
    client.force_login(cast["manager"])
    page = client.get(f"/south-west/council/{meeting.pk}/").content.decode()
    counted = verdict(item).counted  # read on its own, as the item's page does
    assert counted == 4  # six present, Colin out of the room, Clara restricted
    assert f"Quorate: {counted} Council members can take part" in page
