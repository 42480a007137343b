"""What the profile and membership forms accept: UK phone numbers, a term's reason, a confirmed ending."""

import pytest

from senate.members.forms import EndMembershipForm, GiveRoleForm, ProfileForm, TermForm
from senate.members.models import MemberProfile


def _profile_form(cast, **changes):
    data = {
        "full_name": "Tom Assembly",
        "profession": "nurse",
        "job_title": "Nurse",
        "contact_preference": "email",
        "willing_to_serve_other_senates": "False",
    } | changes
    return ProfileForm(data, instance=MemberProfile.objects.get(user=cast["assembly"]))


@pytest.mark.parametrize("phone", ["01632 960 001", "07700900982", "+44 7700 900982"])
def test_a_uk_phone_number_is_accepted_as_typed(cast, phone):
    form = _profile_form(cast, phone=phone)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["phone"] == phone


@pytest.mark.parametrize("phone", ["12345", "01632 960 001 999", "ring my mobile"])
def test_a_phone_number_too_short_too_long_or_in_words_is_refused(cast, phone):
    form = _profile_form(cast, phone=phone)
    assert not form.is_valid()
    assert form.errors["phone"] == ["Enter a UK phone number, like 01632 960 001 or 07700 900 982"]


def test_a_member_not_willing_to_serve_elsewhere_is_kept_as_no(cast):
    form = _profile_form(cast)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["willing_to_serve_other_senates"] is False


def test_the_profile_form_offers_the_members_current_name(cast):
    assert _profile_form(cast).fields["full_name"].initial == "Tom Assembly"


def test_a_term_change_without_a_reason_asks_for_one():
    form = TermForm({"starts[day]": "1", "starts[month]": "4", "starts[year]": "2026"})
    assert not form.is_valid()
    assert form.errors["reason"] == ["Enter why the term is changing"]


def test_ending_a_membership_must_be_confirmed():
    form = EndMembershipForm({"on[day]": "1", "on[month]": "6", "on[year]": "2026", "reason": "Moving"})
    assert not form.is_valid()
    assert form.errors["confirm"] == ["Confirm that this member leaves on this date"]


def test_the_requester_role_is_not_given_from_a_members_page():
    offered = [value for value, _ in GiveRoleForm().fields["role"].choices]
    assert "requester" not in offered and "manager" in offered
