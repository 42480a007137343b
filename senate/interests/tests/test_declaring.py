from senate.core.models import AuditEvent
from senate.interests.models import Declaration, DeclarationVersion
from senate.interests.tests.conftest import ago, date_fields
from senate.interests.tests.factories import declared


def _interest(**changes):
    data = {
        "category": "financial",
        "organisation": "",
        "organisation_name": "Acme Medical Devices Ltd",
        "nature": "Paid adviser on stroke thrombectomy devices",
        "services": ["stroke"],
        "places": "",
        "may_publish": "True",
        **date_fields("started_on", ago(10)),
    }
    return data | changes


def test_member_declares_an_interest(client, cast, council_profile):
    client.force_login(cast["council"])
    response = client.post("/declarations/new/", _interest())
    assert response.status_code == 302
    declaration = Declaration.objects.get(profile=council_profile)
    version = declaration.versions.get()
    assert (version.category, version.organisation_name, version.started_on) == (
        "financial",
        "Acme Medical Devices Ltd",
        ago(10),
    )
    assert list(version.services.values_list("code", flat=True)) == ["stroke"]
    assert version.recorded_by == cast["council"]
    assert AuditEvent.objects.get(action="interests.declared").actor == cast["council"]
    page = client.get("/declarations/").content.decode()
    assert "Your declaration has been saved" in page and "Acme Medical Devices Ltd" in page


def test_missing_answers_get_an_error_summary_and_nothing_is_written(client, cast):
    client.force_login(cast["council"])
    blank = {k: "" for k in ("category", "nature", "organisation", "organisation_name", "may_publish")}
    response = client.post(
        "/declarations/new/",
        _interest(
            **blank,
            **date_fields("started_on", ago(1))
            | {"started_on[day]": "", "started_on[month]": "", "started_on[year]": ""},
        ),
    )
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    for message in (
        "Select the type of interest",
        "Enter the nature of the interest",
        "Enter the date the interest started",
        "Enter the organisation or body",
        "Select yes if this interest may be published",
    ):
        assert message in page
    assert (
        not DeclarationVersion.objects.exists() and not AuditEvent.objects.filter(action="interests.declared").exists()
    )


def test_an_indirect_interest_says_who_it_is_through(client, cast):
    client.force_login(cast["council"])
    response = client.post("/declarations/new/", _interest(category="indirect", relationship=""))
    assert "Enter who the indirect interest is through" in response.content.decode()
    assert not Declaration.objects.exists()


def test_an_interest_cannot_end_before_it_started(client, cast):
    client.force_login(cast["council"])
    response = client.post("/declarations/new/", _interest(**date_fields("ended_on", ago(30))))
    assert "must be the same as or after the date it started" in response.content.decode()
    assert not Declaration.objects.exists()


def test_a_late_declaration_is_saved_with_a_reminder_of_the_28_days(client, cast):
    client.force_login(cast["council"])
    client.post("/declarations/new/", _interest(**date_fields("started_on", ago(90))))
    assert "made 90 days after the interest began" in client.get("/declarations/").content.decode()


def test_a_gift_is_declared_against_the_thresholds(client, cast):
    client.force_login(cast["assembly"])
    data = {
        "nature": "Bottle of wine",
        "organisation_name": "Medtech Supplies Ltd",
        "value": "60",
        "accepted": "False",
        "may_publish": "True",
        **date_fields("started_on", ago(3)),
    }
    assert client.post("/declarations/new/gift/", data).status_code == 302
    assert Declaration.objects.get().kind == "gift"
    assert "Over £50: accept only on the" in client.get("/declarations/").content.decode()


def test_a_member_cannot_open_someone_elses_declaration(client, cast, council_profile):
    declaration = declared(council_profile)
    client.force_login(cast["assembly"])
    assert client.get(f"/declarations/{declaration.pk}/change/").status_code == 404
    assert client.post(f"/declarations/{declaration.pk}/end/", date_fields("ended_on", ago(1))).status_code == 404
    assert declaration.versions.count() == 1
