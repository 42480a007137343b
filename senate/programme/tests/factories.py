import datetime as dt

from senate.programme import planning, topics
from senate.reviews.tests.factories import RequestFactory

TODAY = dt.date.today()
YEAR = planning.plan_year_of(TODAY)


def issued_request(cast, **kwargs):
    """A request from the cast's requester's ICB whose advice has been issued."""
    return RequestFactory(created_by=cast["requester"], **({"stage": "issued"} | kwargs))


def thematic_topic(senate, cast, icb, **kwargs):
    values = {
        "kind": "thematic",
        "title": "Frailty services across the South West",
        "description": "How frailty services compare across the region, and what good looks like.",
        "lead_organisation": icb,
        "sponsor_member": cast["council"],
    } | kwargs
    return topics.open_topic(senate=senate, by=cast["manager"], **values)
