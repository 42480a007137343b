"""The shared vocabulary of expertise, loaded as reference data. Codes are stable: panel rules
and the panel-assignment problem format use them as skills."""

SETTINGS = [
    ("community", "Community care"),
    ("primary", "Primary care"),
    ("secondary", "Secondary care"),
    ("tertiary", "Tertiary and specialised care"),
    ("social-care-setting", "Social care"),
    ("public-health-setting", "Public health"),
]

# 'Birth to death': the spectrum the Assembly must be able to speak to.
LIFE_STAGES = [
    ("maternity-newborn", "Maternity and the newborn"),
    ("children-young-people", "Children and young people"),
    ("working-age-adults", "Working-age adults"),
    ("older-people", "Older people"),
    ("end-of-life", "End of life"),
]

OUTCOMES_DOMAINS = [
    ("nhsof-1", "1. Preventing people from dying prematurely"),
    ("nhsof-2", "2. Enhancing quality of life for people with long-term conditions"),
    ("nhsof-3", "3. Helping people to recover from episodes of ill health or following injury"),
    ("nhsof-4", "4. Ensuring that people have a positive experience of care"),
    ("nhsof-5", "5. Treating and caring for people in a safe environment and protecting them from avoidable harm"),
]

SPECIALTIES = [
    ("acute-medicine", "Acute medicine"),
    ("anaesthetics", "Anaesthetics"),
    ("cardiology", "Cardiology"),
    ("care-of-older-people", "Care of older people (geriatric medicine)"),
    ("critical-care", "Critical care"),
    ("dermatology", "Dermatology"),
    ("diabetes-endocrinology", "Diabetes and endocrinology"),
    ("emergency-medicine", "Emergency medicine"),
    ("gastroenterology", "Gastroenterology"),
    ("general-practice", "General practice"),
    ("general-surgery", "General surgery"),
    ("haematology", "Haematology"),
    ("learning-disability", "Learning disability"),
    ("mental-health", "Mental health (adult)"),
    ("camhs", "Children and young people's mental health"),
    ("maternity", "Maternity and obstetrics"),
    ("neonatology", "Neonatology"),
    ("nephrology", "Renal medicine"),
    ("neurology", "Neurology"),
    ("oncology", "Cancer services and oncology"),
    ("ophthalmology", "Ophthalmology"),
    ("orthopaedics", "Trauma and orthopaedics"),
    ("paediatrics", "Paediatrics"),
    ("paediatric-surgery", "Paediatric surgery"),
    ("palliative-care", "Palliative and end of life care"),
    ("pathology", "Pathology"),
    ("pharmacy", "Medicines and pharmacy"),
    ("radiology", "Radiology and imaging"),
    ("rehabilitation", "Rehabilitation"),
    ("respiratory", "Respiratory medicine"),
    ("stroke", "Stroke medicine"),
    ("urology", "Urology"),
    ("vascular-surgery", "Vascular surgery"),
    ("ambulance-services", "Ambulance and pre-hospital care"),
    ("urgent-care", "Urgent and emergency care"),
    ("virtual-wards", "Virtual wards and hospital at home"),
    ("community-nursing", "Community nursing"),
    ("health-inequalities", "Health inequalities"),
    ("workforce-planning", "Workforce planning"),
    ("service-improvement", "Service improvement and transformation"),
]


def all_terms() -> list[tuple[str, str, str, int]]:
    """(kind, code, name, order) for every term."""
    groups = [
        ("setting", SETTINGS),
        ("life_stage", LIFE_STAGES),
        ("outcomes_domain", OUTCOMES_DOMAINS),
        ("specialty", SPECIALTIES),
    ]
    return [(kind, code, name, i) for kind, terms in groups for i, (code, name) in enumerate(terms)]


def load_vocabulary(apps: object = None) -> None:
    if apps is not None:
        Expertise = apps.get_model("members", "Expertise")  # type: ignore[attr-defined]
    else:
        from senate.members.models import Expertise
    for kind, code, name, order in all_terms():
        Expertise.objects.update_or_create(code=code, defaults={"kind": kind, "name": name, "order": order})
