"""What an organisation or a Senate record says about itself: its label, whether it commissions care,
whether it is current, and how a typed ODS code is read."""

import datetime as dt

import pytest

from senate.organisations.models import Organisation, OrganisationType, Senate, normalise_code
from senate.organisations.picking import OrganisationField, resolve, search

TODAY = dt.date.today()
DAY = dt.timedelta(days=1)


def test_a_typed_ods_code_loses_its_spaces_and_is_put_in_capitals() -> None:
    assert normalise_code(" rh 8 ") == "RH8"
    assert normalise_code(None) == ""  # type: ignore[arg-type]


def test_an_organisation_is_labelled_with_its_code_so_two_of_one_name_can_be_told_apart() -> None:
    assert Organisation(name="Foxton NHS Foundation Trust", code="ZZ1").label == "Foxton NHS Foundation Trust (ZZ1)"


def test_an_organisation_without_a_code_is_labelled_by_its_name() -> None:
    assert Organisation(name="Devon Healthwatch", code="").label == "Devon Healthwatch"


@pytest.mark.parametrize(
    ("kind", "commissions"),
    [(OrganisationType.ICB, True), (OrganisationType.NHSE_REGIONAL, True), (OrganisationType.TRUST, False)],
)
def test_only_icbs_and_nhs_england_commission_care(kind: str, commissions: bool) -> None:
    assert Organisation(name="X", type=kind).is_commissioner is commissions


def test_a_senate_that_ended_yesterday_is_not_current_and_one_ending_tomorrow_is() -> None:
    assert not Senate(ended=TODAY - DAY).is_current
    assert Senate(ended=TODAY + DAY).is_current
    assert Senate(ended=None).is_current


def test_searching_for_nothing_suggests_nothing() -> None:
    assert search("   ") == []


@pytest.mark.django_db
def test_an_organisation_that_has_closed_is_neither_suggested_nor_chosen(reference_data) -> None:
    closed = Organisation.objects.create(
        name="Oldtown Primary Care Trust", code="ZZ9", type=OrganisationType.TRUST, valid_to=TODAY - DAY
    )
    assert closed not in search("Oldtown")
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="No organisation is called"):
        resolve("ZZ9")


@pytest.mark.django_db
def test_an_organisation_not_yet_open_is_not_current(reference_data) -> None:
    Organisation.objects.create(
        name="Newtown Community Trust", code="ZZ8", type=OrganisationType.TRUST, valid_from=TODAY + DAY
    )
    assert not Organisation.objects.current().filter(code="ZZ8").exists()
    assert Organisation.objects.current(TODAY + DAY).filter(code="ZZ8").exists()


@pytest.mark.django_db
def test_a_name_typed_with_extra_spaces_still_names_the_organisation(reference_data, icb) -> None:
    assert resolve("  NHS   Devon Integrated   Care Board ") == icb


@pytest.mark.django_db
def test_a_suggestion_with_a_code_nobody_has_is_refused_rather_than_guessed_from_the_name(reference_data, icb) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="No organisation is called"):
        resolve("NHS Devon Integrated Care Board (XX0)")


def test_an_empty_optional_organisation_field_cleans_to_none() -> None:
    assert OrganisationField(required=False).clean("") is None


def test_the_field_shows_a_chosen_organisation_by_its_label() -> None:
    assert OrganisationField().prepare_value(Organisation(name="Foxton", code="ZZ1")) == "Foxton (ZZ1)"


@pytest.mark.django_db
def test_the_field_shows_an_organisation_given_by_number_by_its_label_and_an_unknown_number_as_empty(icb) -> None:
    field = OrganisationField()
    assert field.prepare_value(icb.pk) == icb.label
    assert field.prepare_value(-1) == ""


@pytest.mark.django_db
def test_search_within_a_set_of_organisations_suggests_only_those(reference_data, icb) -> None:
    trust = Organisation.objects.create(name="Devon Partnership Trust", code="ZZ7", type=OrganisationType.TRUST)
    assert search("Devon", among=Organisation.objects.filter(pk=trust.pk)) == [trust]
