"""What the evidence forms tell the Senate team about what they typed, at the field."""

import datetime as dt

from senate.evidence.forms import AskForm, FieldworkForm, PapersForm


def _day(name, when):
    return {f"{name}[day]": when.day, f"{name}[month]": when.month, f"{name}[year]": when.year}


def _ask(**data):
    values = {"title": "Bed model", "kind": "modelling"} | _day("due_on", dt.date.today()) | data
    return AskForm(data=values)


def test_evidence_can_be_asked_for_by_today():
    form = _ask()
    assert form.is_valid(), form.errors
    assert form.cleaned_data["due_on"] == dt.date.today()


def test_evidence_cannot_be_asked_for_by_a_day_already_past():
    form = _ask(**_day("due_on", dt.date.today() - dt.timedelta(days=1)))
    assert form.errors["due_on"] == ["The date it is due by must be today or in the future"]


def test_asking_for_evidence_needs_what_is_needed_and_by_when():
    form = AskForm(data={"kind": "modelling"})
    assert form.errors["title"] == ["Enter what you need"]
    assert form.errors["due_on"] == ["Enter the date it is due by"]


def test_a_due_date_missing_its_year_says_which_part_is_missing():
    form = _ask(**{"due_on[year]": ""})
    assert form.errors["due_on"] == ["Due by must include a day, month and year"]


def test_fieldwork_needs_what_it_was_and_when():
    form = FieldworkForm(data={})
    assert form.errors["kind"] == ["Select what it was"] and form.errors["held_on"] == ["Enter the date it was held"]


def test_fieldwork_offers_the_panel_members_as_attendees():
    class Member:
        pk, full_name = 7, "Dr Ada Lovelace"

    assert FieldworkForm(members=[Member()]).fields["attendees"].choices == [("7", "Dr Ada Lovelace")]


def test_papers_need_the_meeting_they_were_for_and_what_was_sent():
    form = PapersForm(data=_day("sent_on", dt.date.today()), meetings=[])
    assert form.errors["fieldwork"] == ["Select one"] and form.errors["description"] == ["Enter what was sent"]
