"""The assessment framework (docs/domain.md §3.1, §3.4, §9.1): national reference data loaded by a
data migration, plus the criteria a Senate adds for itself. The judgement scale is a setting."""

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction

from senate.accounts.models import User
from senate.core import audit
from senate.organisations.models import Senate

if TYPE_CHECKING:  # for the annotation only; the functions below import the models where they use them
    from senate.reports.models import Criterion

# (code, framework, title, description, optional)
NATIONAL: list[tuple[str, str, str, str, bool]] = [
    (
        "test-1-engagement",
        "government",
        "Test 1: strong public and patient engagement",
        "The proposals have been developed with strong public and patient engagement.",
        False,
    ),
    (
        "test-2-choice",
        "government",
        "Test 2: consistency with current and prospective need for patient choice",
        "The proposals are consistent with current and prospective need for patient choice.",
        False,
    ),
    (
        "test-3-evidence",
        "government",
        "Test 3: a clear, clinical evidence base",
        "There is a clear clinical evidence base for the proposals. The Clinical Senate's own test.",
        False,
    ),
    (
        "test-4-commissioners",
        "government",
        "Test 4: support for proposals from clinical commissioners",
        "The proposals have the support of clinical commissioners.",
        False,
    ),
    (
        "bed-test",
        "bed_test",
        "Test 5: the bed test (patient care test)",
        "Where significant bed closures are proposed, at least one of the three conditions below is met.",
        False,
    ),
    (
        "bed-test-a-alternative",
        "bed_test",
        "Bed test (a): sufficient alternative provision",
        "Sufficient alternative provision, such as more GP or community services, is put in place alongside "
        "or before the closures, with the workforce to deliver it.",
        False,
    ),
    (
        "bed-test-b-treatments",
        "bed_test",
        "Bed test (b): new treatments reduce admissions",
        "Specific new treatments or therapies will reduce particular categories of admission.",
        False,
    ),
    (
        "bed-test-c-efficiency",
        "bed_test",
        "Bed test (c): a credible plan to use beds more efficiently",
        "Where beds are used less efficiently than the national average, there is a credible plan to "
        "improve without harming care.",
        False,
    ),
    (
        "duty-inequalities",
        "duties",
        "The duty to reduce health inequalities",
        "The ICB's duty (s14Z35) to have regard to the need to reduce inequalities in access and outcomes.",
        False,
    ),
    (
        "sustainability",
        "clinical",
        "Sustainability and net zero",
        "The proposals are clinically and environmentally sustainable, including the NHS net zero duties.",
        False,
    ),
    (
        "interdependencies",
        "clinical",
        "Interdependencies between services",
        "The effect on clinical services that depend on those changing, and on neighbouring systems.",
        False,
    ),
    (
        "workforce",
        "clinical",
        "Workforce",
        "There is a credible plan to recruit, train and retain the workforce the model needs.",
        False,
    ),
    (
        "quality-safety",
        "clinical",
        "Quality and safety",
        "The proposals maintain or improve the quality and safety of care.",
        False,
    ),
    ("mayor-1-inequalities", "london_mayor", "Mayor's test 1: health inequalities and prevention", "", True),
    ("mayor-2-beds", "london_mayor", "Mayor's test 2: hospital beds", "", True),
    ("mayor-3-finance", "london_mayor", "Mayor's test 3: financial investment and savings", "", True),
    ("mayor-4-social-care", "london_mayor", "Mayor's test 4: social care impact", "", True),
    ("mayor-5-clinical", "london_mayor", "Mayor's test 5: clinical support", "", True),
    ("mayor-6-engagement", "london_mayor", "Mayor's test 6: patient and public engagement", "", True),
]

DEFAULT_SCALE = [
    ("supported", "Supported"),
    ("supported_with_conditions", "Supported with conditions"),
    ("not_supported", "Not supported"),
    ("evidence_insufficient", "Evidence insufficient"),
]


def scale() -> list[tuple[str, str]]:
    """The judgement scale: `REPORTS_JUDGEMENT_SCALE` in settings, else the four-point default."""
    return list(getattr(settings, "REPORTS_JUDGEMENT_SCALE", DEFAULT_SCALE))


def outcome_label(value: str) -> str:
    return dict(scale()).get(value, value.replace("_", " ").capitalize())


def load_national(criterion_model: type["Criterion"]) -> None:
    """Create or refresh the national criteria (used by the data migration, which passes its historical
    `Criterion`; safe to run again)."""
    for order, (code, framework, title, description, optional) in enumerate(NATIONAL, start=1):
        criterion_model.objects.update_or_create(
            senate=None,
            code=code,
            defaults={
                "framework": framework,
                "title": title,
                "description": description,
                "optional": optional,
                "order": order * 10,
            },
        )


def available(senate: Senate) -> Any:
    """The national criteria and this Senate's own, in framework order."""
    from django.db.models import Q

    from senate.reports.models import Criterion

    if not Criterion.objects.filter(senate=None).exists():
        load_national(Criterion)  # a browser test empties the tables; put the reference data back
    return Criterion.objects.filter(Q(senate=None) | Q(senate=senate)).order_by("order", "id")


def add_senate_criterion(senate: Senate, *, title: str, description: str, by: User) -> Any:
    from django.utils.text import slugify

    from senate.reports.models import Criterion

    with transaction.atomic():
        code = f"senate-{slugify(title)[:30]}"
        if Criterion.objects.filter(senate=senate, code=code).exists():
            raise ValueError("This Senate already has a criterion with that title")
        criterion = Criterion.objects.create(
            senate=senate, code=code, framework="senate", title=title, description=description, order=900
        )
        audit.record("criterion.added", criterion, by=by, senate=senate, summary=f"Criterion added: {title}")
    return criterion
