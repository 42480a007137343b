from django_tasks import task

from senate.beds.modelling import run


@task(takes_context=True)
def run_bed_model(context, bed_model_id: int) -> str:  # noqa: ANN001 - django_tasks' TaskContext
    """Compare a bed model's baseline and proposal; progress and results are stored on the model.
    A later attempt (the task re-queued after its worker died) takes over the run it left RUNNING."""
    return str(run(bed_model_id, resumed=context.attempt > 1).status)
