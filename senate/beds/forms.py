"""The pages' forms. Each form turns its boxes into part of a ``senate-bed-scenario/1`` scenario;
the scenario's own validator (analytics.bed_capacity.scenario) decides what is acceptable, and
``fields.show_problems`` puts each of its messages next to the box it names."""

from typing import Any, Unpack

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from senate.analytics.bed_capacity import LosCsvError, ScenarioError, parse_los_csv, parse_scenario, scenario_to_dict
from senate.analytics.bed_capacity.model import FLAT_HOUR_SHARES, FLAT_MONTH_SHARES, FLAT_WEEKDAY_SHARES
from senate.beds.fields import NumberField, SharesField, is_flat
from senate.beds.scenarios import UNCERTAIN_FIELDS
from senate.core import uploads
from senate.core.form_input import FormData, FormFiles, FormOptions
from senate.core.forms import Form

TREATMENT_ROWS = 3
LOS_KINDS = [
    ("lognormal", "Mean and coefficient of variation (a lognormal distribution)"),
    ("empirical", "Upload the lengths of stay of past patients (a CSV file)"),
]


def los_csv_max_bytes() -> int:
    """The largest lengths-of-stay file accepted (BEDS_LOS_CSV_MAX_BYTES, 10 MB: a million stays)."""
    return int(getattr(settings, "BEDS_LOS_CSV_MAX_BYTES", 10 * 1024 * 1024))


class TitleForm(Form):
    title = forms.CharField(
        label="Name this bed model",
        max_length=200,
        help_text="For example: Acute medicine, proposed 560 beds with virtual wards.",
        error_messages={"required": "Enter a name for the bed model"},
    )


class BaselineForm(Form):
    """The bed pool as it is now."""

    name = forms.CharField(
        label="Bed pool",
        max_length=200,
        help_text="The ward group or site, for example: Acute medical beds 2024/25.",
        error_messages={"required": "Enter the name of the bed pool"},
    )
    admissions_per_year = NumberField(label="Admissions per year", help_text="Admissions needing this pool in a year.")
    beds = NumberField(label="Beds available now", whole=True)
    los_kind = forms.ChoiceField(
        label="How do you want to give the length of stay?",
        choices=LOS_KINDS,
        widget=forms.RadioSelect,
        initial="lognormal",
        error_messages={"required": "Select how you will give the length of stay"},
    )
    los_mean_days = NumberField(label="Mean length of stay in days", required=False)
    los_cv = NumberField(
        label="Coefficient of variation of length of stay",
        required=False,
        help_text="The standard deviation divided by the mean. Acute stays are often between 1 and 1.5.",
    )
    los_csv = forms.FileField(
        label="Lengths of stay file (CSV)",
        required=False,
        help_text="One column of stays in days, one patient a line, with an optional header line.",
    )
    target_occupancy = NumberField(
        label="Target occupancy",
        initial=0.85,
        help_text="The rule of thumb, as a fraction: 0.85 is 85%. It is shown beside the loss figures, never alone.",
    )
    month_shares = SharesField(
        12,
        label="Split of admissions by month, January to December",
        help_text="12 shares that sum to 1, separated by commas. Leave blank for demand that is even through the year.",
        flat=FLAT_MONTH_SHARES,
    )
    weekday_shares = SharesField(
        7,
        label="Split of admissions by weekday, Monday to Sunday",
        help_text="7 shares that sum to 1. Leave blank for demand that is even through the week.",
        flat=FLAT_WEEKDAY_SHARES,
    )
    hour_shares = SharesField(
        24,
        label="For emergency flow: split of a day's admissions by hour, from midnight",
        help_text="24 shares that sum to 1, 00:00 to 23:00. Leave blank for arrivals spread evenly over the day.",
        flat=FLAT_HOUR_SHARES,
    )
    delayed_share = NumberField(
        label="Share of patients whose discharge is delayed once they are ready to leave",
        required=False,
        help_text="Optional. As a fraction: 0.2 is 1 patient in 5, for example waiting for care at home or a care "
        "home place. Leave blank for none.",
    )
    delayed_mean_days = NumberField(
        label="Mean delay in days of those delayed",
        required=False,
        help_text="Days in a bed after being ready to leave, on top of the length of stay above.",
    )
    discharge_weekday_shares = SharesField(
        7,
        label="Split of discharges by weekday, Monday to Sunday",
        help_text="Optional. 7 shares that sum to 1, such as fewer at weekends; 0 for a day with no discharges. "
        "A patient ready to leave waits for the next discharge slot. Leave blank for discharges on any day.",
        flat=FLAT_WEEKDAY_SHARES,
    )
    discharge_hour_shares = SharesField(
        24,
        label="Split of discharges by hour, from midnight",
        help_text="Optional. 24 shares that sum to 1, 00:00 to 23:00. Leave blank for discharges at any hour.",
        flat=FLAT_HOUR_SHARES,
    )

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        stored_values: list[float] | None = None,
        **options: Unpack[FormOptions],
    ) -> None:
        super().__init__(data, files, **options)
        self.stored_values = stored_values or []
        if self.stored_values:
            self.fields[
                "los_csv"
            ].help_text = f"{len(self.stored_values):,} stays are stored. Upload a new file only to replace them."

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("los_kind") == "empirical":
            data["values_days"] = self._values_days(data.get("los_csv"))
        return data

    def _values_days(self, upload: UploadedFile | None) -> list[float] | None:
        if upload is None:
            if not self.stored_values:
                self.add_error("los_csv", "Upload a CSV file of lengths of stay, or give the mean and variation")
            return self.stored_values or None
        try:
            data = uploads.read_upload(upload, los_csv_max_bytes())
            uploads.check_upload(upload.name or "", data, max_bytes=los_csv_max_bytes(), allowed_kinds=[uploads.CSV])
            return parse_los_csv(data.decode("utf-8-sig"))
        except uploads.UploadRefused as refused:
            self.add_error("los_csv", f"Lengths of stay file: {refused}")
        except UnicodeDecodeError:
            self.add_error("los_csv", "Lengths of stay file: the file must be a CSV saved as text (UTF-8)")
        except LosCsvError as problem:
            self.add_error("los_csv", "Lengths of stay file: " + "; ".join(problem.errors))
        return None

    def baseline(self) -> dict[str, Any]:
        """The ``baseline`` part of a scenario, from the cleaned boxes (not yet validated)."""
        data = self.cleaned_data
        if data.get("los_kind") == "empirical":
            los: dict[str, Any] = {"distribution": "empirical", "values_days": data.get("values_days") or []}
        else:
            los = {"distribution": "lognormal"} | _present(mean_days=data.get("los_mean_days"), cv=data.get("los_cv"))
        out = {"name": data["name"], "length_of_stay": los} | _present(
            admissions_per_year=data.get("admissions_per_year"),
            beds=data.get("beds"),
            month_shares=data.get("month_shares"),
            weekday_shares=data.get("weekday_shares"),
            hour_shares=data.get("hour_shares"),
            target_occupancy=data.get("target_occupancy"),
        )
        delayed = _present(share_of_patients=data.get("delayed_share"), mean_days=data.get("delayed_mean_days"))
        if delayed:
            out["delayed_discharge"] = delayed
        weekdays, hours = data.get("discharge_weekday_shares"), data.get("discharge_hour_shares")
        if not (
            is_flat(weekdays or FLAT_WEEKDAY_SHARES, FLAT_WEEKDAY_SHARES)
            and is_flat(hours or FLAT_HOUR_SHARES, FLAT_HOUR_SHARES)
        ):
            out["discharge_profile"] = {"weekday_shares": weekdays, "hour_shares": hours}
        return out


class ProposalForm(Form):
    """The proposal, in the bed test's conditions, and how much to simulate."""

    name = forms.CharField(
        label="Proposal",
        max_length=200,
        help_text="For example: Acute medical beds 2029/30 (proposed).",
        error_messages={"required": "Enter the name of the proposal"},
    )
    proposed_beds = NumberField(label="Beds proposed", whole=True)
    alt_description = forms.CharField(
        label="Alternative provision",
        required=False,
        max_length=200,
        help_text="Condition (a). For example: Virtual wards (frailty and respiratory).",
    )
    alt_avoided = NumberField(label="Admissions avoided each year by the alternative provision", required=False)
    alt_workforce = forms.CharField(
        label="The workforce for the alternative provision",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Posts, grades and whole-time equivalents, and which are not yet recruited.",
    )
    los_benchmark = NumberField(
        label="Benchmark mean length of stay in days",
        required=False,
        help_text="Condition (c): for example the national average or the Model Hospital peer figure.",
    )
    los_gap_share = NumberField(
        label="Share of the gap to the benchmark the plan closes",
        required=False,
        help_text="From 0 to 1: 0.5 closes half the gap.",
    )
    growth_rate = NumberField(
        label="Demographic growth in demand each year",
        required=False,
        help_text="As a fraction: 0.011 is 1.1% a year.",
    )
    delayed_discharge_avoided = NumberField(
        label="Share of the delayed-discharge days the proposal avoids",
        required=False,
        help_text="Optional. From 0 to 1: 0.5 halves the days patients stay once ready to leave (given on the "
        "baseline page).",
    )
    growth_base_year = NumberField(label="Base year of the baseline figures", required=False, whole=True)
    growth_horizon_year = NumberField(label="Horizon year of the proposal", required=False, whole=True)
    replications = NumberField(
        label="Simulation replications",
        whole=True,
        initial=100,
        help_text="From 2 to 1,000. More gives narrower intervals.",
    )
    years = NumberField(label="Years simulated in each replication", whole=True, initial=10)
    when_full = forms.ChoiceField(
        label="When every bed is full",
        choices=[
            ("turned_away", "The patient goes elsewhere (counted as finding no bed)"),
            ("waits", "The patient waits for a bed, for example in the emergency department"),
        ],
        widget=forms.RadioSelect,
        initial="turned_away",
        required=False,  # left out, patients are turned away as before
    )
    escalation_beds = NumberField(
        label="Escalation beds",
        whole=True,
        required=False,
        help_text="Optional. Surge beds opened on each side, for example on another ward. Leave blank for none.",
    )
    escalation_threshold = NumberField(
        label="Open the escalation beds when more than this share of the beds is occupied",
        required=False,
        help_text="Optional. As a fraction: 0.95 opens them above 95% occupied. Leave blank to open them only "
        "when every bed is full.",
    )
    required_beds_target = NumberField(
        label="Find the beds the proposal needs for this chance of finding no bed",
        required=False,
        help_text="Optional. As a fraction: 0.01 is 1 in 100 admissions. The model then searches the simulation, "
        "with the stated swings in demand, which takes several times as long as one run.",
    )
    seed = NumberField(label="Random seed", whole=True, initial=1, help_text="The same seed gives the same results.")
    uncertainty_target = NumberField(
        label="How sure are we: the chance of finding no bed the proposal must not exceed",
        required=False,
        help_text="Optional. As a fraction, such as 0.01. With ranges below for the assumptions, the model says how "
        "likely the proposal is to meet it and which assumption matters most.",
    )
    growth_rate_low = NumberField(label="Demographic growth each year: lowest", required=False)
    growth_rate_high = NumberField(label="Demographic growth each year: highest", required=False)
    alt_avoided_low = NumberField(label="Admissions avoided each year: lowest", required=False)
    alt_avoided_high = NumberField(label="Admissions avoided each year: highest", required=False)
    los_gap_share_low = NumberField(label="Share of the length-of-stay gap closed: lowest", required=False)
    los_gap_share_high = NumberField(label="Share of the length-of-stay gap closed: highest", required=False)
    uncertainty_draws = NumberField(
        label="Sets of assumptions to draw",
        whole=True,
        required=False,
        help_text="From 10 to 1,000; 200 if left blank.",
    )

    def __init__(
        self, data: FormData | None = None, files: FormFiles | None = None, **options: Unpack[FormOptions]
    ) -> None:
        super().__init__(data, files, **options)
        for i in range(1, TREATMENT_ROWS + 1):
            self.fields[f"treatment_{i}_category"] = forms.CharField(
                label=f"New treatment {i}: category of admission",
                required=False,
                max_length=200,
                help_text="Condition (b). For example: stroke (new anticoagulants)." if i == 1 else "",
            )
            self.fields[f"treatment_{i}_reduced"] = NumberField(
                label=f"New treatment {i}: admissions reduced each year", required=False
            )

    def treatment_rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"treatment_{i}_category"], self[f"treatment_{i}_reduced"]) for i in range(1, TREATMENT_ROWS + 1)]

    def proposal(self) -> dict[str, Any]:
        """The ``proposal`` part of a scenario; a condition left blank is left out."""
        data = self.cleaned_data
        out: dict[str, Any] = {"name": data["name"]} | _present(proposed_beds=data.get("proposed_beds"))
        alt = _present(
            admissions_avoided_per_year=data.get("alt_avoided"),
            workforce_note=data.get("alt_workforce"),
            description=data.get("alt_description"),
        )
        if alt:
            out["alternative_provision"] = alt
        out["new_treatments"] = [
            _present(
                category=data.get(f"treatment_{i}_category"),
                admissions_reduced_per_year=data.get(f"treatment_{i}_reduced"),
            )
            for i in range(1, TREATMENT_ROWS + 1)
            if data.get(f"treatment_{i}_category") or data.get(f"treatment_{i}_reduced") is not None
        ]
        cut = _present(benchmark_mean_los_days=data.get("los_benchmark"), gap_share_closed=data.get("los_gap_share"))
        if cut:
            out["los_reduction"] = cut
        growth = _present(
            annual_rate=data.get("growth_rate"),
            base_year=data.get("growth_base_year"),
            horizon_year=data.get("growth_horizon_year"),
        )
        if growth:
            out["demographic_growth"] = growth
        if data.get("delayed_discharge_avoided") is not None:
            out["delayed_discharge_avoided"] = data["delayed_discharge_avoided"]
        return out

    def simulation(self) -> dict[str, Any]:
        data = self.cleaned_data
        return _present(
            replications=data.get("replications"),
            years=data.get("years"),
            seed=data.get("seed"),
            when_full=data.get("when_full"),
            required_beds_target=data.get("required_beds_target"),
            escalation_beds=data.get("escalation_beds"),
            escalation_threshold=data.get("escalation_threshold"),
        )

    def uncertainty(self) -> dict[str, Any]:
        return uncertainty_section(self.cleaned_data)


def uncertainty_section(data: dict[str, Any]) -> dict[str, Any]:
    """The ``uncertainty`` part of a scenario from the boxes: empty when nothing is entered."""
    ranges = {
        path: _present(low=data.get(low), high=data.get(high))
        for path, (low, high) in UNCERTAIN_FIELDS.items()
        if data.get(low) is not None or data.get(high) is not None
    }
    if data.get("uncertainty_target") is None and not ranges:
        return {}
    return _present(target=data.get("uncertainty_target"), draws=data.get("uncertainty_draws")) | {"ranges": ranges}


def _present(**values: object) -> dict[str, object]:
    """Only the values given: a blank box is left out, so the validator says it is missing."""
    return {k: v for k, v in values.items() if v not in (None, "")}


def scenario_file_max_bytes() -> int:
    """The largest scenario file accepted (BEDS_SCENARIO_MAX_BYTES, 20 MB: room for empirical stays)."""
    return int(getattr(settings, "BEDS_SCENARIO_MAX_BYTES", 20 * 1024 * 1024))


class ScenarioFileForm(Form):
    """A whole ``senate-bed-scenario/1`` file, as ``senate beds assess`` reads it: the way to give
    several pools (outlying, electives). The file is read and checked, never stored: the model keeps
    the scenario it describes."""

    scenario_file = forms.FileField(
        label="Scenario file (JSON)",
        help_text="A senate-bed-scenario/1 file, as the senate beds assess command reads it. It replaces everything entered "
        "for this model.",
        required=True,
    )

    def clean_scenario_file(self) -> dict[str, Any]:
        upload = self.cleaned_data["scenario_file"]
        if not upload.name.lower().endswith(".json"):
            raise forms.ValidationError("The scenario file must be a .json file")
        data = uploads.read_upload(upload, scenario_file_max_bytes())
        if len(data) > scenario_file_max_bytes():
            raise forms.ValidationError(
                f"The scenario file must be at most {uploads.describe_size(scenario_file_max_bytes())}"
            )
        text = uploads.decode_text(data)
        if text is None:
            raise forms.ValidationError("The scenario file must be saved as text (UTF-8)")
        try:
            return scenario_to_dict(parse_scenario(text))
        except ScenarioError as problems:
            raise forms.ValidationError(list(problems.errors)) from problems
