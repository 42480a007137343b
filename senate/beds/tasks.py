from django_tasks import task

from senate.beds.modelling import run


@task()
def run_bed_model(bed_model_id: int) -> str:
    """Compare a bed model's baseline and proposal; progress and results are stored on the model."""
    return str(run(bed_model_id).status)
