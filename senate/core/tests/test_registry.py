"""The one extension mechanism (senate.core.registry): later apps contribute to an earlier app's page or
run from their AppConfig.ready(); a contribution that cannot be imported stops start-up."""

import pytest

from senate.core import registry
from senate.core.registry import ExtensionError


def test_a_provider_that_cannot_be_imported_fails_loudly_when_it_is_registered():
    point = registry.point("test.broken", "a point with a broken provider")
    with pytest.raises(ExtensionError, match="senate.reviews.no_such_module.links"):
        registry.register(point, "senate.reviews.no_such_module.links", order=10)
    with pytest.raises(ExtensionError, match="no_such_function"):
        registry.register(point, "senate.reviews.sections.no_such_function", order=20)
    assert registry.contributions(point) == []


def test_a_point_nobody_declared_is_an_error_not_an_empty_list():
    with pytest.raises(ExtensionError, match="test.undeclared"):
        registry.contributions("test.undeclared")
    with pytest.raises(ExtensionError, match="test.undeclared"):
        registry.register("test.undeclared", print, order=1)


def test_contributions_come_in_their_order_whatever_order_they_were_registered_in():
    point = registry.point("test.ordered", "three contributions")

    def first() -> None: ...
    def second() -> None: ...
    def third() -> None: ...

    registry.register(point, third, order=30)
    registry.register(point, first, order=10)
    registry.register(point, second, order=20)
    registry.register(point, first, order=10)  # registered twice, kept once
    assert registry.contributions(point) == [first, second, third]


def test_a_point_that_takes_one_answer_refuses_none():
    point = registry.point("test.one", "one answer")
    with pytest.raises(ExtensionError, match="exactly one"):
        registry.one(point)
    registry.register(point, "senate.reviews.sections.links_for", order=0)
    assert registry.one(point).__name__ == "links_for"


def test_the_request_page_front_page_and_header_keep_their_order():
    from senate.organisations.home import HOME_TASKS
    from senate.organisations.navigation import NAVIGATION
    from senate.reviews.sections import SECTIONS

    def apps(point: str) -> list[str]:
        return [fn.__module__.split(".")[1] for fn in registry.contributions(point)]

    assert apps(SECTIONS) == [
        "assurance", "evidence", "panels", "beds", "reports", "council", "bundles", "programme", "participation",
        "search",
    ]  # fmt: skip
    assert apps(HOME_TASKS) == [
        "reviews", "assurance", "interests", "evidence", "panels", "reports", "council", "programme", "recruitment",
        "participation",
    ]  # fmt: skip
    assert apps(NAVIGATION) == ["reviews", "members", "interests", "panels", "council", "statistics"]
