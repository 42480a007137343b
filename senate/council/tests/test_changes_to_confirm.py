"""The person the Council names to confirm an approval's changes hears of it by email and finds it on
their front page under "What needs you" until they confirm (issue 14)."""

from senate.council import declarations, ratification
from senate.council.decisions import decide_item
from senate.council.models import MeetingDeclaration
from senate.council.tests.factories import latest, ready_item
from senate.notifications.models import Email
from senate.reports.tests.factories import draft


def _approved_with_changes(senate, cast, report):
    meeting, item = ready_item(senate, cast, report)
    declarations.start_meeting(meeting, by=cast["manager"])
    for d in MeetingDeclaration.objects.filter(item=item):
        declarations.record_action(d, action="leaves", by=cast["chair"])
    decision = decide_item(
        item, by=cast["manager"], outcome="approved_with_changes", changes="Correct table 3",
        method="consensus", version=latest(report), confirmer=cast["council"],
    )  # fmt: skip
    return meeting, item, decision


def test_the_named_confirmer_is_emailed_with_the_changes_and_the_page(senate, cast, council, report):
    meeting, item, _ = _approved_with_changes(senate, cast, report)
    email = Email.objects.get(kind="council.changes_to_confirm")
    assert email.to == cast["council"].email
    assert "Correct table 3" in email.body
    assert f"/south-west/council/{meeting.pk}/items/{item.number}/confirm-changes/" in email.body
    assert not Email.objects.filter(kind="council.changes_to_confirm").exclude(to=cast["council"].email).exists()


def test_the_confirmer_sees_the_task_on_their_front_page_until_they_confirm(client, senate, cast, council, report):
    meeting, item, decision = _approved_with_changes(senate, cast, report)
    href = f"/south-west/council/{meeting.pk}/items/{item.number}/confirm-changes/"
    client.force_login(cast["council"])
    page = client.get("/south-west/").content.decode()
    assert "makes the changes the Council asked for" in page and href in page
    client.force_login(cast["manager"])
    assert href not in client.get("/south-west/").content.decode()  # only the person named
    ratification.confirm_changes(decision, version=draft(report, by=cast["manager"]), by=cast["council"])
    client.force_login(cast["council"])
    assert href not in client.get("/south-west/").content.decode()


def test_terms_approved_with_changes_are_confirmed_on_the_page_by_the_member_named(client, senate, cast, council):
    from senate.council.meetings import add_item
    from senate.council.tests.factories import schedule
    from senate.reviews import terms
    from senate.reviews.tests.factories import RequestFactory

    request = RequestFactory(created_by=cast["requester"], stage="tor_agreed")
    agreed = terms.save_version(request, values=terms.draft_from_request(request), by=cast["manager"])
    agreed.status = "agreed"
    agreed.save()
    meeting = schedule(senate, cast)
    item = add_item(meeting=meeting, kind="approve_terms", title="", request=request, by=cast["manager"])
    declarations.start_meeting(meeting, by=cast["manager"])
    client.force_login(cast["manager"])
    form = client.get(f"/south-west/council/{meeting.pk}/items/{item.number}/").content.decode()
    assert "Who will confirm that the changes are made?" in form
    client.post(
        f"/south-west/council/{meeting.pk}/items/{item.number}/",
        {"outcome": "approved_with_changes", "changes": "Add a site visit", "method": "consensus",
         "confirmer": cast["council"].pk},
    )  # fmt: skip
    request.refresh_from_db()
    assert request.stage == "tor_agreed"
    assert Email.objects.filter(kind="council.changes_to_confirm", to=cast["council"].email).exists()
    terms.save_version(request, values=terms.draft_from_request(request), by=cast["manager"])
    client.force_login(cast["council"])
    url = f"/south-west/council/{meeting.pk}/items/{item.number}/confirm-changes/"
    assert "The terms of reference are approved only after that." in client.get(url).content.decode()
    client.post(url, {"version": "2"})
    request.refresh_from_db()
    assert request.stage == "tor_approved"
