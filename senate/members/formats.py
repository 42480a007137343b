"""Accessible formats (large print, easy read …) members need their papers in. Participation keeps
them (it sits below every app that sends papers); Council and evidence pages ask here, and the
lookup is made by name at call time, so no app imports one below it. None known without it."""

from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.utils.module_loading import import_string

from senate.organisations.models import Senate


def formats_needed(senate: Senate, profiles: Iterable[Any]) -> list[tuple[Any, list[str]]]:
    """Those of `profiles` who need papers in another format, with the formats, in name order."""
    people = {p.pk: p for p in profiles if p is not None}
    if not people or not apps.is_installed("senate.participation"):
        return []
    needs = import_string("senate.participation.formats.needs_of")(senate, people)
    return sorted(((people[pk], labels) for pk, labels in needs.items()), key=lambda row: str(row[0]))
