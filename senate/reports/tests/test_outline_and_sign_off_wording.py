"""The sections a report or letter has, in order, and how its sign-off reads (unsaved records, no database)."""

import datetime as dt

from django.utils import timezone

from senate.accounts.models import User
from senate.reports.models import ReportDraft, SignOff
from senate.reports.outline import order_for, section_titles
from senate.reports.signoff import sign_off_rows, sign_off_text
from senate.reviews.models import Request

HELEN, PRIYA = User(full_name="Helen Chair"), User(full_name="Priya Council")


def _draft(kind, request_kind="formal_review"):
    return ReportDraft(kind=kind, request=Request(kind=request_kind))


def _keys(draft):
    return [key for key, _title in order_for(draft)]


def _sign_off(**fields):
    values = {"ratified_at": "Council meeting on 4 March 2027, item 2", "ratified_on": dt.date(2027, 3, 4)}
    return SignOff(chaired_by=HELEN, recorded_at=timezone.now(), **(values | fields))


def test_a_report_opens_with_document_control_and_ends_with_the_glossary():
    keys = _keys(_draft(ReportDraft.Kind.REPORT))
    assert keys[0] == "document_control" and keys[-1] == "glossary"


def test_a_letter_gives_its_advice_before_its_recommendations_and_has_no_glossary():
    keys = _keys(_draft(ReportDraft.Kind.LETTER))
    assert keys.index("conclusions") < keys.index("recommendations") and "glossary" not in keys


def test_a_letter_speaks_to_the_requester_in_its_headings():
    titles = section_titles(_draft(ReportDraft.Kind.LETTER))
    assert titles["request"] == "Your request" and titles["conclusions"] == "Our advice"


def test_honest_broker_advice_shows_the_brokering_work_just_before_the_findings():
    keys = _keys(_draft(ReportDraft.Kind.REPORT, request_kind="honest_broker"))
    assert keys[keys.index("findings") - 1] == "brokering"


def test_other_advice_has_no_brokering_section():
    assert "brokering" not in _keys(_draft(ReportDraft.Kind.REPORT))


def test_the_sign_off_names_the_meeting_and_who_chaired_it():
    assert sign_off_text(_sign_off()) == (
        "Ratified at the Council meeting on 4 March 2027, item 2; signed off by Helen Chair, who chaired the item."
    )


def test_the_sign_off_names_who_confirmed_the_councils_changes():
    text = sign_off_text(_sign_off(changes="Fix table 3", confirmed_by=PRIYA))
    assert text.endswith("; the changes the Council asked for were confirmed by Priya Council.")


def test_document_control_shows_the_meeting_date_and_no_changes_when_none_were_asked():
    rows = sign_off_rows(_sign_off())
    assert ["Date of the meeting", "4 March 2027"] in rows
    assert not any(label == "Changes the Council asked for" for label, _value in rows)


def test_document_control_lists_the_changes_and_who_confirmed_them():
    rows = dict(sign_off_rows(_sign_off(changes="Fix table 3", confirmed_by=PRIYA)))
    assert rows["Changes the Council asked for"] == "Fix table 3"
    assert rows["Changes confirmed by"].startswith("Priya Council on ")
