"""Who may open each assurance page; tests/test_page_access.py checks every role against each. The
cast's requester acts for Devon ICB, which made the factory's request and is a party to the
honest-broker request below."""

from senate.assurance.models import Party
from senate.reviews.tests.factories import RequestFactory

TEAM = {"manager", "chair"}
READERS = TEAM | {"council", "assurance", "requester"}
EDITORS = TEAM | {"requester"}


def _request(suffix=""):
    return lambda cast: f"/south-west/assurance/requests/{RequestFactory().pk}/{suffix}"


def _broker(suffix=""):
    def path(cast):
        r = RequestFactory(kind="honest_broker")
        Party.objects.create(request=r, organisation=r.requesting_organisation, name="Devon ICB clinicians")
        return f"/south-west/assurance/requests/{r.pk}/honest-broker/{suffix}"

    return path


PAGES = [
    ("assurance:across", lambda cast: "/south-west/assurance/", TEAM | {"council", "assurance"}),
    ("assurance:request", _request(), READERS),
    ("assurance:record_step", _request("step/"), EDITORS),
    ("assurance:edit_context", _request("context/"), EDITORS),
    ("assurance:record_engagement", _request("partners/"), TEAM),
    ("assurance:broker", _broker(), EDITORS),
    ("assurance:add_party", _broker("party/"), TEAM),
    ("assurance:record_session", _broker("session/"), TEAM),
    ("assurance:record_point", _broker("point/"), TEAM),
    ("assurance:write_statement", _broker("statement/"), TEAM),
    ("assurance:submit_position", _broker("position/"), {"requester"}),
]
NOT_GET_PAGES = {"assurance:set_deadline", "assurance:share", "assurance:confirm"}
