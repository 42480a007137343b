"""SVG charts of a comparison, for the panel's report.

Figures are built with the object API (``Figure``), not pyplot, so nothing
touches a display or global figure state and the charts are safe to draw in
a web worker. Colours are Okabe-Ito (colour-blind safe) and every series also
differs by line style, marker or hatching, so nothing depends on colour
alone. Each SVG carries ``<title>`` and ``<desc>`` for screen readers.
"""

from __future__ import annotations

import hashlib
import io
import math
import re
from xml.sax.saxutils import escape

import matplotlib as mpl
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from . import erlang
from .compare import Comparison, SideSummary
from .model import MONTH_NAMES, WEEKDAY_NAMES
from .simulation import Estimate, SimulationResult

BASELINE_COLOUR = "#0072B2"  # Okabe-Ito blue
PROPOSAL_COLOUR = "#D55E00"  # Okabe-Ito vermillion
_STYLE = {
    "baseline": {"color": BASELINE_COLOUR, "linestyle": "-", "marker": "o", "hatch": ""},
    "proposal": {"color": PROPOSAL_COLOUR, "linestyle": "--", "marker": "s", "hatch": "//"},
}
_Y_FLOOR = 0.1  # refusals a year: below this the log axis would only show noise


def refusals_by_beds_svg(comparison: Comparison) -> str:
    """Refused admissions a year against beds: Erlang curves, stated beds, rule of thumb.

    The 85% line is drawn on the same axes as the refusal curves so the rule
    of thumb is never shown alone (Bagust, Place & Posnett, BMJ 1999).
    """
    sides = _sides(comparison)
    low, high = _bed_range(comparison)
    fig = Figure(figsize=(8, 5))
    ax = fig.add_subplot()
    for key, side in sides:
        _draw_side_curve(ax, key, side, low, high)
    ax.set_yscale("log")
    ax.set_ylim(bottom=_Y_FLOOR)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:,.10g}"))
    ax.set_xlim(low, high)
    ax.set_xlabel("Beds in the pool (number of beds)")
    ax.set_ylabel("Admissions finding no bed (patients per year, log scale)")
    title = "Admissions finding no bed, by number of beds"
    ax.set_title(title)
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(fontsize=8, loc="lower left")
    fig.text(
        0.01,
        0.01,
        "Lines: Erlang loss model at steady average demand. Diamonds: simulation with the "
        "stated monthly, weekly and hourly swings (95% CI).",
        fontsize=7,
    )
    return _to_svg(fig, title, _curve_description(sides))


def refused_by_month_svg(comparison: Comparison) -> str:
    """Simulated refused admissions per month (per year), baseline vs proposal, 95% CI."""
    title = "Admissions finding no bed, by month (simulated)"
    results = _simulations(comparison)
    return _bars_svg(
        title,
        list(MONTH_NAMES),
        {k: r.refused_per_month for k, r in results},
        "Month",
        "Admissions finding no bed\n(patients in that month, per year)",
        comparison,
    )


def refused_by_weekday_svg(comparison: Comparison) -> str:
    """Simulated refused admissions per weekday (per year), baseline vs proposal, 95% CI."""
    title = "Admissions finding no bed, by day of the week (simulated)"
    results = _simulations(comparison)
    return _bars_svg(
        title,
        list(WEEKDAY_NAMES),
        {k: r.refused_per_weekday for k, r in results},
        "Day of the week",
        "Admissions finding no bed\n(patients on that weekday, per year)",
        comparison,
    )


# --------------------------------------------------------------------------
# Pieces
# --------------------------------------------------------------------------


def _sides(comparison: Comparison) -> list[tuple[str, SideSummary]]:
    return [("baseline", comparison.baseline), ("proposal", comparison.proposal)]


def _simulations(comparison: Comparison) -> list[tuple[str, SimulationResult]]:
    out = [(k, s.simulation) for k, s in _sides(comparison) if s.simulation is not None]
    if len(out) != 2:
        raise ValueError("this chart needs simulation results for baseline and proposal")
    return out


def _bed_range(comparison: Comparison) -> tuple[int, int]:
    """From a little below the smaller load to past every bed count shown."""
    sides = (comparison.baseline, comparison.proposal)
    low = math.floor(0.92 * min(s.offered_load for s in sides))
    marks = [v for s in sides for v in (s.beds, s.beds_at_target_occupancy, s.beds_for_0_1_percent)]
    high = math.ceil(max(marks) * 1.05) + 1
    return max(0, min(low, *marks) - 1), high


def _draw_side_curve(ax: Axes, key: str, side: SideSummary, low: int, high: int) -> None:
    style = _STYLE[key]
    colour = style["color"]
    label = key.capitalize()
    beds, refused = erlang.refusal_curve(side.admissions_per_year, side.mean_stay_days, range(low, high + 1))
    ax.plot(
        beds,
        np.maximum(refused, _Y_FLOOR / 10),
        color=colour,
        linestyle=style["linestyle"],
        label=f"{label}: Erlang, steady demand",
    )
    ax.plot(
        [side.beds],
        [max(side.refused_per_year, _Y_FLOOR)],
        marker=style["marker"],
        color=colour,
        linestyle="none",
        markersize=8,
        label=f"{label}: {side.beds:,} beds stated, {side.refused_per_year:,.0f}/yr",
    )
    ax.axvline(
        side.beds_at_target_occupancy,
        color=colour,
        linestyle=":",
        linewidth=1.5,
        label=f"{label}: {side.target_occupancy:.0%} occupancy rule, {side.beds_at_target_occupancy:,} beds",
    )
    if side.simulation is not None:
        est = side.simulation.refused_per_year
        ax.errorbar(
            [side.beds],
            [max(est.mean, _Y_FLOOR)],
            yerr=_yerr([est]),
            marker="D",
            markerfacecolor="white",
            color=colour,
            capsize=4,
            linestyle="none",
            label=f"{label}: simulated, {est.mean:,.0f}/yr",
        )


def _yerr(estimates: list[Estimate] | tuple[Estimate, ...]) -> np.ndarray:
    lower = [max(e.mean - e.low, 0.0) for e in estimates]
    upper = [max(e.high - e.mean, 0.0) for e in estimates]
    return np.array([lower, upper])


def _bars_svg(
    title: str,
    labels: list[str],
    series: dict[str, tuple[Estimate, ...]],
    xlabel: str,
    ylabel: str,
    comparison: Comparison,
) -> str:
    fig = Figure(figsize=(8, 4.5))
    ax = fig.add_subplot()
    x = np.arange(len(labels))
    width = 0.38
    for i, (key, estimates) in enumerate(series.items()):
        style = _STYLE[key]
        side = comparison.baseline if key == "baseline" else comparison.proposal
        ax.bar(
            x + (i - 0.5) * width,
            [e.mean for e in estimates],
            width,
            yerr=_yerr(estimates),
            capsize=3,
            color=style["color"],
            hatch=style["hatch"],
            edgecolor="black",
            linewidth=0.5,
            error_kw={"elinewidth": 1},
            label=f"{key.capitalize()} ({side.beds:,} beds)",
        )
    ax.set_xticks(x, labels)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.set_ylim(bottom=0)
    ax.grid(True, axis="y", alpha=0.3)
    ax.legend(fontsize=8)
    return _to_svg(fig, title, _bars_description(labels, series))


def _curve_description(sides: list[tuple[str, SideSummary]]) -> str:
    parts = []
    for key, s in sides:
        text = (
            f"{key.capitalize()}: {s.beds:,} beds; steady-demand Erlang model "
            f"{s.refused_per_year:,.0f} admissions a year find no bed; the "
            f"{s.target_occupancy:.0%} occupancy rule asks for {s.beds_at_target_occupancy:,} beds"
        )
        if s.simulation is not None:
            e = s.simulation.refused_per_year
            text += f"; simulated with demand swings {e.mean:,.0f} a year (95% CI {e.low:,.0f} to {e.high:,.0f})"
        parts.append(text + ".")
    return " ".join(parts)


def _bars_description(labels: list[str], series: dict[str, tuple[Estimate, ...]]) -> str:
    parts = []
    for key, estimates in series.items():
        values = ", ".join(f"{lab} {e.mean:,.1f}" for lab, e in zip(labels, estimates, strict=True))
        parts.append(f"{key.capitalize()}: {values}.")
    return "Mean admissions finding no bed per year. " + " ".join(parts)


def _to_svg(fig: Figure, title: str, description: str) -> str:
    buffer = io.StringIO()
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    with mpl.rc_context({"svg.fonttype": "none", "svg.hashsalt": "senate-beds"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Title": title})
    return _add_accessible_text(buffer.getvalue(), title, description)


def _add_accessible_text(svg: str, title: str, description: str) -> str:
    """Give the root ``<svg>`` a role, a ``<title>`` and a ``<desc>``."""
    ident = "bed-chart-" + hashlib.sha1((title + description).encode(), usedforsecurity=False).hexdigest()[:10]
    match = re.search(r"<svg\b[^>]*>", svg)
    if match is None:
        raise ValueError("matplotlib did not produce an <svg> element")
    tag = match.group(0)
    opened = tag[:-1] + f' role="img" aria-labelledby="{ident}-title {ident}-desc">'
    inserted = f'<title id="{ident}-title">{escape(title)}</title><desc id="{ident}-desc">{escape(description)}</desc>'
    return svg[: match.start()] + opened + inserted + svg[match.end() :]


def tornado_svg(comparison: Comparison) -> str:
    """Which assumption matters most: each bar runs from the chance of no bed with that assumption at
    the low end of its range to the chance at the high end, the others as stated; the line is the
    chance with every assumption as stated and the dashed line the target."""
    how_sure = comparison.uncertainty
    if how_sure is None:
        raise ValueError("the comparison has no uncertainty analysis")
    bars = list(reversed(how_sure.tornado))  # matplotlib draws the first bar at the bottom
    fig = Figure(figsize=(8, 1.6 + 0.7 * len(bars)))
    ax = fig.add_subplot()
    for i, bar in enumerate(bars):
        low, high = sorted((bar.at_low, bar.at_high))
        ax.barh(i, (high - low) * 100, left=low * 100, color="#005eb8", hatch="//", edgecolor="black", linewidth=0.5)
        ax.annotate(
            f"{bar.low_value:g}",
            (bar.at_low * 100, i),
            textcoords="offset points",
            xytext=(0, 9),
            ha="center",
            fontsize=8,
        )
        ax.annotate(
            f"{bar.high_value:g}",
            (bar.at_high * 100, i),
            textcoords="offset points",
            xytext=(0, 9),
            ha="center",
            fontsize=8,
        )
    ax.axvline(how_sure.at_stated * 100, color="black", linewidth=1, label=f"As stated ({how_sure.at_stated:.2%})")
    ax.axvline(
        how_sure.target * 100, color="#d5281b", linestyle="--", linewidth=1.5, label=f"Target ({how_sure.target:.2%})"
    )
    ax.set_yticks(range(len(bars)), [bar.label for bar in bars], fontsize=8)
    ax.set_ylim(-0.7, len(bars) - 0.3)
    ax.set_xlabel("Chance that an admission finds no bed (%)")
    title = "Which assumption matters most"
    ax.set_title(title)
    ax.grid(True, axis="x", alpha=0.3)
    ax.legend(fontsize=8, loc="lower right")
    description = (
        f"With every assumption as stated the chance of no bed is {how_sure.at_stated:.2%}; the target is "
        f"{how_sure.target:.2%}. "
        + " ".join(
            f"{bar.label}: from {bar.at_low:.2%} at {bar.low_value:g} to {bar.at_high:.2%} at {bar.high_value:g}."
            for bar in how_sure.tornado
        )
    )
    return _to_svg(fig, title, description)
