"""What the reports app pulls: plain tables, inline SVG charts, the assumptions, and the model the
panel relies on for the bed test."""

from senate.beds import modelling, presenters
from senate.beds.tests.factories import BedModelFactory, finished_model


def test_report_tables_put_baseline_beside_proposal(cast):
    bed_model = finished_model()
    tables = presenters.report_tables(bed_model)
    assert [t["head"] for t in tables][0] == ["", "Ward now", "Ward proposed"]
    steady = {row[0]: row[1:] for row in tables[0]["rows"]}
    assert steady["Beds"] == ["30", "26"]
    assert steady["Beds at the target occupancy (rule of thumb)"][0].endswith("at 85%")
    months = tables[2]["rows"]
    assert [r[0] for r in months][:2] == ["Jan", "Feb"] and "95% CI" in months[0][1]
    assert all(isinstance(cell, str) for t in tables for row in t["rows"] for cell in row)


def test_report_charts_are_inline_svg_with_title_and_description():
    charts = presenters.report_charts(finished_model())
    assert len(charts) == 3
    for chart in charts:
        assert chart["svg"].startswith("<svg") and "<title" in chart["svg"] and "<desc" in chart["svg"]


def test_assumptions_list_the_workforce_and_the_simulation():
    assumptions = presenters.report_assumptions(finished_model())
    assert any("Workforce: 4 WTE band 6 nurses" in a for a in assumptions)
    assert any(a.startswith("Simulation: 4 replications of 1 years") for a in assumptions)


def test_a_model_without_results_gives_nothing_to_report():
    bed_model = BedModelFactory()
    assert presenters.report_tables(bed_model) == [] and presenters.report_charts(bed_model) == []


def test_bed_test_model_is_none_until_one_is_relied_on(cast):
    bed_model = finished_model()
    assert presenters.bed_test_model(bed_model.request) is None
    modelling.rely_on_for_bed_test(bed_model, by=cast["manager"])
    assert presenters.bed_test_model(bed_model.request) == bed_model


def test_the_inputs_summary_names_even_and_entered_demand_patterns():
    from senate.analytics.bed_capacity.model import FLAT_MONTH_SHARES

    scenario = BedModelFactory().scenario
    scenario["baseline"]["month_shares"] = list(FLAT_MONTH_SHARES)
    rows = {r["key"]["text"]: r["value"]["text"] for r in presenters.input_rows(scenario)["baseline"]}
    assert rows["Demand by month"] == "even" and rows["Demand by hour"] == "even"
    assert rows["Demand by weekday"].startswith("Mon 16.0%, Tue 15.0%")


def test_the_simulated_table_shows_the_midnight_census(cast):
    simulated = {row[0]: row[1:] for row in presenters.report_tables(finished_model())[1]["rows"]}
    assert "on a typical night" in simulated["Beds occupied at midnight"][0]
    for level in ("85%", "92%", "95%"):
        assert "95% CI" in simulated[f"Nights a year above {level} occupied"][1]
    assert "95% CI" in simulated["Nights a year with every bed full"][0]


def test_results_kept_from_before_the_census_say_so(cast):
    bed_model = finished_model()
    for side in ("baseline", "proposal"):
        del bed_model.result[side]["simulation"]["midnight_occupancy"]
    simulated = {row[0]: row[1:] for row in presenters.report_tables(bed_model)[1]["rows"]}
    assert simulated["Nights a year with every bed full"] == ["Not measured in this run (run the model again)"] * 2


def test_when_patients_wait_the_report_shows_their_waits(cast):
    from senate.beds.tests.factories import small_scenario

    scenario = small_scenario(
        simulation={"replications": 4, "years": 1, "warmup_days": 30, "seed": 7, "when_full": "waits"}
    )
    bed_model = finished_model(scenario=scenario)
    tables = presenters.report_tables(bed_model)
    simulated = {row[0]: row[1:] for row in tables[1]["rows"]}
    assert "95% CI" in simulated["Waits over 4 hours per year"][0]
    assert simulated["95 in 100 patients are in a bed within"][0].endswith("hours")
    assert "Admissions finding no bed per year" not in simulated  # nobody is turned away
    assert len(tables) == 2  # no refusals by month or weekday to show
    assert any("the patient waits for one" in a for a in presenters.report_assumptions(bed_model))


def test_the_beds_the_proposal_needs_are_shown_beside_erlangs(cast):
    from senate.beds.tests.factories import small_scenario

    settings = {"replications": 4, "years": 1, "warmup_days": 30, "seed": 7, "required_beds_target": 0.01}
    bed_model = finished_model(scenario=small_scenario(simulation=settings))
    rows = {row[0]: row[1:] for row in presenters.report_tables(bed_model)[1]["rows"]}
    needed = bed_model.result["proposal"]["required_beds"]
    shown = rows["Beds needed for 1.00% or fewer finding no bed, with the stated swings"]
    assert shown == [
        "Not searched (the proposal only)",
        f"{needed['beds']:,} ({needed['erlang_beds']:,} at steady demand)",
    ]


def test_escalation_beds_in_use_are_shown(cast):
    from senate.beds.tests.factories import small_scenario

    settings = {"replications": 4, "years": 1, "warmup_days": 30, "seed": 7, "escalation_beds": 4}
    bed_model = finished_model(scenario=small_scenario(simulation=settings))
    rows = {row[0]: row[1:] for row in presenters.report_tables(bed_model)[1]["rows"]}
    assert rows["Nights a year with escalation beds in use"][0].endswith("(4 escalation beds)")
    assert "95% CI" in rows["Escalation bed-nights a year"][1]
    assert any(a.startswith("Escalation: 4 more beds") for a in presenters.report_assumptions(bed_model))


def test_escalation_beds_opened_above_a_threshold_show_their_nights_open(cast):
    from senate.beds.tests.factories import small_scenario

    settings = {"replications": 4, "years": 1, "seed": 7, "escalation_beds": 4, "escalation_threshold": 0.9}
    bed_model = finished_model(scenario=small_scenario(simulation=settings))
    rows = {row[0]: row[1:] for row in presenters.report_tables(bed_model)[1]["rows"]}
    escalation = bed_model.result["baseline"]["simulation"]["midnight_occupancy"]["escalation"]
    nights = escalation["nights_open"]["mean"]
    assert rows["Nights a year the escalation beds are open"][0].startswith(f"{nights:,.1f} (95% CI")
    assert rows["Escalation bed-nights open a year (staffed)"][0].startswith(f"{4 * nights:,.1f} (95% CI")
    assert any("while more than 90% of the beds are occupied" in a for a in presenters.report_assumptions(bed_model))


def test_how_sure_we_are_is_shown_with_the_assumption_that_matters_most(cast):
    from senate.beds.tests.factories import small_scenario

    uncertainty = {
        "target": 0.05,
        "draws": 20,
        "replications": 2,
        "years": 1,
        "ranges": {"alternative_provision.admissions_avoided_per_year": {"low": 0, "high": 400}},
    }
    bed_model = finished_model(scenario=small_scenario(uncertainty=uncertainty))
    how_sure = bed_model.result["uncertainty"]
    table = presenters.report_tables(bed_model)[-1]
    assert table["caption"].startswith("How sure are we")
    rows = {row[0]: row[1] for row in table["rows"]}
    meets = rows["Chance the proposal meets the target (5.00% finding no bed or fewer)"]
    assert meets.startswith(f"{how_sure['probability_meets_target']:.0%} ({how_sure['met']} of 20 draws")
    assert "Admissions avoided a year (alternative provision), from 0 to 400 (the others as stated)" in rows
    tornado = next(c for c in bed_model.charts if c["key"] == "tornado")
    assert "Which assumption matters most" in tornado["svg"] and "<desc" in tornado["svg"]
    headline = {f["label"]: f for f in presenters.headline(bed_model)}
    assert headline["Chance the proposal meets the target"]["proposal"] == f"{how_sure['probability_meets_target']:.0%}"
