"""Who may open the work programme's pages (discovered by tests/test_page_access.py): the forward plan
is the Senate team's to change and the Council's to read; feedback and the board's decision are the
requesting organisation's once the advice is issued; impact and effort are the Senate team's."""

from senate.accounts.models import User
from senate.programme import planning
from senate.programme.tests.factories import YEAR, issued_request
from senate.reviews.tests.factories import RequestFactory

TEAM = {"manager", "chair"}


def _item(cast):
    request = RequestFactory(created_by=cast["requester"])
    manager = User.objects.get(pk=cast["manager"].pk)
    item = planning.add_to_plan(senate=request.senate, year=YEAR, request=request, by=manager)
    return item.pk


def _issued(suffix):
    return lambda cast: f"/south-west/programme/requests/{issued_request(cast).pk}/{suffix}"


PAGES = [
    ("programme:plan", lambda cast: "/south-west/programme/", TEAM | {"council"}),
    ("programme:open_topic", lambda cast: "/south-west/programme/topics/new/", TEAM),
    ("programme:add_item", lambda cast: "/south-west/programme/add/", TEAM),
    ("programme:weights", lambda cast: "/south-west/programme/weights/", TEAM),
    ("programme:item", lambda cast: f"/south-west/programme/items/{_item(cast)}/", TEAM | {"council"}),
    ("programme:score", lambda cast: f"/south-west/programme/items/{_item(cast)}/score/", TEAM),
    ("programme:edit_item", lambda cast: f"/south-west/programme/items/{_item(cast)}/dates/", TEAM),
    ("programme:feedback", _issued("feedback/"), {"requester"}),
    ("programme:board_decision", _issued("board-decision/"), {"requester"}),
    ("programme:impact", _issued("impact/"), TEAM),
]
NOT_GET_PAGES = {"programme:finish_topic"}
