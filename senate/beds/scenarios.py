"""Building a bed model's scenario (``senate-bed-scenario/1``) a part at a time, and checking it with
the scenario format's own validator, so the pages refuse exactly what ``senate beds assess`` refuses."""

from collections.abc import Mapping
from typing import Any

from senate.analytics.bed_capacity import SCENARIO_FORMAT, validate_scenario


def assemble(
    *,
    title: str,
    baseline: Mapping[str, object],
    proposal: Mapping[str, object],
    simulation: Mapping[str, object] | None,
    uncertainty: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    out: dict[str, Any] = {"format": SCENARIO_FORMAT, "title": title, "baseline": baseline, "proposal": proposal}
    if simulation is not None:
        out["simulation"] = simulation
    if uncertainty:
        out["uncertainty"] = uncertainty
    return out


POOL_LINKS = ("outlie_to", "electives")


def keep_pools(previous: dict[str, Any], scenario: dict[str, Any]) -> dict[str, Any]:
    """Carry the other pools of a multi-pool scenario, and the baseline's links to them (outlying,
    electives), over an edit of the pages' boxes, which do not show them."""
    out = dict(scenario)
    if previous.get("pools"):
        out["pools"] = previous["pools"]
    before, after = previous.get("baseline") or {}, out.get("baseline") or {}
    if after and any(key in before for key in POOL_LINKS):
        out["baseline"] = after | {key: before[key] for key in POOL_LINKS if key in before and key not in after}
    return out


def baseline_problems(scenario: dict[str, Any], baseline: dict[str, Any]) -> list[str]:
    """Problems with a baseline on its own. A stand-in proposal (the same beds, no changes) lets the
    whole validator run, including the limit on what can be simulated in time."""
    stand_in = {"proposed_beds": baseline.get("beds") if isinstance(baseline.get("beds"), int) else 1}
    candidate = assemble(title="", baseline=baseline, proposal=stand_in, simulation=scenario.get("simulation"))
    return [p for p in validate_scenario(candidate) if p.startswith("baseline")]


def problems(scenario: dict[str, Any]) -> list[str]:
    """Every problem with a whole scenario; empty when it can be run. No ranges entered (an empty
    ``uncertainty``) is no uncertainty analysis, as `assemble` stores it."""
    if "uncertainty" in scenario and not scenario["uncertainty"]:
        scenario = {k: v for k, v in scenario.items() if k != "uncertainty"}
    if not scenario.get("baseline"):
        return ["baseline: enter the baseline first"]
    if not scenario.get("proposal"):
        return ["proposal: enter the proposal first"]
    return validate_scenario(scenario)


def baseline_initial(scenario: dict[str, Any]) -> dict[str, Any]:
    base = scenario.get("baseline") or {}
    los = base.get("length_of_stay") or {}
    initial = {k: base[k] for k in ("name", "admissions_per_year", "beds", "target_occupancy") if k in base}
    initial |= {k: base[k] for k in ("month_shares", "weekday_shares", "hour_shares") if k in base}
    initial["los_kind"] = "empirical" if los.get("distribution") == "empirical" else "lognormal"
    initial |= {"los_mean_days": los.get("mean_days"), "los_cv": los.get("cv")}
    delayed = base.get("delayed_discharge") or {}
    initial |= {"delayed_share": delayed.get("share_of_patients"), "delayed_mean_days": delayed.get("mean_days")}
    profile = base.get("discharge_profile") or {}
    initial |= {
        "discharge_weekday_shares": profile.get("weekday_shares"),
        "discharge_hour_shares": profile.get("hour_shares"),
    }
    return {k: v for k, v in initial.items() if v is not None}


def stored_values(scenario: dict[str, Any]) -> list[float]:
    los = (scenario.get("baseline") or {}).get("length_of_stay") or {}
    return list(los.get("values_days") or [])


def proposal_initial(scenario: dict[str, Any]) -> dict[str, Any]:
    prop = scenario.get("proposal") or {}
    alt = prop.get("alternative_provision") or {}
    cut = prop.get("los_reduction") or {}
    growth = prop.get("demographic_growth") or {}
    initial: dict[str, Any] = {
        "name": prop.get("name"),
        "proposed_beds": prop.get("proposed_beds"),
        "alt_description": alt.get("description"),
        "alt_avoided": alt.get("admissions_avoided_per_year"),
        "alt_workforce": alt.get("workforce_note"),
        "los_benchmark": cut.get("benchmark_mean_los_days"),
        "los_gap_share": cut.get("gap_share_closed"),
        "growth_rate": growth.get("annual_rate"),
        "growth_base_year": growth.get("base_year"),
        "growth_horizon_year": growth.get("horizon_year"),
        "delayed_discharge_avoided": prop.get("delayed_discharge_avoided"),
    }
    for i, treatment in enumerate(prop.get("new_treatments") or [], start=1):
        initial[f"treatment_{i}_category"] = treatment.get("category")
        initial[f"treatment_{i}_reduced"] = treatment.get("admissions_reduced_per_year")
    initial |= {
        k: v
        for k, v in (scenario.get("simulation") or {}).items()
        if k
        in (
            "replications",
            "years",
            "seed",
            "when_full",
            "required_beds_target",
            "escalation_beds",
            "escalation_threshold",
        )
    }
    unc = scenario.get("uncertainty") or {}
    initial |= {"uncertainty_target": unc.get("target"), "uncertainty_draws": unc.get("draws")}
    for path, (low, high) in UNCERTAIN_FIELDS.items():
        span = (unc.get("ranges") or {}).get(path) or {}
        initial |= {low: span.get("low"), high: span.get("high")}
    return {k: v for k, v in initial.items() if v is not None}


# Each assumption that can be given a range, and the boxes for its low and high ends.
UNCERTAIN_FIELDS = {
    "demographic_growth.annual_rate": ("growth_rate_low", "growth_rate_high"),
    "alternative_provision.admissions_avoided_per_year": ("alt_avoided_low", "alt_avoided_high"),
    "los_reduction.gap_share_closed": ("los_gap_share_low", "los_gap_share_high"),
}
