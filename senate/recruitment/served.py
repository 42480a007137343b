"""The records recruitment pages serve, found within the current Senate and checked by the framework
before the view runs (`requires(permission, on=…)`): a vacancy, and an application within its vacancy
(whose permission is asked of the vacancy)."""

from typing import Any

from django.http import HttpRequest

from senate.core.access import Served
from senate.recruitment import queries


def _vacancy(http: HttpRequest, pk: int) -> Any:
    return queries.vacancy_in(getattr(http, "senate", None), pk)


def _application(http: HttpRequest, pk: int, application_id: int) -> Any:
    return queries.application_in(getattr(http, "senate", None), pk, application_id)


VACANCY = Served(
    name="vacancy", key="pk", find=_vacancy, missing="There is no vacancy with that number in this Senate."
)
APPLICATION = Served(
    name="application",
    key=("pk", "application_id"),
    find=_application,
    missing="There is no application with that number for this vacancy.",
    subject=lambda http, application: application.vacancy,
)
