"""Bed capacity for the NHS "bed test": does a proposal leave enough beds?

A bed pool is a loss system (M_t/G/c/c): an admission that finds every bed
full is refused. The package gives the Erlang loss figures at steady demand,
a compiled simulation with hourly, weekly and seasonal swings in demand, and
a comparison of a baseline with a proposal stated as the bed-test
conditions. Plain Python, numpy, scipy, numba and matplotlib: no Django.

References: Bagust A, Place M, Posnett JW. Dynamics of bed use in
accommodating emergency admissions: stochastic simulation model. BMJ 1999;
319:155-8. Jones R. Hospital bed occupancy demystified. Br J Healthc Manag
2011;17:242-8.
"""

from . import waiting  # noqa: F401  (adds when_full="waits" to simulation.QUEUE_RUNNERS)
from .compare import Comparison, SideSummary, compare, summarise_side
from .erlang import (
    beds_at_target_occupancy,
    beds_for_refusal_probability,
    erlang_b,
    erlang_b_curve,
    mean_occupied_beds,
    offered_load,
    refusal_curve,
    refused_per_year,
)
from .model import (
    AlternativeProvision,
    BedPool,
    DemographicGrowth,
    EffectiveProposal,
    LengthOfStay,
    LosCsvError,
    LosReduction,
    NewTreatment,
    Proposal,
    apply_proposal,
    parse_los_csv,
)
from .scenario import (
    SCENARIO_FORMAT,
    Scenario,
    ScenarioError,
    load_scenario,
    parse_scenario,
    read_scenario,
    run_scenario,
    scenario_to_dict,
    validate_scenario,
)
from .simulation import (
    Estimate,
    SimulationResult,
    SimulationSettings,
    SimulationTooLargeError,
    simulate,
)

__all__ = [
    "SCENARIO_FORMAT",
    "AlternativeProvision",
    "BedPool",
    "Comparison",
    "DemographicGrowth",
    "EffectiveProposal",
    "Estimate",
    "LengthOfStay",
    "LosCsvError",
    "LosReduction",
    "NewTreatment",
    "Proposal",
    "Scenario",
    "ScenarioError",
    "SideSummary",
    "SimulationResult",
    "SimulationSettings",
    "SimulationTooLargeError",
    "apply_proposal",
    "beds_at_target_occupancy",
    "beds_for_refusal_probability",
    "compare",
    "erlang_b",
    "erlang_b_curve",
    "load_scenario",
    "mean_occupied_beds",
    "offered_load",
    "parse_los_csv",
    "parse_scenario",
    "read_scenario",
    "refusal_curve",
    "refused_per_year",
    "run_scenario",
    "scenario_to_dict",
    "simulate",
    "summarise_side",
    "validate_scenario",
]
