"""Boxes for numbers and lists of shares, and the map from the scenario validator's field paths
(``baseline.month_shares``) to the boxes on the pages, so each message sits next to its box."""

import math
import re

from django import forms

# Scenario field path -> form field name. Paths are those of docs/beds/scenario-format.md.
FIELD_FOR_PATH = {
    "baseline.name": "name",
    "baseline.admissions_per_year": "admissions_per_year",
    "baseline.beds": "beds",
    "baseline.length_of_stay.distribution": "los_kind",
    "baseline.length_of_stay.mean_days": "los_mean_days",
    "baseline.length_of_stay.cv": "los_cv",
    "baseline.length_of_stay.values_days": "los_csv",
    "baseline.length_of_stay": "los_kind",
    "baseline.target_occupancy": "target_occupancy",
    "baseline.month_shares": "month_shares",
    "baseline.weekday_shares": "weekday_shares",
    "baseline.hour_shares": "hour_shares",
    "baseline.delayed_discharge": "delayed_share",
    "baseline.delayed_discharge.share_of_patients": "delayed_share",
    "baseline.delayed_discharge.mean_days": "delayed_mean_days",
    "baseline.discharge_profile": "discharge_weekday_shares",
    "baseline.discharge_profile.weekday_shares": "discharge_weekday_shares",
    "baseline.discharge_profile.hour_shares": "discharge_hour_shares",
    "proposal.delayed_discharge_avoided": "delayed_discharge_avoided",
    "proposal.name": "name",
    "proposal.proposed_beds": "proposed_beds",
    "proposal.alternative_provision.admissions_avoided_per_year": "alt_avoided",
    "proposal.alternative_provision.workforce_note": "alt_workforce",
    "proposal.alternative_provision.description": "alt_description",
    "proposal.los_reduction.benchmark_mean_los_days": "los_benchmark",
    "proposal.los_reduction.gap_share_closed": "los_gap_share",
    "proposal.demographic_growth.annual_rate": "growth_rate",
    "proposal.demographic_growth.base_year": "growth_base_year",
    "proposal.demographic_growth.horizon_year": "growth_horizon_year",
    "simulation.replications": "replications",
    "simulation.years": "years",
    "simulation.seed": "seed",
    "simulation.when_full": "when_full",
    "simulation.required_beds_target": "required_beds_target",
    "simulation.escalation_beds": "escalation_beds",
    "simulation.escalation_threshold": "escalation_threshold",
    "uncertainty.target": "uncertainty_target",
    "uncertainty.draws": "uncertainty_draws",
    "uncertainty.ranges": "uncertainty_target",
    "uncertainty.replications": "uncertainty_draws",
    "uncertainty.years": "uncertainty_draws",
}
for _path, _low, _high in (
    ("demographic_growth.annual_rate", "growth_rate_low", "growth_rate_high"),
    ("alternative_provision.admissions_avoided_per_year", "alt_avoided_low", "alt_avoided_high"),
    ("los_reduction.gap_share_closed", "los_gap_share_low", "los_gap_share_high"),
):
    FIELD_FOR_PATH |= {
        f"uncertainty.ranges.{_path}": _low,
        f"uncertainty.ranges.{_path}.low": _low,
        f"uncertainty.ranges.{_path}.high": _high,
        f"uncertainty.ranges.{_path}.distribution": _low,
    }
_TREATMENT = re.compile(r"^proposal\.new_treatments\[(\d+)\]\.(category|admissions_reduced_per_year)$")
_NUMBER_SEPARATORS = re.compile(r"[\s,;]+")


class NumberField(forms.Field):
    """A number typed in a box; the scenario validator judges its range and says why."""

    def __init__(
        self,
        *,
        label: str,
        whole: bool = False,
        required: bool = True,
        help_text: str = "",
        initial: float | None = None,
    ) -> None:
        self.whole = whole
        missing = {"required": f"Enter {label[0].lower()}{label[1:]}"}
        super().__init__(label=label, required=required, help_text=help_text, initial=initial, error_messages=missing)
        self.widget.attrs.update({"inputmode": "numeric" if whole else "decimal", "spellcheck": "false"})

    def to_python(self, value: object) -> float | int | None:
        text = str(value or "").strip().replace(",", "")
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            raise forms.ValidationError(
                f"{self.label} must be a number, like {'560' if self.whole else '4.5'}"
            ) from None
        if not math.isfinite(number):
            raise forms.ValidationError(f"{self.label} must be a number, like {'560' if self.whole else '4.5'}")
        return int(number) if number.is_integer() and abs(number) < 2**53 else number


class SharesField(forms.Field):
    """A list of shares (monthly, weekday or hourly split) typed as numbers separated by commas.
    Blank means the flat pattern."""

    def __init__(self, count: int, *, flat: tuple[float, ...], label: str, help_text: str = "") -> None:
        self.count, self.flat = count, flat
        widget = forms.Textarea(attrs={"rows": 2, "spellcheck": "false"})
        super().__init__(label=label, help_text=help_text, required=False, widget=widget)

    def to_python(self, value: object) -> list[float]:
        text = str(value or "").strip()
        if not text:
            return list(self.flat)
        values = []
        for part in _NUMBER_SEPARATORS.split(text):
            try:
                values.append(float(part))
            except ValueError:
                raise forms.ValidationError(f"{self.label}: {part!r} is not a number") from None
        return values

    def prepare_value(self, value: object) -> object:
        if isinstance(value, list | tuple):
            if is_flat(value, self.flat):
                return ""
            return ", ".join(f"{v:.6g}" for v in value)
        return value


def is_flat(values: list[float] | tuple[float, ...], flat: tuple[float, ...]) -> bool:
    return len(values) == len(flat) and all(abs(a - b) < 1e-9 for a, b in zip(values, flat, strict=True))


def field_for(path: str) -> str | None:
    if path in FIELD_FOR_PATH:
        return FIELD_FOR_PATH[path]
    match = _TREATMENT.match(path)
    if match:
        part = "category" if match.group(2) == "category" else "reduced"
        return f"treatment_{int(match.group(1)) + 1}_{part}"
    return None


def show_problems(form: forms.Form, problems: list[str], *, only: str = "") -> None:
    """Put each scenario problem next to the box it names; any other becomes a form error.
    ``only`` keeps the problems of one part (``baseline.``) and drops the rest."""
    for problem in problems:
        path, _, message = problem.partition(": ")
        if only and not path.startswith(only):
            continue
        name = field_for(path)
        if name is None or name not in form.fields:
            form.add_error(None, _plain(problem))
        elif name not in form.errors:
            form.add_error(name, _at_field(str(form.fields[name].label or name), message))


def _at_field(label: str, message: str) -> str:
    if message.startswith("missing"):
        return f"Enter {label[0].lower()}{label[1:]}"
    return f"{label}: {message}"


def _plain(problem: str) -> str:
    path, _, message = problem.partition(": ")
    if path == "proposal":
        return f"The proposal: {message}"
    if path.startswith("baseline"):
        return f"Baseline ({path.removeprefix('baseline.')}): {message}. Change it on the baseline page."
    return problem
