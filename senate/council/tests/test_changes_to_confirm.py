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
