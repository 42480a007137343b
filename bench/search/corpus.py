"""The benchmark's national corpus: generated text on the demo's topics, written in bulk with the audience
keys the indexer would give each document, and the labelled queries (bench/search/run.py)."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from typing import Any

# topic: (the words every document on it uses, {aspect: its own phrases}); a phrase in [a|b] is written
# one way or the other (an abbreviation or what it means), so that synonyms matter.
TOPICS: dict[str, tuple[list[str], dict[str, list[str]]]] = {
    "stroke": (
        [
            "stroke",
            "stroke pathway",
            "thrombolysis",
            "stroke physicians",
            "door to needle",
            "[tia|transient ischaemic attack]",
        ],
        {
            "hasu": ["[hasu|hyperacute stroke unit]", "consolidation onto one site", "overnight thrombolysis cover"],
            "rehab": ["early supported discharge", "stroke rehabilitation beds", "community therapy"],
            "thrombectomy": ["mechanical thrombectomy", "interventional neuroradiology", "transfer times"],
        },
    ),
    "maternity": (
        ["maternity", "midwives", "births", "obstetricians", "intrapartum care", "continuity of carer"],
        {
            "mlu": ["[mlu|midwife-led unit]", "low risk births", "[fmu|freestanding midwifery unit]"],
            "obstetric": ["[obstetric unit|consultant-led unit]", "obstetric consolidation", "anaesthetic cover"],
            "neonatal": ["[nicu|neonatal intensive care unit]", "neonatal cots", "preterm babies"],
        },
    ),
    "urgent": (
        ["urgent care", "emergency", "four hour standard", "ambulance handovers", "attendances", "front door"],
        {
            "ed": ["[a&e|emergency department]", "overnight closure", "emergency medicine consultants"],
            "utc": ["[utc|urgent treatment centre]", "minor injuries", "walk in"],
            "ambulance": ["ambulance conveyance", "paramedics", "response times"],
        },
    ),
    "critical": (
        ["critical care", "ventilated patients", "intensivists", "escalation", "outreach team"],
        {
            "icu": ["[icu|intensive care unit]", "level three beds", "network transfers"],
            "picu": ["[picu|paediatric intensive care unit]", "retrieval service", "children critically ill"],
            "hdu": ["high dependency unit", "step down care", "level two beds"],
        },
    ),
    "cardiac": (
        ["cardiology", "heart attack", "cardiac catheter laboratory", "chest pain", "cardiologists"],
        {
            "pci": ["[pci|percutaneous coronary intervention]", "primary angioplasty", "call to balloon"],
            "heartfailure": ["heart failure nurses", "diuretics at home", "readmissions"],
            "mi": ["[mi|myocardial infarction]", "stemi pathway", "troponin"],
        },
    ),
    "mental": (
        ["[mh|mental health]", "psychiatric", "crisis", "section 136", "inpatient wards"],
        {
            "camhs": ["[camhs|child and adolescent mental health services]", "young people", "eating disorders"],
            "crisis": ["crisis house", "home treatment team", "liaison psychiatry"],
            "dementia": ["dementia", "older adults wards", "memory assessment"],
        },
    ),
    "community": (
        ["community hospitals", "inpatient beds", "intermediate care", "discharge", "virtual wards"],
        {
            "beds": ["bed closures", "community bed base", "length of stay"],
            "frailty": ["frailty unit", "comprehensive geriatric assessment", "falls"],
            "virtual": ["hospital at home", "remote monitoring", "virtual ward capacity"],
        },
    ),
    "cancer": (
        ["cancer", "oncology", "tumour", "two week wait", "multidisciplinary team"],
        {
            "surgery": ["cancer surgery centralisation", "surgical oncology", "robotic surgery"],
            "radio": ["radiotherapy", "linear accelerator", "satellite unit"],
            "diagnostics": ["community diagnostic centre", "endoscopy", "ct colonography"],
        },
    ),
    "children": (
        ["children", "paediatrics", "paediatricians", "families", "young patients"],
        {
            "inpatient": ["paediatric inpatient unit", "overnight paediatric beds", "short stay assessment"],
            "surgery": ["paediatric surgery", "tonsillectomy", "day case children"],
            "community": ["community paediatrics", "special educational needs", "child development"],
        },
    ),
    "respiratory": (
        ["respiratory", "breathlessness", "pulmonary rehabilitation", "oxygen", "chest physicians"],
        {
            "copd": ["[copd|chronic obstructive pulmonary disease]", "exacerbations", "inhalers"],
            "sleep": ["sleep apnoea", "cpap", "sleep studies"],
            "ventilation": ["non invasive ventilation", "respiratory support unit", "niv beds"],
        },
    ),
}
FILLER = (
    "the proposal would change how services are arranged across the area and the panel considered the evidence "
    "workforce staffing rotas travel times equality impact patient experience outcomes data activity demand "
    "capacity finance estate options appraisal public consultation clinical model quality safety access "
    "sustainability recruitment training governance audit national standards guidance commissioners providers "
    "system partners local population deprivation rural transport estates digital information pathway "
    "recommendation assurance evidence review site visit interviews stakeholders engagement risks mitigation"
).split()
GENERIC = ["workforce", "travel times", "equality impact", "patient experience", "finance", "consultation", "staffing"]

# 100 labelled queries: (text, topic, aspect or "" for the topic as a whole). Keywords, abbreviations,
# and paraphrases a person would type.
QUALITY_QUERIES: list[tuple[str, str, str]] = [
    ("what did the Senate advise about overnight stroke care", "stroke", "hasu"),
    ("HASU consolidation", "stroke", "hasu"),
    ("hyperacute stroke unit", "stroke", "hasu"),
    ("overnight thrombolysis", "stroke", "hasu"),
    ("stroke rehabilitation beds", "stroke", "rehab"),
    ("early supported discharge after stroke", "stroke", "rehab"),
    ("community therapy stroke", "stroke", "rehab"),
    ("mechanical thrombectomy", "stroke", "thrombectomy"),
    ("thrombectomy transfer times", "stroke", "thrombectomy"),
    ("stroke services", "stroke", ""),
    ("TIA clinic", "stroke", ""),
    ("MLU", "maternity", "mlu"),
    ("midwife-led unit low risk births", "maternity", "mlu"),
    ("freestanding midwifery unit", "maternity", "mlu"),
    ("should low risk women give birth away from hospital", "maternity", "mlu"),
    ("obstetric unit consolidation", "maternity", "obstetric"),
    ("consultant-led unit anaesthetic cover", "maternity", "obstetric"),
    ("NICU cots", "maternity", "neonatal"),
    ("neonatal intensive care", "maternity", "neonatal"),
    ("care of preterm babies", "maternity", "neonatal"),
    ("maternity services review", "maternity", ""),
    ("continuity of carer midwives", "maternity", ""),
    ("A&E overnight closure", "urgent", "ed"),
    ("emergency department closing at night", "urgent", "ed"),
    ("ED consultants", "urgent", "ed"),
    ("what happens if the emergency department shuts overnight", "urgent", "ed"),
    ("urgent treatment centre", "urgent", "utc"),
    ("UTC minor injuries", "urgent", "utc"),
    ("walk in centre", "urgent", "utc"),
    ("ambulance conveyance", "urgent", "ambulance"),
    ("paramedic response times", "urgent", "ambulance"),
    ("four hour standard", "urgent", ""),
    ("ambulance handovers at the front door", "urgent", ""),
    ("ICU network transfers", "critical", "icu"),
    ("intensive care unit level three beds", "critical", "icu"),
    ("ITU capacity", "critical", "icu"),
    ("PICU retrieval", "critical", "picu"),
    ("critically ill children", "critical", "picu"),
    ("high dependency unit", "critical", "hdu"),
    ("step down care level two", "critical", "hdu"),
    ("critical care outreach", "critical", ""),
    ("ventilated patients escalation", "critical", ""),
    ("PCI", "cardiac", "pci"),
    ("primary angioplasty call to balloon", "cardiac", "pci"),
    ("percutaneous coronary intervention", "cardiac", "pci"),
    ("heart failure nurses", "cardiac", "heartfailure"),
    ("heart failure readmissions", "cardiac", "heartfailure"),
    ("MI pathway", "cardiac", "mi"),
    ("myocardial infarction troponin", "cardiac", "mi"),
    ("heart attack care", "cardiac", ""),
    ("cardiac catheter laboratory", "cardiac", ""),
    ("CAMHS eating disorders", "mental", "camhs"),
    ("young people mental health", "mental", "camhs"),
    ("child and adolescent mental health services", "mental", "camhs"),
    ("crisis house", "mental", "crisis"),
    ("home treatment team", "mental", "crisis"),
    ("liaison psychiatry", "mental", "crisis"),
    ("dementia wards", "mental", "dementia"),
    ("memory assessment older adults", "mental", "dementia"),
    ("mental health inpatient wards", "mental", ""),
    ("section 136", "mental", ""),
    ("community hospital bed closures", "community", "beds"),
    ("length of stay community beds", "community", "beds"),
    ("what did the Senate say about closing community hospital beds", "community", "beds"),
    ("frailty unit", "community", "frailty"),
    ("comprehensive geriatric assessment falls", "community", "frailty"),
    ("hospital at home", "community", "virtual"),
    ("virtual ward remote monitoring", "community", "virtual"),
    ("intermediate care discharge", "community", ""),
    ("community hospitals", "community", ""),
    ("cancer surgery centralisation", "cancer", "surgery"),
    ("robotic surgery oncology", "cancer", "surgery"),
    ("radiotherapy satellite unit", "cancer", "radio"),
    ("linear accelerator", "cancer", "radio"),
    ("community diagnostic centre", "cancer", "diagnostics"),
    ("endoscopy capacity", "cancer", "diagnostics"),
    ("two week wait cancer", "cancer", ""),
    ("tumour multidisciplinary team", "cancer", ""),
    ("paediatric inpatient unit", "children", "inpatient"),
    ("overnight paediatric beds", "children", "inpatient"),
    ("should children stay overnight in the local hospital", "children", "inpatient"),
    ("paediatric surgery tonsillectomy", "children", "surgery"),
    ("day case surgery for children", "children", "surgery"),
    ("community paediatrics", "children", "community"),
    ("child development special educational needs", "children", "community"),
    ("paediatricians", "children", ""),
    ("services for children and families", "children", ""),
    ("COPD exacerbations", "respiratory", "copd"),
    ("chronic obstructive pulmonary disease inhalers", "respiratory", "copd"),
    ("sleep apnoea CPAP", "respiratory", "sleep"),
    ("sleep studies", "respiratory", "sleep"),
    ("non invasive ventilation", "respiratory", "ventilation"),
    ("NIV beds respiratory support unit", "respiratory", "ventilation"),
    ("pulmonary rehabilitation", "respiratory", ""),
    ("home oxygen breathlessness", "respiratory", ""),
    ("stroke HASU thrombolysis", "stroke", "hasu"),
    ("MLU births", "maternity", "mlu"),
    ("A&E emergency medicine", "urgent", "ed"),
    ("ICU ventilated patients", "critical", "icu"),
    ("PCI heart attack", "cardiac", "pci"),
]
KINDS = ["request", "terms", "report", "report", "recommendation", "recommendation", "recommendation"]
KINDS += ["evidence"] * 6 + ["fieldwork", "minutes"]  # 15 documents a request
STAGES = [
    "received",
    "tor_drafted",
    "panel_recruited",
    "draft_report",
    "factual_accuracy",
    "approved",
    "issued",
    "closed",
]


@dataclass
class Built:
    documents: int = 0
    words: int = 0
    keys: int = 0
    seconds: float = 0.0
    viewers: dict[str, Any] = field(default_factory=dict)
    labels: dict[int, tuple[str, str]] = field(default_factory=dict)


def _phrase(text: str, rng: random.Random) -> str:
    if text.startswith("["):
        return rng.choice(text[1:-1].split("|"))
    return text


def _text(rng: random.Random, topic: str, aspect: str, words: int) -> str:
    common, aspects = TOPICS[topic]
    out: list[str] = []
    while len(out) < words:
        roll = rng.random()
        if roll < 0.12:
            out += _phrase(rng.choice(common), rng).split()
        elif roll < 0.2:
            out += _phrase(rng.choice(aspects[aspect]), rng).split()
        else:
            out += rng.sample(FILLER, 3)
    return " ".join(out[:words])


def latency_queries(rng: random.Random, count: int) -> list[str]:
    found = []
    topics = list(TOPICS)
    for _ in range(count):
        common, aspects = TOPICS[rng.choice(topics)]
        words = _phrase(rng.choice(common), rng).split()[:2]
        if len(words) < 2 or rng.random() < 0.5:
            words = words[:1] + _phrase(rng.choice(rng.choice(list(aspects.values()))), rng).split()[:1]
        if rng.random() < 0.4:
            words.append(rng.choice(GENERIC).split()[0])
        found.append(" ".join(words))
    return found


def build(total: int, rng: random.Random) -> Built:
    from django.db import connection, transaction

    from senate.accounts.models import Role, RoleAssignment, User
    from senate.organisations.models import Organisation, OrganisationType, Senate
    from senate.reviews.models import Request
    from senate.search.backends import key_tokens
    from senate.search.models import Document

    started = time.perf_counter()
    senates = list(Senate.objects.order_by("pk"))
    icbs = list(Organisation.objects.filter(type=OrganisationType.ICB).order_by("pk"))
    author = User.objects.create_user("bench-author@search.invalid", full_name="Bench Author")
    home, org = senates[0], icbs[0]
    manager = _person("manager", home, Role.MANAGER)
    requester = _person("requester", home, Role.REQUESTER, organisation=org)
    panel = _person("panel", home, Role.ASSEMBLY_MEMBER)
    everyone = User.objects.create_user("everywhere@search.invalid", full_name="All Senates")
    RoleAssignment.objects.bulk_create([RoleAssignment(user=everyone, senate=s, role=Role.MANAGER) for s in senates])
    built = Built(
        viewers={"panel member": panel, "requester": requester, "manager": manager, "manager (all)": everyone}
    )
    panel_pool = list(range(10_000, 10_400))  # other panel members, by id only (keys)
    count = max(1, total // len(KINDS))
    topics = list(TOPICS)
    with transaction.atomic():
        requests, chosen = [], []
        for i in range(count):
            topic = rng.choice(topics)
            aspect = rng.choice(list(TOPICS[topic][1]))
            senate = senates[i % len(senates)]
            requests.append(
                Request(
                    senate=senate,
                    reference=f"BENCH-{i:06d}",
                    title=_text(rng, topic, aspect, 8).capitalize(),
                    kind=rng.choice(["formal_review", "early_advice", "thematic"]),
                    requesting_organisation=org if senate == home and i % 3 == 0 else rng.choice(icbs),
                    stage=rng.choice(STAGES),
                    created_by=author,
                    questions=_text(rng, topic, aspect, 30),
                )
            )
            chosen.append((topic, aspect))
        Request.objects.bulk_create(requests, batch_size=2000)
        requests = list(Request.objects.filter(reference__startswith="BENCH-").order_by("reference"))
        topics_of = {r.pk: chosen[i] for i, r in enumerate(requests)}
        documents, keys_of = [], []
        for r in requests:
            topic, aspect = topics_of[r.pk]
            seated = rng.sample(panel_pool, 8)
            if r.senate_id == home.pk and rng.random() < 0.25:
                seated[0] = panel.pk
            team = [f"role:{r.senate_id}:{role}" for role in ("manager", "chair", "vice_chair")]
            council = [f"role:{r.senate_id}:council_member"]
            own = [f"org:{r.senate_id}:{r.requesting_organisation_id}"]
            people = [f"user:{p}" for p in seated]
            issued = r.stage in ("issued", "closed")
            public = ["public"] if issued and rng.random() < 0.4 else []
            for n, kind in enumerate(KINDS):
                words = 700 if kind == "report" else 220
                if kind == "request":
                    audience = team + council + own + people + [f"role:{r.senate_id}:assurance_viewer"]
                elif kind in ("report", "recommendation"):
                    audience = team + people + (own if issued else []) + public
                elif kind == "evidence":
                    audience = team + people[: rng.randint(2, 8)] + (own if rng.random() < 0.5 else [])
                    if rng.random() < 0.05:
                        audience.append(f"deny:{seated[0]}")
                elif kind == "minutes":
                    audience = team + council + (["public"] if rng.random() < 0.5 else [])
                else:
                    audience = team + council + own + people
                documents.append(
                    Document(
                        ref=f"{kind}:{r.pk}:{n}",
                        kind=kind,
                        senate_id=r.senate_id,
                        request_id=r.pk,
                        title=f"{kind.capitalize()} {n}: {r.title}",
                        body=_text(rng, topic, aspect, words),
                        url=f"/bench/{r.pk}/{n}/",
                        dated=r.created_at.date(),
                        advice_kind=r.kind,
                        stage=r.stage,
                        organisation_id=r.requesting_organisation_id,
                        icb_id=r.requesting_organisation_id,
                    )
                )
                keys_of.append(sorted(set(audience)))
        text_started = time.perf_counter()
        Document.objects.bulk_create(documents, batch_size=2000)
        saved = list(Document.objects.order_by("pk").values_list("pk", flat=True))
        rows = [(pk, key) for pk, keys in zip(saved, keys_of, strict=True) for key in keys]
        with connection.cursor() as cursor:
            cursor.executemany("INSERT INTO search_audience (document_id, key) VALUES (%s, %s)", rows)
            _write_text(
                cursor,
                connection.vendor,
                [
                    (pk, d.title, d.body, key_tokens(keys))
                    for pk, d, keys in zip(saved, documents, keys_of, strict=True)
                ],
            )
        built.labels = {pk: topics_of[d.request_id] for pk, d in zip(saved, documents, strict=True)}
    built.documents = len(documents)
    built.words = sum(len(d.body.split()) for d in documents)
    built.keys = len(rows)
    built.seconds = time.perf_counter() - text_started
    print(f"  generated the corpus in {text_started - started:.1f} s", flush=True)
    return built


def _write_text(cursor: Any, vendor: str, rows: list[tuple[int, str, str, str]]) -> None:
    """As backends.py writes them: the words and the audience keys' tokens."""
    if vendor == "postgresql":
        cursor.executemany(
            "INSERT INTO search_text (document_id, vector) VALUES (%s, "
            "setweight(to_tsvector('english', %s), 'A') || setweight(to_tsvector('english', %s), 'B') "
            "|| setweight(array_to_tsvector(string_to_array(%s, ' ')), 'D'))",
            rows,
        )
    else:
        cursor.executemany("INSERT INTO search_text (rowid, title, body, keys) VALUES (%s, %s, %s, %s)", rows)


def _person(name: str, senate: Any, role: str, organisation: Any = None) -> Any:
    from senate.accounts.models import RoleAssignment, User

    user = User.objects.create_user(f"{name}@search.invalid", full_name=name.title())
    RoleAssignment.objects.create(user=user, senate=senate, role=role, organisation=organisation)
    return User.objects.get(pk=user.pk)


def index_size() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            sizes = {}
            for table in ("search_text", "search_document", "search_audience"):
                cursor.execute("SELECT pg_total_relation_size(%s)", [table])
                sizes[table] = cursor.fetchone()[0]
        else:
            cursor.execute("PRAGMA page_size")
            page = cursor.fetchone()[0]
            try:
                cursor.execute("SELECT name, SUM(pgsize) FROM dbstat WHERE name LIKE 'search_%' GROUP BY name")
                rows = cursor.fetchall()
            except Exception:  # noqa: BLE001 (dbstat is not compiled into every SQLite)
                cursor.execute("PRAGMA page_count")
                return f"whole database {cursor.fetchone()[0] * page / 2**20:.0f} MB (dbstat unavailable)"
            sizes = {"search_text": 0, "search_document": 0, "search_audience": 0}
            for name, size in rows:
                group = (
                    "search_text" if name.startswith("search_text") else name.split("_")[0] + "_" + name.split("_")[1]
                )
                group = group if group in sizes else ("search_audience" if "audience" in name else "search_document")
                sizes[group] += size
    mb = {k: v / 2**20 for k, v in sizes.items()}
    return (
        f"full-text index {mb['search_text']:.0f} MB, documents {mb['search_document']:.0f} MB, "
        f"audience keys {mb['search_audience']:.0f} MB"
    )
