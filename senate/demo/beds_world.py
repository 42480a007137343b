"""The demo bed model: Devon's adult mental health crisis beds, a significant bed reduction, with
results computed at build time (a few replications, so the demo loads in seconds) and relied on for
the bed test. Runs after requests_world, which creates the request."""

import datetime as dt
import random

from senate.accounts.models import Role, RoleAssignment
from senate.analytics.bed_capacity.model import FLAT_HOUR_SHARES
from senate.beds import modelling
from senate.beds.models import BedModel
from senate.reviews.models import Request
from senate.reviews.stages import Stage

TITLE = "Adult mental health crisis beds"
BASELINE = {
    "name": "Adult acute mental health beds, Devon, 2024/25",
    "admissions_per_year": 1150,
    "length_of_stay": {"distribution": "lognormal", "mean_days": 30.0, "cv": 1.1},
    "beds": 104,
    "month_shares": [0.088, 0.079, 0.085, 0.082, 0.084, 0.081, 0.083, 0.080, 0.081, 0.085, 0.084, 0.088],
    "weekday_shares": [0.17, 0.16, 0.155, 0.15, 0.165, 0.1, 0.1],
    "hour_shares": list(FLAT_HOUR_SHARES),
    "target_occupancy": 0.85,
}
PROPOSAL = {
    "name": "Adult acute mental health beds, Devon, 2028/29 (proposed)",
    "proposed_beds": 84,
    "alternative_provision": {
        "description": "Crisis houses and an extended home treatment team",
        "admissions_avoided_per_year": 160,
        "workforce_note": "12 crisis house places staffed by 9 WTE support workers and 3 WTE nurses; home "
        "treatment team grows by 6 WTE nurses and 1 WTE consultant psychiatrist, 2 WTE posts not yet recruited.",
    },
    "new_treatments": [],
    "los_reduction": {"benchmark_mean_los_days": 26.0, "gap_share_closed": 0.5},
    "demographic_growth": {"annual_rate": 0.008, "base_year": 2024, "horizon_year": 2028},
}
SIMULATION = {"replications": 12, "years": 2, "warmup_days": 90, "seed": 20250401}


def build(rng: random.Random, *, today: dt.date) -> None:
    request = _request()
    if request is None:
        return
    manager = RoleAssignment.objects.filter(senate=request.senate, role=Role.MANAGER).order_by("user__email").first()
    if manager is None:
        return
    by = manager.user
    bed_model = modelling.create_bed_model(request=request, title="Crisis beds: 104 to 84 with crisis houses", by=by)
    modelling.save_inputs(bed_model, by=by, baseline=BASELINE, proposal=PROPOSAL, simulation=SIMULATION)
    BedModel.objects.filter(pk=bed_model.pk).update(status=BedModel.Status.QUEUED)
    bed_model = modelling.run(bed_model.pk)  # at once: the demo has no worker running yet
    if bed_model.status == BedModel.Status.DONE:
        modelling.rely_on_for_bed_test(bed_model, by=by)


def _request() -> Request | None:
    found = Request.objects.filter(senate__slug="south-west", significant_bed_reduction=True)
    return (
        found.filter(title=TITLE).first()
        or found.filter(stage__in=[Stage.REPORT_REVISED, Stage.EVIDENCE_RECEIVED]).first()
        or found.first()
    )
