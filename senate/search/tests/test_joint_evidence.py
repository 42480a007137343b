"""Search agrees with the evidence pages in a joint review (issue 15): each person of the partner
Senate finds exactly the evidence items they may open (the joint_review world of
senate/evidence/tests/test_joint_evidence.py)."""

from senate.evidence import access
from senate.evidence.models import Tier
from senate.evidence.tests.conftest import _media  # noqa: F401 - the evidence tests' media folder
from senate.evidence.tests.test_joint_evidence import joint_review  # noqa: F401 - the fixture
from senate.search.indexing import index_request
from senate.search.query import parse
from senate.search.searching import search


def test_search_finds_the_evidence_the_partner_people_may_open_and_no_more(joint_review):  # noqa: F811
    request, people, items = joint_review
    index_request(request)
    for name, user in people.items():
        found = {d.title for d in search(user, parse("paper supplier contract")).documents if d.kind == "evidence"}
        opens = {one.title for one in items.values() if access.can_open(user, one)}
        assert found == opens, name
    assert {d.title for d in search(people["council"], parse("paper")).documents if d.kind == "evidence"} == {
        f"Paper {Tier.PUBLIC}",
        f"Paper {Tier.OFFICIAL}",
    }
