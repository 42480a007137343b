"""The mixed-integer model handed to HiGHS, built column-wise from numpy arrays in one go.

Rows (all reviews r, members m, counted rules k of r):
  cap[m]   sum_r x[m,r]                 <= max_panels[m]
  hi[r]    sum_m x[m,r]                 <= panel_max[r]
  lo[r]    sum_m x[m,r] + u[r]          >= panel_min[r]
  count[k] sum_{m qualifies} x[m,r] + s[k] >= min[k]   (a skill requirement or API min_out_of_region)

At the optimum u[r] = (panel_min - size)+ and s[k] = (min_k - count_k)+. Unfilled seats are their sum:
one per missing member below panel_min and one per missing holder of a required skill. A vacancy that
breaks both rules counts under both; that is deliberate, so the search never prefers leaving a seat
empty when an eligible member with capacity could take it.
Objective (minimised): W * (sum u + sum s) - sum a[m,r] x[m,r], with W above any achievable total
affinity, so one unfilled seat always outweighs all affinity (lexicographic: fewest unfilled seats,
then most affinity).

Columns are the slacks u (one per review) and s (one per count row) first, then x columns for candidate
pairs, appended as column generation finds them.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import highspy
import numpy as np
import scipy.sparse as sp

from ._index import Index, affinity_of, pair_codes, qualifies

INF = highspy.kHighsInf
MIP_REL_GAP = 1e-7


@dataclass(frozen=True)
class Layout:
    """Row and column positions of each kind."""

    n_members: int
    n_reviews: int
    n_counts: int

    @property
    def hi0(self) -> int:
        return self.n_members

    @property
    def lo0(self) -> int:
        return self.n_members + self.n_reviews

    @property
    def count0(self) -> int:
        return self.n_members + 2 * self.n_reviews

    @property
    def n_rows(self) -> int:
        return self.count0 + self.n_counts

    @property
    def n_slacks(self) -> int:
        return self.n_reviews + self.n_counts


@dataclass
class Solved:
    """One HiGHS run: column values, clipped row duals (LP only), objective, proved MIP bound."""

    values: np.ndarray
    duals: np.ndarray | None
    objective: float
    mip_bound: float | None
    finished: bool


@dataclass
class Model:
    ix: Index
    layout: Layout
    weight: float
    highs: highspy.Highs
    cols_m: np.ndarray
    cols_r: np.ndarray
    matrix: sp.csc_matrix  # all columns, kept to recompute reduced costs for the bound
    cost: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    row_lower: np.ndarray
    row_upper: np.ndarray


def build_model(ix: Index, weight: float, m: np.ndarray, r: np.ndarray, pinned: np.ndarray) -> Model:
    layout = _layout(ix)
    row_lower, row_upper = _row_bounds(ix, layout)
    s_cost, s_lower, s_upper, s_matrix = _slack_columns(ix, layout)
    x_cost, x_lower, x_upper, x_matrix = _x_columns(ix, layout, m, r, pinned)
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    # LP presolve costs more than it saves here (measured 0.5 s vs 0.1 s at 20,000 x 500), and the
    # re-solves after adding columns start from the previous basis anyway. The MIP turns it back on.
    highs.setOptionValue("presolve", "off")
    model = Model(
        ix=ix,
        layout=layout,
        weight=weight,
        highs=highs,
        cols_m=m.copy(),
        cols_r=r.copy(),
        matrix=sp.hstack([s_matrix, x_matrix], format="csc"),
        cost=np.concatenate([weight * s_cost, x_cost]),
        lower=np.concatenate([s_lower, x_lower]),
        upper=np.concatenate([s_upper, x_upper]),
        row_lower=row_lower,
        row_upper=row_upper,
    )
    _pass(model)
    return model


def add_columns(model: Model, m: np.ndarray, r: np.ndarray) -> None:
    cost, lower, upper, matrix = _x_columns(model.ix, model.layout, m, r, np.zeros(len(m), bool))
    model.highs.addCols(
        len(m),
        cost,
        lower,
        upper,
        matrix.nnz,
        matrix.indptr[:-1].astype(np.int32),
        matrix.indices.astype(np.int32),
        matrix.data,
    )
    model.cols_m = np.concatenate([model.cols_m, m])
    model.cols_r = np.concatenate([model.cols_r, r])
    model.matrix = sp.hstack([model.matrix, matrix], format="csc")
    model.cost = np.concatenate([model.cost, cost])
    model.lower = np.concatenate([model.lower, lower])
    model.upper = np.concatenate([model.upper, upper])


def solve_lp(model: Model, deadline: float | None) -> Solved:
    highs = model.highs
    _set_time_limit(highs, deadline)
    highs.run()
    status = highs.getModelStatus()
    solution = highs.getSolution()
    finished = status == highspy.HighsModelStatus.kOptimal
    duals = _clip_duals(model, np.asarray(solution.row_dual)) if finished else None
    objective = highs.getInfo().objective_function_value
    return Solved(np.asarray(solution.col_value), duals, objective, None, finished)


def solve_mip(model: Model, deadline: float | None, start: np.ndarray | None) -> Solved:
    """Branch and bound over the model's x columns; `start` (column values) seeds the incumbent."""
    highs = model.highs
    n_x = len(model.cols_m)
    first = model.layout.n_slacks
    highs.changeColsIntegrality(n_x, np.arange(first, first + n_x, dtype=np.int32), np.ones(n_x, dtype=np.uint8))
    highs.setOptionValue("presolve", "on")
    highs.setOptionValue("mip_rel_gap", MIP_REL_GAP)
    highs.setOptionValue("mip_abs_gap", 1e-9)
    if start is not None:
        highs.setSolution(len(start), np.arange(len(start), dtype=np.int32), start)
    _set_time_limit(highs, deadline)
    highs.run()
    info = highs.getInfo()
    finished = highs.getModelStatus() == highspy.HighsModelStatus.kOptimal
    values = np.asarray(highs.getSolution().col_value)
    objective = float(model.cost @ values)
    if info.primal_solution_status != int(highspy.SolutionStatus.kSolutionStatusFeasible):  # none found in time
        if start is None:
            # No incumbent at all: report pins only (objective unknown) and let the caller fall back.
            return Solved(model.lower.copy(), None, math.inf, float(info.mip_dual_bound), finished)
        values, objective = start, float(model.cost @ start)
    return Solved(values, None, objective, float(info.mip_dual_bound), finished)


def lagrangian_bound(model: Model, duals: np.ndarray, omitted_negative: float) -> float:
    """A lower bound on the objective of *every* answer, from any sign-correct duals.

    For x feasible: c.x = y.Ax + d.x with d = c - A'y, and y.Ax is at least the row bound y points at;
    d.x is at least min(d*lower, d*upper) per column, and min(0, d) for each pair not in the model
    (`omitted_negative` sums those). Valid for integer answers too, so it bounds the MIP.
    """
    y = duals
    rows = np.where(y > 0, y * _finite(model.row_lower), y * _finite(model.row_upper)).sum()
    d = model.cost - model.matrix.T @ y
    cols = np.minimum(d * model.lower, d * model.upper).sum()
    return float(rows + cols + omitted_negative)


def x_values(model: Model, values: np.ndarray) -> np.ndarray:
    return values[model.layout.n_slacks :]


def model_codes(model: Model) -> np.ndarray:
    """Sorted pair codes of the x columns already in the model."""
    return np.sort(pair_codes(model.ix, model.cols_m, model.cols_r))


# --- building -------------------------------------------------------------------------------------


def _layout(ix: Index) -> Layout:
    return Layout(ix.n_members, ix.n_reviews, len(ix.counts.review))


def _row_bounds(ix: Index, layout: Layout) -> tuple[np.ndarray, np.ndarray]:
    lower = np.concatenate(
        [
            np.full(layout.n_members + layout.n_reviews, -INF),
            ix.panel_min.astype(float),
            ix.counts.min.astype(float),
        ]
    )
    upper = np.concatenate(
        [
            ix.max_panels.astype(float),
            ix.panel_max.astype(float),
            np.full(layout.n_reviews + layout.n_counts, INF),
        ]
    )
    return lower, upper


def _slack_columns(ix: Index, layout: Layout) -> tuple[np.ndarray, np.ndarray, np.ndarray, sp.csc_matrix]:
    """u[r] then s[k], each in its own row, bounded by the largest shortfall possible.

    The caller multiplies the cost by W.
    """
    n_slacks = layout.n_slacks
    rows = np.concatenate([layout.lo0 + np.arange(layout.n_reviews), layout.count0 + np.arange(layout.n_counts)])
    matrix = sp.csc_matrix((np.ones(n_slacks), (rows, np.arange(n_slacks))), shape=(layout.n_rows, n_slacks))
    upper = np.concatenate([ix.panel_min, ix.counts.min]).astype(float)
    return np.ones(n_slacks), np.zeros(n_slacks), upper, matrix


def _x_columns(
    ix: Index, layout: Layout, m: np.ndarray, r: np.ndarray, pinned: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, sp.csc_matrix]:
    n = len(m)
    j = np.arange(n)
    per = ix.counts.ptr[r + 1] - ix.counts.ptr[r]
    rep = np.repeat(j, per)
    offset = np.arange(len(rep)) - np.repeat(np.cumsum(per) - per, per)
    k = ix.counts.ptr[r][rep] + offset
    q = qualifies(ix, m[rep], k)
    rows = np.concatenate([m, layout.hi0 + r, layout.lo0 + r, layout.count0 + k[q]])
    cols = np.concatenate([j, j, j, rep[q]])
    matrix = sp.csc_matrix((np.ones(len(rows)), (rows, cols)), shape=(layout.n_rows, n))
    matrix.sort_indices()
    cost = -affinity_of(ix, m, r)
    return cost, pinned.astype(float), np.ones(n), matrix


def _pass(model: Model) -> None:
    matrix = model.matrix
    status = model.highs.passModel(
        matrix.shape[1],
        matrix.shape[0],
        matrix.nnz,
        int(highspy.MatrixFormat.kColwise),
        int(highspy.ObjSense.kMinimize),
        0.0,
        model.cost,
        model.lower,
        model.upper,
        model.row_lower,
        model.row_upper,
        matrix.indptr.astype(np.int32),
        matrix.indices.astype(np.int32),
        matrix.data,
        np.zeros(matrix.shape[1], dtype=np.int32),
    )
    if status != highspy.HighsStatus.kOk:
        raise RuntimeError(f"HiGHS refused the model: {status}")


def _clip_duals(model: Model, y: np.ndarray) -> np.ndarray:
    # A dual may only lean on a finite row bound; tolerance noise of the wrong sign is set to 0 so
    # the Lagrangian bound stays valid.
    y = y.copy()
    y[(y > 0) & ~np.isfinite(model.row_lower)] = 0.0
    y[(y < 0) & ~np.isfinite(model.row_upper)] = 0.0
    return y


def _finite(bounds: np.ndarray) -> np.ndarray:
    return np.where(np.isfinite(bounds), bounds, 0.0)


def _set_time_limit(highs: highspy.Highs, deadline: float | None) -> None:
    if deadline is not None:
        highs.setOptionValue("time_limit", max(deadline - time.perf_counter(), 0.01))
