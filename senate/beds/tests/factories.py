"""A small bed scenario (runs in well under a second) and bed models built from it."""

import copy

import factory

from senate.accounts.tests.factories import UserFactory
from senate.analytics.bed_capacity import SCENARIO_FORMAT, compare, load_scenario
from senate.beds.modelling import draw_charts
from senate.beds.models import BedModel
from senate.reviews.tests.factories import RequestFactory

SMALL = {
    "format": SCENARIO_FORMAT,
    "title": "Small ward",
    "baseline": {
        "name": "Ward now",
        "admissions_per_year": 2000,
        "length_of_stay": {"distribution": "lognormal", "mean_days": 4.0, "cv": 1.2},
        "beds": 30,
        "month_shares": [0.09, 0.08, 0.09, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.09, 0.09],
        "weekday_shares": [0.16, 0.15, 0.15, 0.15, 0.15, 0.12, 0.12],
        "target_occupancy": 0.85,
    },
    "proposal": {
        "name": "Ward proposed",
        "proposed_beds": 26,
        "alternative_provision": {
            "description": "Virtual ward",
            "admissions_avoided_per_year": 200,
            "workforce_note": "4 WTE band 6 nurses",
        },
        "new_treatments": [],
    },
    "simulation": {"replications": 4, "years": 1, "warmup_days": 30, "seed": 7},
}


def small_scenario(**changes):
    scenario = copy.deepcopy(SMALL)
    for key, value in changes.items():
        scenario[key] = value
    return scenario


class BedModelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BedModel

    request = factory.SubFactory(RequestFactory)
    title = "Acute medicine bed model"
    created_by = factory.SubFactory(UserFactory)
    scenario = factory.LazyFunction(small_scenario)


def finished_model(**kwargs):
    """A bed model with results, computed as the background task would."""
    bed_model = BedModelFactory(**kwargs)
    comparison = compare_directly(bed_model.scenario)
    bed_model.result, bed_model.charts = comparison.to_dict(), draw_charts(comparison)
    bed_model.status, bed_model.progress = BedModel.Status.DONE, 1.0
    bed_model.save()
    return bed_model


def compare_directly(scenario):
    s = load_scenario(scenario)
    return compare(s.baseline, s.proposal, s.simulation, uncertainty=s.uncertainty, system=s.system)


def put_on_panel(user, request):
    """Give `user` an accepted seat on the request's panel (the panels app owns the model)."""
    from django.apps import apps

    from senate.members.models import MemberProfile

    seat = apps.get_model("panels", "PanelMember")
    profile = MemberProfile.objects.get(user=user)
    return seat.objects.create(request=request, profile=profile, status="accepted")
