import datetime as dt

import pytest

from senate.programme import effort, queries
from senate.programme.tests.factories import issued_request

TODAY = dt.date.today()


def test_time_is_recorded_and_summed_per_senate_and_dates(senate, cast):
    request = issued_request(cast)
    effort.record_effort(request, minutes=90, activity="report", on=TODAY, note="Second draft", by=cast["manager"])
    effort.record_effort(request, minutes=30, activity="panel", on=TODAY, note="", by=cast["manager"])
    assert queries.effort_for(request)[1] == 120
    summary = queries.effort_summary(senate, TODAY, TODAY)
    assert summary["minutes"] == 120 and summary["requests"] == 1
    assert summary["by_activity"]["Writing and editing the report"] == 90


def test_impossible_time_is_refused_naming_the_field(senate, cast):
    with pytest.raises(effort.EffortRefused) as refused:
        effort.record_effort(issued_request(cast), minutes=0, activity="report", on=TODAY, note="", by=cast["manager"])
    assert refused.value.field == "minutes"
