"""Days are UK days: a request sent just after midnight in British Summer Time was sent that day, not the
day before (the database keeps UTC)."""

import datetime as dt
from zoneinfo import ZoneInfo

from senate.reviews.models import Request

LONDON = ZoneInfo("Europe/London")


def test_the_notice_before_a_decision_counts_from_the_uk_day_the_request_was_sent():
    sent = dt.datetime(2026, 6, 1, 0, 30, tzinfo=LONDON).astimezone(dt.UTC)  # 31 May 23:30 UTC
    request = Request(submitted_at=sent, decision_date=dt.date(2026, 6, 11))
    assert request.notice_days() == 10


def test_the_notice_in_winter_is_the_same_in_utc_and_uk_time():
    sent = dt.datetime(2026, 1, 5, 0, 30, tzinfo=dt.UTC)
    request = Request(submitted_at=sent, decision_date=dt.date(2026, 1, 15))
    assert request.notice_days() == 10
