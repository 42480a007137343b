"""The acts on a bed model: create it, enter its baseline and proposal, run it in the background,
and mark it as the model the panel relies on for the bed test. Each write is one transaction with
its audit event. The numbers come from senate.analytics.bed_capacity, never from here."""

import time
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django_tasks import task

from senate.accounts.models import User
from senate.analytics.bed_capacity import Comparison, ScenarioError, charts, load_scenario, run_scenario
from senate.analytics.bed_capacity.simulation import Progress, SimulationTooLargeError
from senate.beds import scenarios
from senate.beds.models import BedModel, BedTestLink
from senate.core import audit
from senate.core.worker import TaskTimedOut
from senate.reviews.models import Request

Status = BedModel.Status
_PROGRESS_STEP = 0.02  # write progress at most every 2%, so the database is not hammered
_PROGRESS_SECONDS = 1.0


class RunRefused(Exception):
    """The model cannot be run (or relied on) yet; ``problems`` say why."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def create_bed_model(*, request: Request, title: str, by: User) -> BedModel:
    """A new, empty bed model on ``request``."""
    with transaction.atomic():
        bed_model = BedModel.objects.create(request=request, title=title, created_by=by, scenario={})
        audit.record("beds.created", bed_model, by=by, senate=request.senate, summary=f"Bed model created: {title}")
    return bed_model


def replace_scenario(bed_model: BedModel, scenario: dict[str, Any], *, by: User) -> BedModel:
    """Store a whole scenario read from a file (already checked), replacing every input; results are cleared."""
    if bed_model.is_busy:
        raise RunRefused(["The model is running. Wait for it to finish before changing it."])
    with transaction.atomic():
        bed_model.scenario = scenario | {"title": bed_model.title}
        _clear_results(bed_model)
        bed_model.save()
        pools = len(scenario.get("pools") or []) + 1
        audit.record(
            "beds.inputs_changed",
            bed_model,
            by=by,
            senate=bed_model.request.senate,
            summary=f"Bed model inputs replaced from a scenario file ({pools} pool{'s' if pools > 1 else ''})",
        )
    return bed_model


def save_inputs(bed_model: BedModel, *, by: User, **parts: object) -> BedModel:
    """Store the baseline, or the proposal and simulation settings. Old results no longer match the
    inputs, so they are cleared."""
    if bed_model.is_busy:
        raise RunRefused(["The model is running. Wait for it to finish before changing it."])
    scenario = dict(bed_model.scenario)
    scenario.update(parts)
    with transaction.atomic():
        assembled = scenarios.assemble(
            title=bed_model.title,
            baseline=scenario.get("baseline", {}),
            proposal=scenario.get("proposal", {}),
            simulation=scenario.get("simulation"),
            uncertainty=scenario.get("uncertainty"),
        )
        bed_model.scenario = scenarios.keep_pools(bed_model.scenario, assembled)
        _clear_results(bed_model)
        bed_model.save()
        audit.record(
            "beds.inputs_changed",
            bed_model,
            by=by,
            senate=bed_model.request.senate,
            summary=f"Bed model inputs changed: {', '.join(parts)}",
        )
    return bed_model


def start_run(bed_model: BedModel, *, by: User) -> BedModel:
    """Queue the model to run in the background. Refused if the scenario cannot be run."""
    if bed_model.is_busy:
        raise RunRefused(["The model is already running."])
    stalled = bed_model.is_stalled
    problems = scenarios.problems(bed_model.scenario)
    if problems:
        raise RunRefused(problems)
    with transaction.atomic():
        _clear_results(bed_model)
        bed_model.status = Status.QUEUED
        bed_model.save()
        summary = "Bed model run again after the last run stalled" if stalled else "Bed model run"
        audit.record("beds.run_started", bed_model, by=by, senate=bed_model.request.senate, summary=summary)
        transaction.on_commit(lambda: run_bed_model.enqueue(bed_model.pk))
    return bed_model


def run(bed_model_id: int, *, resumed: bool = False) -> BedModel:
    """The background part: compare baseline and proposal, draw the charts, store both. `resumed`:
    this task was re-queued after its worker died, so it takes over the run that worker left RUNNING
    (a newer run started meanwhile would be QUEUED or RUNNING under a new `started_at`, and the last
    one to start is the one whose results are stored)."""
    bed_model = BedModel.objects.select_related("request__senate").get(pk=bed_model_id)
    started = timezone.now()
    claimable = [Status.QUEUED, Status.RUNNING] if resumed else [Status.QUEUED]
    claimed = BedModel.objects.filter(pk=bed_model_id, status__in=claimable).update(
        status=Status.RUNNING, progress=0.0, started_at=started, updated_at=started
    )
    if not claimed:  # queued again after this task was lost, or changed since: the newer run counts
        bed_model.refresh_from_db()
        return bed_model
    this_run = BedModel.objects.filter(pk=bed_model_id, started_at=started)
    try:
        scenario = load_scenario(bed_model.scenario)
        comparison = run_scenario(scenario, progress=_progress_writer(this_run))
        drawn = draw_charts(comparison)
    except (ScenarioError, SimulationTooLargeError, ValueError) as refused:
        return _finish(bed_model, this_run, status=Status.FAILED, error=str(refused))
    except TaskTimedOut:
        error = "The run took longer than the background worker allows. Try fewer replications or years."
        return _finish(bed_model, this_run, status=Status.FAILED, error=error)
    return _finish(bed_model, this_run, status=Status.DONE, result=comparison.to_dict(), charts=drawn)


def draw_charts(comparison: Comparison) -> list[dict[str, str]]:
    drawn = [
        {
            "key": "refusals-by-beds",
            "title": "Admissions finding no bed, by number of beds",
            "svg": charts.refusals_by_beds_svg(comparison),
        }
    ]
    if comparison.baseline.simulation is not None and comparison.proposal.simulation is not None:
        drawn.append(
            {
                "key": "by-month",
                "title": "Admissions finding no bed, by month (simulated)",
                "svg": charts.refused_by_month_svg(comparison),
            }
        )
        drawn.append(
            {
                "key": "by-weekday",
                "title": "Admissions finding no bed, by day of the week (simulated)",
                "svg": charts.refused_by_weekday_svg(comparison),
            }
        )
    if comparison.uncertainty is not None:
        drawn.append(
            {
                "key": "tornado",
                "title": "Which assumption matters most (each alone across its range)",
                "svg": charts.tornado_svg(comparison),
            }
        )
    return drawn


def rely_on_for_bed_test(bed_model: BedModel, *, by: User) -> BedTestLink:
    """Mark this model as the one the panel relies on for the bed test of its request (replacing
    any earlier choice). Only a model with results can be relied on."""
    if bed_model.status != Status.DONE:
        raise RunRefused(["Run the model before relying on it for the bed test."])
    with transaction.atomic():
        link, _ = BedTestLink.objects.update_or_create(
            request=bed_model.request, defaults={"bed_model": bed_model, "by": by}
        )
        audit.record(
            "beds.relied_on",
            bed_model,
            by=by,
            senate=bed_model.request.senate,
            summary=f"Relied on for the bed test: {bed_model.title}",
        )
    return link


def _clear_results(bed_model: BedModel) -> None:
    bed_model.status, bed_model.progress = Status.DRAFT, 0.0
    bed_model.result, bed_model.charts, bed_model.error = None, [], ""
    bed_model.started_at = bed_model.finished_at = None


def _finish(bed_model: BedModel, this_run: QuerySet[BedModel], *, status: str, **fields: object) -> BedModel:
    """Store the outcome, unless the model was queued again meanwhile (its newer run counts)."""
    with transaction.atomic():
        now = timezone.now()
        stored = this_run.filter(status=Status.RUNNING).update(
            status=status, progress=1.0 if status == Status.DONE else 0.0, finished_at=now, updated_at=now, **fields
        )
        bed_model.refresh_from_db()
        if not stored:
            return bed_model
        audit.record(
            "beds.run_finished",
            bed_model,
            senate=bed_model.request.senate,
            summary=f"Bed model run: {bed_model.get_status_display()}",
        )
    return bed_model


def _progress_writer(this_run: QuerySet[BedModel]) -> Progress:
    """Called by the simulation after each replication, in the task's own thread. Each write is
    also the run's heartbeat (`updated_at`), by which a run whose worker died is seen as stalled."""
    last = {"value": 0.0, "at": 0.0}

    def write(fraction: float) -> None:
        now = time.monotonic()
        due = fraction - last["value"] >= _PROGRESS_STEP and now - last["at"] >= _PROGRESS_SECONDS
        if due or fraction >= 1:
            this_run.update(progress=min(fraction, 0.99), updated_at=timezone.now())
            last.update(value=fraction, at=now)

    return write


@task(takes_context=True)
def run_bed_model(context, bed_model_id: int) -> str:  # noqa: ANN001 - django_tasks' TaskContext
    """Compare a bed model's baseline and proposal; progress and results are stored on the model.
    A later attempt (the task re-queued after its worker died) takes over the run it left RUNNING.
    Queued by `start_run`, so it lives beside it (this file and tasks.py do not import each other)."""
    return str(run(bed_model_id, resumed=context.attempt > 1).status)
