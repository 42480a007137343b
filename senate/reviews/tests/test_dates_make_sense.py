"""Dates are checked for sense where they are entered (issue 14, item 6): a decision still to be taken
cannot be in the past, and evidence asked for now cannot be due before today."""

import datetime as dt

from senate.evidence.forms import AskForm
from senate.reviews.forms import QuestionsForm

YESTERDAY = dt.date.today() - dt.timedelta(days=1)


def _date(prefix: str, day: dt.date) -> dict[str, str]:
    return {f"{prefix}[day]": str(day.day), f"{prefix}[month]": str(day.month), f"{prefix}[year]": str(day.year)}


def test_a_decision_date_in_the_past_is_refused_where_it_is_entered():
    form = QuestionsForm({"questions": "Is the model safe?", **_date("decision_date", dt.date(2020, 3, 1))})
    assert form.errors["decision_date"] == ["The decision date must be today or in the future"]
    today = QuestionsForm({"questions": "Is the model safe?", **_date("decision_date", dt.date.today())})
    assert today.is_valid()
    assert QuestionsForm({"questions": "Is the model safe?"}).is_valid()  # none yet: fine


def test_evidence_cannot_be_asked_for_by_a_date_already_past():
    base = {"title": "Bed modelling", "kind": "other"}
    assert AskForm(base | _date("due_on", YESTERDAY)).errors["due_on"] == [
        "The date it is due by must be today or in the future"
    ]
    assert AskForm(base | _date("due_on", dt.date.today() + dt.timedelta(days=14))).is_valid()
