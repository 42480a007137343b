"""Load the reference geography. Idempotent: safe to run on every start and in a migration."""

import datetime as dt
from typing import Any

from django.apps.registry import Apps

from senate.organisations.models import Senate
from senate.organisations.reference import geography as g


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def load_reference_data(apps: Apps | None = None) -> None:
    get = (lambda name: apps.get_model("organisations", name)) if apps else _live_model
    Region, Senate, Organisation = get("Region"), get("Senate"), get("Organisation")
    IcbArea, Succession = get("IcbArea"), get("Succession")

    regions = {}
    for code, slug, name in g.REGIONS:
        regions[slug], _ = Region.objects.update_or_create(slug=slug, defaults={"code": code, "name": name})
    senates = {}
    for slug, name, region, established, ended, _merged, area in g.SENATES:
        senates[slug], _ = Senate.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "region": regions[region],
                "established": _date(established),
                "ended": _date(ended),
                "area_description": area,
            },
        )
    for slug, *_rest, merged, _area in g.SENATES:
        if merged:
            Senate.objects.filter(slug=slug).update(merged_into=senates[merged])

    icbs = {}
    for code, name, region, senate in g.ICBS_2022:
        icbs[code] = _icb(Organisation, IcbArea, code, name, regions[region], senates[senate], g.ICB_START)
    for code, name, region, senate, predecessors in g.ICBS_2026:
        new = _icb(Organisation, IcbArea, code, name, regions[region], senates[senate], g.MERGE_2026)
        new.notes = "Provisional code; 2026 boundary UNCONFIRMED (see docs/reference-data.md)."
        new.save(update_fields=["notes"])
        for old_code, kind, note in predecessors:
            _succeed(Organisation, IcbArea, Succession, icbs[old_code], new, kind, note)
    for old_code, new_code, note in g.ICB_2026_PARTS_TO_CONTINUING:
        _succeed(Organisation, IcbArea, Succession, icbs[old_code], icbs[new_code], "part", note)


def _live_model(name: str) -> Any:
    from django.apps import apps as live

    return live.get_model("organisations", name)


def _icb(Organisation: Any, IcbArea: Any, code: str, name: str, region: Any, senate: Senate, start: str) -> Any:
    icb, _ = Organisation.objects.update_or_create(
        code=code,
        defaults={
            "name": f"NHS {name} Integrated Care Board",
            "type": "icb",
            "region": region,
            "valid_from": _date(start),
        },
    )
    IcbArea.objects.get_or_create(icb=icb, senate=senate, valid_from=_date(start), defaults={"places": name})
    return icb


def _succeed(Organisation: Any, IcbArea: Any, Succession: Any, old: Any, new: Any, kind: str, note: str) -> None:
    """Record the succession and close the old ICB: in the 2026 changes every predecessor either
    merged whole or was divided whole between successors."""
    effective = _date(g.MERGE_2026)
    Succession.objects.get_or_create(
        predecessor=old, successor=new, kind=kind, defaults={"effective": effective, "note": note}
    )
    Organisation.objects.filter(pk=old.pk).update(valid_to=effective)
    IcbArea.objects.filter(icb=old, valid_to__isnull=True).update(valid_to=effective)
