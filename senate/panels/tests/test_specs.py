import datetime as dt

import pytest

from senate.panels.specs import Rule, SpecRefused, may_invite, spec_errors
from senate.panels.tests.factories import ready_request, spec

OK = {
    "min_size": 6,
    "max_size": 9,
    "min_out_of_region": 0,
    "out_of_region_only": False,
    "starts_on": None,
    "ends_on": None,
    "rules": [Rule("ppv", 1), Rule("emergency-medicine", 2)],
}


def test_a_sensible_specification_has_no_errors():
    assert spec_errors(**OK) == {}


@pytest.mark.parametrize(
    "change,field,words",
    [
        ({"min_size": 0}, "min_size", "at least 1"),
        ({"max_size": 5}, "max_size", "same as or more than the smallest"),
        ({"max_size": 31}, "max_size", "30 or fewer"),
        ({"min_out_of_region": 10}, "min_out_of_region", "more than the largest"),
        ({"out_of_region_only": True, "min_out_of_region": 2}, "min_out_of_region", "Leave this at 0"),
        ({"starts_on": dt.date(2027, 3, 2), "ends_on": dt.date(2027, 3, 1)}, "ends_on", "after the first"),
        ({"rules": [Rule("ppv", 1), Rule("ppv", 2)]}, "rule_2_skill", "already counted"),
        ({"rules": [Rule("ppv", 10)]}, "rule_1_minimum", "more members than the largest"),
    ],
)
def test_each_fault_is_named_next_to_its_field(change, field, words):
    errors = spec_errors(**(OK | change))
    assert words in errors[field]


def test_saving_replaces_the_rules(cast):
    request = ready_request()
    spec(request, by=cast["manager"], rules=[("ppv", 1), ("emergency-medicine", 2)], max_size=6)
    saved = spec(request, by=cast["manager"], rules=[("ppv", 2)], max_size=6)
    assert [(r.skill, r.minimum) for r in saved.expertise_rules.all()] == [("ppv", 2)]


def test_a_closed_request_cannot_be_specified(cast):
    request = ready_request(stage="closed")
    with pytest.raises(SpecRefused, match="cannot be changed"):
        spec(request, by=cast["manager"])


def test_invitations_wait_for_approved_terms(cast):
    assert not may_invite(ready_request(stage="tor_agreed"))[0]
    assert may_invite(ready_request(stage="tor_approved"))[0]
