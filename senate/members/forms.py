from typing import Any

from django import forms

from senate.core.forms import Form, ModelForm
from senate.members.models import Body, Expertise, MemberProfile, Profession
from senate.organisations.models import Organisation, Region


def _choices(kind: str) -> list[tuple[str, str]]:
    return list(Expertise.objects.filter(kind=kind).values_list("code", "name"))


class DirectoryFilterForm(Form):
    q = forms.CharField(label="Name or job title", required=False, max_length=100)
    profession = forms.ChoiceField(label="Profession", required=False)
    specialty = forms.ChoiceField(label="Specialty", required=False)
    setting = forms.ChoiceField(label="Care setting", required=False)
    region = forms.ChoiceField(label="Region", required=False)
    body = forms.ChoiceField(label="Council or Assembly", required=False)
    ending_within = forms.IntegerField(
        label="Term ends within (days)",
        required=False,
        min_value=0,
        max_value=3650,
        error_messages={
            "invalid": "Enter the number of days as a whole number, like 90",
            "min_value": "The number of days must be 0 or more",
            "max_value": "The number of days must be 3650 or fewer",
        },
    )

    fields: dict[str, Any]  # type: ignore[assignment]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        anything = [("", "Any")]
        self.fields["profession"].choices = anything + list(Profession.choices)
        self.fields["specialty"].choices = anything + _choices("specialty")
        self.fields["setting"].choices = anything + _choices("setting")
        self.fields["region"].choices = anything + list(Region.objects.values_list("slug", "name"))
        self.fields["body"].choices = [("", "Council and Assembly")] + list(Body.choices)


class ProfileForm(ModelForm):  # type: ignore[type-arg]
    """What members may change about themselves. Memberships and roles are the Senate team's."""

    full_name = forms.CharField(label="Full name", max_length=150, error_messages={"required": "Enter your full name"})
    willing_to_serve_other_senates = forms.TypedChoiceField(
        label="Are you willing to serve on panels for other Clinical Senates?",
        help_text="Out-of-area reviewers keep reviews independent.",
        choices=[("True", "Yes"), ("False", "No")],
        coerce=lambda value: value == "True",
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if you are willing to serve other Senates"},
    )
    expertise_specialty = forms.MultipleChoiceField(
        label="Specialties", required=False, widget=forms.CheckboxSelectMultiple
    )
    expertise_setting = forms.MultipleChoiceField(
        label="Care settings you work in", required=False, widget=forms.CheckboxSelectMultiple
    )
    expertise_life_stage = forms.MultipleChoiceField(
        label="Life stages you can speak to", required=False, widget=forms.CheckboxSelectMultiple
    )
    expertise_outcomes_domain = forms.MultipleChoiceField(
        label="NHS Outcomes Framework domains you can speak to", required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = MemberProfile
        fields = [
            "profession",
            "job_title",
            "employer",
            "region",
            "home_icb",
            "phone",
            "contact_preference",
            "willing_to_serve_other_senates",
        ]
        labels = {
            "job_title": "Job title",
            "employer": "Main employer",
            "home_icb": "ICB area you live or mainly work in",
            "phone": "Phone number",
            "contact_preference": "How should the Senate team contact you?",
        }
        widgets = {"contact_preference": forms.RadioSelect, "profession": forms.Select}
        error_messages = {"profession": {"required": "Select your profession"}}

    fields: dict[str, Any]  # type: ignore[assignment]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["full_name"].initial = self.instance.user.full_name
        self.fields["employer"].queryset = Organisation.objects.current().exclude(type="other")
        self.fields["home_icb"].queryset = Organisation.objects.current().icbs()
        self.initial["willing_to_serve_other_senates"] = str(self.instance.willing_to_serve_other_senates)
        held = set(self.instance.expertise.values_list("code", flat=True)) if self.instance.pk else set()
        for kind in ("specialty", "setting", "life_stage", "outcomes_domain"):
            name = f"expertise_{kind}"
            self.fields[name].choices = _choices(kind)
            self.fields[name].initial = [c for c, _ in self.fields[name].choices if c in held]

    def clean_phone(self) -> str:
        phone: str = self.cleaned_data["phone"].strip()
        digits = phone.replace(" ", "").replace("+44", "0")
        if phone and (not digits.isdigit() or not 10 <= len(digits) <= 11):
            raise forms.ValidationError("Enter a UK phone number, like 01632 960 001 or 07700 900 982")
        return phone

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("contact_preference") == MemberProfile.Contact.PHONE and not data.get("phone"):
            self.add_error("phone", "Enter a phone number, or choose to be contacted by email")
        return data

    def expertise_codes(self) -> list[str]:
        kinds = ("specialty", "setting", "life_stage", "outcomes_domain")
        return [code for kind in kinds for code in self.cleaned_data.get(f"expertise_{kind}", [])]
