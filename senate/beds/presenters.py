"""Page-shaped data from a bed model's stored comparison (``senate-bed-comparison/1``): the tables
and charts of the results page, which the reports app includes in a review's report.

For the reports app:
* ``bed_test_model(request)``: the bed model the panel relies on for the bed test, or None;
* ``report_tables(bed_model)``: a list of {"caption", "head", "rows"} (plain strings);
* ``report_charts(bed_model)``: a list of {"key", "title", "svg"} (SVG with <title> and <desc>);
* ``report_assumptions(bed_model)``: the assumptions, in plain words, as a list of strings."""

from collections.abc import Callable
from typing import Any

from senate.analytics.bed_capacity.model import FLAT_MONTH_SHARES, FLAT_WEEKDAY_SHARES, MONTH_NAMES, WEEKDAY_NAMES
from senate.beds.models import BedModel, BedTestLink
from senate.core.csp import svg_presentation_attributes
from senate.reviews.models import Request


def bed_test_model(request: Request) -> BedModel | None:
    link = BedTestLink.objects.filter(request=request).select_related("bed_model").first()
    return link.bed_model if link and link.bed_model.status == BedModel.Status.DONE else None


def report_charts(bed_model: BedModel) -> list[dict[str, str]]:
    """The SVG of each chart, ready to put inline in HTML (the XML prologue removed, and its style
    attributes made presentation attributes, which the Content-Security-Policy allows)."""
    if not bed_model.result:
        return []
    return [
        chart | {"svg": svg_presentation_attributes(chart["svg"][max(chart["svg"].find("<svg"), 0) :])}
        for chart in bed_model.charts
    ]


def report_assumptions(bed_model: BedModel) -> list[str]:
    result = bed_model.result or {}
    out = list(result.get("assumptions", []))
    if settings := result.get("simulation_settings"):
        out.append(
            f"Simulation: {settings['replications']:,} replications of {settings['years']:,} years each after "
            f"{settings['warmup_days']:,} warm-up days (seed {settings['seed']}); intervals are 95% confidence "
            "intervals across replications."
        )
        if settings.get("escalation_beds"):
            threshold = settings.get("escalation_threshold", 1.0)
            when = (
                "when every bed is full"
                if threshold >= 1
                else f"while more than {threshold:.0%} of the beds are occupied (and always when every bed is full)"
            )
            out.append(
                f"Escalation: {settings['escalation_beds']:,} more beds open on each side {when}; "
                "the Erlang figures are for the permanent beds only."
            )
        if settings.get("when_full") == "waits":
            out.append(
                "When every bed is full the patient waits for one (first come, first served), as in an emergency "
                "department, instead of going elsewhere; patients still waiting when a run ends count with the "
                "wait so far."
            )
    else:
        out.append("Not simulated: Erlang figures at steady demand only.")
    return out


def report_tables(bed_model: BedModel) -> list[dict[str, Any]]:
    result = bed_model.result
    if not result:
        return []
    how_sure = result.get("uncertainty")
    return _tables(result) + ([] if not how_sure else [_how_sure(how_sure, result["proposal"]["name"])])


def _how_sure(u: dict[str, Any], name: str) -> dict[str, Any]:
    """How likely the proposal is to meet its target when its assumptions are given ranges."""
    low, high = u["interval"]
    centiles = u["no_bed_probability_centiles"]
    rows = [
        [
            f"Chance the proposal meets the target ({_chance(u['target'])} finding no bed or fewer)",
            f"{u['probability_meets_target']:.0%} ({u['met']:,} of {u['draws']:,} draws; "
            f"95% interval {low:.1%} to {high:.1%})",
        ],
        ["Chance of finding no bed, every assumption as stated", _chance(u["no_bed_probability_as_stated"])],
        [
            "Chance of finding no bed across the draws (5th, 50th and 95th centile)",
            f"{_chance(centiles['5'])}, {_chance(centiles['50'])}, {_chance(centiles['95'])}",
        ],
    ]
    rows += [
        [
            f"{bar['label']}, from {bar['low_value']:,g} to {bar['high_value']:,g} (the others as stated)",
            f"{_chance(bar['no_bed_probability_at_low'])} to {_chance(bar['no_bed_probability_at_high'])}",
        ]
        for bar in u["tornado"]
    ]
    return {
        "caption": "How sure are we: the proposal's assumptions across their ranges",
        "head": ["", name],
        "rows": rows,
    }


def _tables(result: dict[str, Any]) -> list[dict[str, Any]]:
    base, prop = result["baseline"], result["proposal"]
    head = ["", base["name"], prop["name"]]
    tables = [
        {
            "caption": "Steady demand: the rule of thumb and the Erlang loss model",
            "head": head,
            "rows": _steady(base, prop),
        }
    ]
    tables += _pool_tables(base, prop)
    if base.get("simulation") and prop.get("simulation"):
        bs, ps = base["simulation"], prop["simulation"]
        rows = _waited(bs, ps) if bs.get("waiting") and ps.get("waiting") else _simulated(bs, ps)
        if needed := prop.get("required_beds"):
            rows.append(_required_row(needed))
        tables.append(
            {
                "caption": "With the stated swings in demand (simulation, 95% confidence intervals)",
                "head": head,
                "rows": rows,
            }
        )
        if bs.get("waiting"):
            return tables
        tables.append(_by("month", MONTH_NAMES, bs["refused_per_month"], ps["refused_per_month"], head))
        tables.append(_by("day of the week", WEEKDAY_NAMES, bs["refused_per_weekday"], ps["refused_per_weekday"], head))
    return tables


def _pool_tables(base: dict[str, Any], prop: dict[str, Any]) -> list[dict[str, Any]]:
    """Every pool of a scenario with several, simulated together: outliers, refusals, cancellations."""
    if not base.get("pools") or not prop.get("pools"):
        return []
    head = ["", base["name"], prop["name"]]
    tables = []
    for b, p in zip(base["pools"]["pools"], prop["pools"]["pools"], strict=True):
        sent = f"Patients outlying to {b['outlie_to']} per year" if b["outlie_to"] else None
        rows = [
            (
                "Beds",
                lambda s: (
                    _whole(s["beds"]) + (f" and {s['escalation_beds']:,} escalation" if s["escalation_beds"] else "")
                ),
            ),
            ("Emergency admissions per year", lambda s: estimate(s["admissions_per_year"])),
            ("Given a bed in this pool", lambda s: estimate(s["admitted_per_year"])),
            *([(sent, lambda s: estimate(s["outliers_sent_per_year"]))] if sent else []),
            *(
                [("Bed-days a year outlying", lambda s: estimate(s["outlying_bed_days_per_year"]))]
                if b["outlie_to"]
                else []
            ),
            (
                "Turned away per year, after outlying" if b["outlie_to"] else "Turned away per year",
                lambda s: estimate(s["refused_per_year"]),
            ),
            ("Outliers from other pools taken in per year", lambda s: estimate(s["outliers_received_per_year"])),
            ("Mean occupied beds", lambda s: estimate(s["mean_occupied_beds"], digits=1)),
        ]
        if b.get("electives_planned_per_year"):
            rows += [
                ("Planned (elective) admissions per year", lambda s: estimate(s["electives_planned_per_year"])),
                ("Elective admissions cancelled per year", lambda s: estimate(s["electives_cancelled_per_year"])),
            ]
        tables.append(
            {
                "caption": f"{b['name']}: pools simulated together (95% confidence intervals)",
                "head": head,
                "rows": [[label, show(b), show(p)] for label, show in rows],
            }
        )
    return tables


def _steady(base: dict[str, Any], prop: dict[str, Any]) -> list[list[str]]:
    rows = [
        ("Admissions per year", lambda s: _whole(s["admissions_per_year"])),
        ("Length of stay", lambda s: s["length_of_stay"]),
        *(
            [("Days in a bed, with delayed discharges and discharge times", lambda s: f"{s['mean_stay_days']:,.2f}")]
            if any(s.get("mean_stay_days", s["mean_los_days"]) != s["mean_los_days"] for s in (base, prop))
            else []
        ),
        ("Beds", lambda s: _whole(s["beds"])),
        ("Mean occupied beds", lambda s: f"{s['mean_occupied_beds']:,.1f} ({s['occupancy_at_beds']:.1%} occupancy)"),
        (
            "Beds at the target occupancy (rule of thumb)",
            lambda s: f"{s['beds_at_target_occupancy']:,} at {s['target_occupancy']:.0%}",
        ),
        ("Chance an admission finds no bed (Erlang loss)", lambda s: _chance(s["erlang_b_at_beds"])),
        ("Admissions finding no bed per year", lambda s: _whole(s["refused_per_year"])),
        ("Beds for under 1% finding no bed", lambda s: _whole(s["beds_for_1_percent"])),
        ("Beds for under 0.1% finding no bed", lambda s: _whole(s["beds_for_0_1_percent"])),
    ]
    return [[label, show(base), show(prop)] for label, show in rows]


def _simulated(bs: dict[str, Any], ps: dict[str, Any]) -> list[list[str]]:
    rows = [
        ("Admissions finding no bed per year", lambda s: estimate(s["refused_per_year"])),
        ("Share of admissions finding no bed", lambda s: estimate(s["refusal_fraction"], percent=True)),
        ("Days a year with someone without a bed", lambda s: estimate(s["days_with_refusals_per_year"], digits=1)),
        (
            "Peak hour: chance of no bed",
            lambda s: f"{s['peak_hour_label']}: " + estimate(s["no_bed_probability_at_peak_hour"], percent=True),
        ),
        ("Mean occupied beds", lambda s: estimate(s["mean_occupied_beds"], digits=1)),
        ("Beds occupied at midnight", _midnight_spread),
        *(
            (f"Nights a year above {float(level):.0%} occupied", _nights_above(level))
            for level in ("0.85", "0.92", "0.95")
        ),
        ("Nights a year with every bed full", lambda s: _midnight(s, lambda m: estimate(m["days_full"], digits=1))),
    ]
    if (bs.get("midnight_occupancy") or {}).get("escalation"):
        rows += [
            ("Nights a year with escalation beds in use", lambda s: _escalation(s, "nights_in_use")),
            ("Escalation bed-nights a year", lambda s: _escalation(s, "bed_nights")),
        ]
        if "nights_open" in bs["midnight_occupancy"]["escalation"]:
            rows += [
                ("Nights a year the escalation beds are open", lambda s: _escalation(s, "nights_open")),
                ("Escalation bed-nights open a year (staffed)", lambda s: _escalation(s, "bed_nights_open")),
            ]
    return [[label, show(bs), show(ps)] for label, show in rows]


def _waited(bs: dict[str, Any], ps: dict[str, Any]) -> list[list[str]]:
    """When patients wait for a bed instead of going elsewhere: how many wait, and how long."""
    rows = [
        ("Patients waiting for a bed per year", lambda w: estimate(w["waited_per_year"])),
        ("Share of admissions who wait", lambda w: estimate(w["share_waiting"], percent=True)),
        ("Mean wait of those who wait, in hours", lambda w: estimate(w["mean_wait_hours"], digits=1)),
        ("95 in 100 patients are in a bed within", lambda w: f"{w['centile_95_wait_hours']:,.2f} hours"),
        ("Waits over 4 hours per year", lambda w: estimate(w["over_4_hours_per_year"])),
        ("Waits over 12 hours per year", lambda w: estimate(w["over_12_hours_per_year"])),
    ]
    out = [[label, show(bs["waiting"]), show(ps["waiting"])] for label, show in rows]
    out.append(
        [
            "Mean occupied beds",
            estimate(bs["mean_occupied_beds"], digits=1),
            estimate(ps["mean_occupied_beds"], digits=1),
        ]
    )
    return out + [row for row in _simulated(bs, ps) if row[0].startswith(("Beds occupied", "Nights", "Escalation"))]


def _required_row(needed: dict[str, Any]) -> list[str]:
    """The proposal's beds needed under its stated swings, found by simulation, beside Erlang's answer."""
    label = f"Beds needed for {_chance(needed['target'])} or fewer finding no bed, with the stated swings"
    found = (
        f"{needed['beds']:,} ({needed['erlang_beds']:,} at steady demand)"
        if needed["beds"] is not None
        else "More than can be simulated"
    )
    return [label, "Not searched (the proposal only)", found]


def _escalation(side: dict[str, Any], key: str) -> str:
    escalation = (side.get("midnight_occupancy") or {}).get("escalation")
    if not escalation:
        return _NOT_MEASURED
    return f"{estimate(escalation[key], digits=1)} ({escalation['beds']:,} escalation beds)"


_NOT_MEASURED = "Not measured in this run (run the model again)"


def _midnight(side: dict[str, Any], show: Callable[[dict[str, Any]], str]) -> str:
    """A midnight-census figure, or why there is none (results kept from before it was measured)."""
    midnight = side.get("midnight_occupancy")
    return show(midnight) if midnight else _NOT_MEASURED


def _midnight_spread(side: dict[str, Any]) -> str:
    def show(m: dict[str, Any]) -> str:
        c = m["centiles"]
        return f"{c['50']:,} on a typical night; {c['25']:,} to {c['75']:,} on half of nights; {c['95']:,} or fewer on 95 in 100"

    return _midnight(side, show)


def _nights_above(level: str) -> Any:
    return lambda side: _midnight(side, lambda m: estimate(m["days_above"][level], digits=1))


def _by(what: str, labels: tuple[str, ...], base: list[Any], prop: list[Any], head: list[str]) -> dict[str, Any]:
    rows = [
        [label, estimate(b, digits=1), estimate(p, digits=1)] for label, b, p in zip(labels, base, prop, strict=True)
    ]
    return {
        "caption": f"Admissions finding no bed per year, by {what} (simulated, 95% confidence intervals)",
        "head": head,
        "rows": rows,
    }


def estimate(e: dict[str, float], *, digits: int = 0, percent: bool = False) -> str:
    if percent:
        return f"{e['mean']:.2%} (95% CI {e['low']:.2%} to {e['high']:.2%})"
    return f"{e['mean']:,.{digits}f} (95% CI {e['low']:,.{digits}f} to {e['high']:,.{digits}f})"


def _whole(value: float) -> str:
    return f"{value:,.0f}"


def _chance(p: float) -> str:
    return f"{p:.2%}" if p >= 0.0001 else f"{p:.2g}"


def headline(bed_model: BedModel) -> list[dict[str, str]]:
    """Three figures for the top of the results page, baseline against proposal."""
    result = bed_model.result or {}
    if not result:
        return []
    base, prop = result["baseline"], result["proposal"]
    figures = [
        ("Beds", _whole(base["beds"]), _whole(prop["beds"])),
        (
            "Admissions finding no bed a year, steady demand",
            _whole(base["refused_per_year"]),
            _whole(prop["refused_per_year"]),
        ),
    ]
    if base.get("simulation") and prop.get("simulation"):
        figures.append(
            (
                "Admissions finding no bed a year, with swings in demand",
                _whole(base["simulation"]["refused_per_year"]["mean"]),
                _whole(prop["simulation"]["refused_per_year"]["mean"]),
            )
        )
    if how_sure := result.get("uncertainty"):
        figures.append(("Chance the proposal meets the target", "", f"{how_sure['probability_meets_target']:.0%}"))
    return [{"label": label, "baseline": b, "proposal": p} for label, b, p in figures]


def input_rows(scenario: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Summary-list rows of what was entered, for the model's page."""
    base, prop = scenario.get("baseline") or {}, scenario.get("proposal") or {}
    return {
        "baseline": (_baseline_rows(base) + _link_rows(base)) if base else [],
        "proposal": _proposal_rows(prop) if prop else [],
        "pools": [_row(p.get("name", ""), _pool_line(p)) for p in scenario.get("pools") or []],
    }


def _link_rows(pool: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    if pool.get("outlie_to"):
        rows.append(_row("When every bed is full", f"patients outlie to {pool['outlie_to']}"))
    if electives := pool.get("electives"):
        rows.append(_row("Electives", _electives(electives)))
    return rows


def _electives(e: dict[str, Any]) -> str:
    week = ", ".join(f"{n} {day}" for n, day in zip(e["per_weekday"], WEEKDAY_NAMES, strict=True) if n)
    share = e.get("cancel_above_occupancy", 1)
    return f"{week or 'none'} at {e.get('hour', 8):02d}:00, cancelled above {share:.0%} occupied or with no bed free"


def _pool_line(p: dict[str, Any]) -> str:
    parts = [f"{_whole(p.get('admissions_per_year', 0))} admissions a year", f"{_whole(p.get('beds', 0))} beds"]
    if p.get("escalation_beds"):
        parts.append(f"{p['escalation_beds']:,} escalation beds")
    if p.get("outlie_to"):
        parts.append(f"outlies to {p['outlie_to']} when full")
    if p.get("electives"):
        parts.append("electives " + _electives(p["electives"]))
    return "; ".join(parts)


def _row(key: str, value: object) -> dict[str, Any]:
    return {"key": {"text": key}, "value": {"text": str(value)}}


def _baseline_rows(base: dict[str, Any]) -> list[dict[str, Any]]:
    los = base.get("length_of_stay") or {}
    if los.get("distribution") == "empirical":
        stay = f"{len(los.get('values_days', [])):,} stays uploaded"
    else:
        stay = f"mean {los.get('mean_days', '?')} days, coefficient of variation {los.get('cv', '?')} (lognormal)"
    return [
        _row("Bed pool", base.get("name", "")),
        _row("Admissions per year", _whole(base.get("admissions_per_year", 0))),
        _row("Length of stay", stay),
        _row("Beds", _whole(base.get("beds", 0))),
        _row("Target occupancy", f"{base.get('target_occupancy', 0.85):.0%}"),
        _row("Demand by month", _pattern(base.get("month_shares"), MONTH_NAMES, FLAT_MONTH_SHARES)),
        _row("Demand by weekday", _pattern(base.get("weekday_shares"), WEEKDAY_NAMES, FLAT_WEEKDAY_SHARES)),
        _row(
            "Demand by hour", "as entered" if base.get("hour_shares") and len(set(base["hour_shares"])) > 1 else "even"
        ),
        *_discharge_rows(base),
    ]


def _discharge_rows(base: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    if delayed := base.get("delayed_discharge"):
        rows.append(
            _row(
                "Delayed discharges",
                f"{delayed.get('share_of_patients', 0):.0%} of patients, {delayed.get('mean_days', '?')} days on average",
            )
        )
    if profile := base.get("discharge_profile"):
        rows.append(
            _row("Discharges by weekday", _pattern(profile.get("weekday_shares"), WEEKDAY_NAMES, FLAT_WEEKDAY_SHARES))
        )
    return rows


def _pattern(shares: list[float] | None, names: tuple[str, ...], flat: tuple[float, ...]) -> str:
    if not shares or all(abs(a - b) < 1e-9 for a, b in zip(shares, flat, strict=False)):
        return "even"
    return ", ".join(f"{name} {share:.1%}" for name, share in zip(names, shares, strict=False))


def _proposal_rows(prop: dict[str, Any]) -> list[dict[str, Any]]:
    rows = [_row("Proposal", prop.get("name", "")), _row("Beds proposed", _whole(prop.get("proposed_beds", 0)))]
    if alt := prop.get("alternative_provision"):
        rows.append(
            _row(
                "Alternative provision",
                f"{alt.get('description', '')}: {_whole(alt.get('admissions_avoided_per_year', 0))} admissions avoided a year. "
                f"Workforce: {alt.get('workforce_note', '')}",
            )
        )
    for t in prop.get("new_treatments") or []:
        rows.append(
            _row(
                "New treatment",
                f"{t.get('category')}: {_whole(t.get('admissions_reduced_per_year', 0))} fewer admissions a year",
            )
        )
    if cut := prop.get("los_reduction"):
        rows.append(
            _row(
                "Length of stay",
                f"closes {cut.get('gap_share_closed', 0):.0%} of the gap to a benchmark of {cut.get('benchmark_mean_los_days')} days",
            )
        )
    if growth := prop.get("demographic_growth"):
        rows.append(
            _row(
                "Demographic growth",
                f"{growth.get('annual_rate', 0):.2%} a year from {growth.get('base_year')} to {growth.get('horizon_year')}",
            )
        )
    if (avoided := prop.get("delayed_discharge_avoided")) is not None:
        rows.append(_row("Delayed-discharge days avoided", f"{avoided:.0%}"))
    return rows
