"""Answers kept for one web request (senate.core.memo): asked once while a request is served, asked
every time outside one, and forgotten as soon as anything is recorded."""

import pytest

from senate.core import audit, memo
from senate.organisations.models import Senate


def _counting():
    asked = []

    def work_out():
        asked.append(1)
        return len(asked)

    return asked, work_out


def test_outside_a_web_request_every_question_is_asked_again():
    asked, work_out = _counting()
    assert [memo.remembered("q", work_out) for _ in range(3)] == [1, 2, 3]


def test_while_serving_a_request_the_same_question_is_asked_once_and_the_next_request_asks_again():
    asked, work_out = _counting()
    with memo.serving():
        assert [memo.remembered("q", work_out) for _ in range(3)] == [1, 1, 1]
        assert memo.remembered("other", work_out) == 2
    with memo.serving():
        assert memo.remembered("q", work_out) == 3


@pytest.mark.django_db
def test_a_recorded_act_forgets_what_was_kept(senate):
    asked, work_out = _counting()
    with memo.serving():
        assert memo.remembered("q", work_out) == 1
        audit.record("test.changed", Senate.objects.get(pk=senate.pk), senate=senate, summary="changed")
        assert memo.remembered("q", work_out) == 2
