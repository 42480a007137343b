"""The overview's counts, asked in one query, are each what the query alone counts."""

import datetime as dt

from senate.members.models import Membership
from senate.participation import queries


def test_counts_in_one_query_match_each_count(senate, cast, django_assert_num_queries):
    today = dt.date.today()
    found = (
        Membership.objects.filter(senate=senate),
        Membership.objects.filter(senate=senate, profile__user=cast["council"]),
        queries.without_induction(senate, today=today),
        queries.claims_waiting(senate),
    )
    with django_assert_num_queries(1):
        counted = queries.counts_of(*found)
    assert counted == [rows.count() for rows in found]
    assert counted[1] == 1
