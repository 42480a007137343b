"""Headings never skip a level going down (axe's heading-order rule): a warning callout straight
under the page's title is a level 2 heading, not the NHS macro's default level 3."""

import re

from senate.interests.tests.factories import make_request
from senate.members.models import MemberProfile


def _skips(html: str) -> list[str]:
    main = html[html.index("<main") : html.index("</main>")]
    levels = [int(n) for n in re.findall(r"<h([1-6])\b", main)]
    return [f"h{a} then h{b}" for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]


def test_the_callout_saying_a_member_cannot_be_invited_keeps_the_heading_order(client, cast):
    request = make_request(title="Stroke services")
    undeclared = MemberProfile.objects.get(user=cast["council"])  # has never declared: cannot be invited
    client.force_login(cast["manager"])
    page = client.get(f"/south-west/interests/requests/{request.pk}/screening/{undeclared.pk}/").content.decode()
    assert "Cannot be invited to this panel" in page
    assert _skips(page) == []
