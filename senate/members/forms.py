from typing import Any

from django import forms
from django.db.models import CharField, IntegerField, Value

from senate.accounts.models import Role
from senate.core.form_input import FormData, FormFiles
from senate.core.forms import DateField, Form, ModelForm
from senate.members.models import Body, Expertise, MemberProfile, MembershipRole, Profession
from senate.organisations.models import Organisation, OrganisationType, Region


def _vocabulary() -> dict[str, list[tuple[str, str]]]:
    """(code, name) of every term of each kind, in the vocabulary's order, in one query."""
    found: dict[str, list[tuple[str, str]]] = {kind: [] for kind in Expertise.Kind.values}
    for kind, code, name in Expertise.objects.values_list("kind", "code", "name"):
        found.setdefault(kind, []).append((code, name))
    return found


def _named(field: Any, rows: list[tuple[int, str]]) -> list[tuple[Any, str]]:
    """A model choice field's choices as plain (id, name) rows, as its own would be drawn (a model instance
    per organisation, a count and a cursor each, cost more than the rest of the form); what is entered
    is still checked against its queryset."""
    return ([("", field.empty_label)] if field.empty_label is not None else []) + rows


def _filter_choices() -> dict[str, list[tuple[str, str]]]:
    """The specialties, care settings (in the vocabulary's order) and regions (by name) the directory
    filters by, in one query: the directory is one of the busiest pages (issue 19)."""
    expertise = Expertise.objects.filter(kind__in=("specialty", "setting")).order_by()
    regions = Region.objects.order_by().annotate(kind=Value("region", CharField()), order=Value(0, IntegerField()))
    rows = (
        expertise.values_list("kind", "order", "name", "code")
        .union(regions.values_list("kind", "order", "name", "slug"), all=True)
        .order_by("kind", "order", "name")
    )
    found: dict[str, list[tuple[str, str]]] = {"specialty": [], "setting": [], "region": []}
    for kind, _order, name, code in rows:
        found[kind].append((code, name))
    return found


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

    def __init__(self, data: FormData | None = None, files: FormFiles | None = None) -> None:
        super().__init__(data, files)
        anything = [("", "Any")]
        self.fields["profession"].choices = anything + list(Profession.choices)
        chosen_from = _filter_choices()
        self.fields["specialty"].choices = anything + chosen_from["specialty"]
        self.fields["setting"].choices = anything + chosen_from["setting"]
        self.fields["region"].choices = anything + chosen_from["region"]
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

    def __init__(
        self, data: FormData | None = None, files: FormFiles | None = None, *, instance: MemberProfile
    ) -> None:
        super().__init__(data, files, instance=instance)
        self.fields["full_name"].initial = self.instance.user.full_name
        self.fields["employer"].queryset = Organisation.objects.current().exclude(type="other")
        self.fields["home_icb"].queryset = Organisation.objects.current().icbs()
        # The ICBs are among the employers (current, and not "other"): both lists from one read, by name.
        organisations = list(self.fields["employer"].queryset.values_list("pk", "name", "type"))
        self.fields["employer"].choices = _named(self.fields["employer"], [(pk, n) for pk, n, _ in organisations])
        icbs = [(pk, name) for pk, name, kind in organisations if kind == OrganisationType.ICB]
        self.fields["home_icb"].choices = _named(self.fields["home_icb"], icbs)
        self.fields["region"].choices = _named(self.fields["region"], list(Region.objects.values_list("pk", "name")))
        self.initial["willing_to_serve_other_senates"] = str(self.instance.willing_to_serve_other_senates)
        held = {e.code for e in self.instance.expertise.all()} if self.instance.pk else set()  # prefetched
        vocabulary = _vocabulary()
        for kind in ("specialty", "setting", "life_stage", "outcomes_domain"):
            name = f"expertise_{kind}"
            self.fields[name].choices = vocabulary[kind]
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


REASON_HINT = "Recorded in the audit trail with the change."


class AppointmentForm(Form):
    """Appoint a member to the Council or the Assembly for a term (`appointments.appoint`)."""

    body = forms.ChoiceField(
        label="Appoint to",
        choices=Body.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the Council or the Assembly"},
    )
    role = forms.ChoiceField(
        label="Role", choices=MembershipRole.choices, error_messages={"required": "Select the role"}
    )
    starts = DateField(label="Term starts", help_text="For example, 1 4 2026.")
    ends = DateField(label="Term ends", help_text="The last day of the term. For example, 31 3 2029.")
    reason = forms.CharField(
        label="Reason (needed if the term started in the past)", required=False, max_length=200, help_text=REASON_HINT
    )


class TermForm(Form):
    """Move a term's start or end (`appointments.change_term`)."""

    starts = DateField(label="Term starts")
    ends = DateField(label="Term ends", help_text="The last day of the term.")
    reason = forms.CharField(
        label="Why is the term changing?",
        max_length=200,
        help_text=REASON_HINT,
        error_messages={"required": "Enter why the term is changing"},
    )


class EndMembershipForm(Form):
    """End a membership before its term ends (`appointments.end_membership`)."""

    on = DateField(
        label="Date they leave", help_text="The first day they are no longer a member. For example, 1 6 2026."
    )
    reason = forms.CharField(
        label="Why are they leaving?",
        max_length=200,
        help_text=REASON_HINT,
        error_messages={"required": "Enter why they are leaving"},
    )
    confirm = forms.BooleanField(
        label="I confirm this member leaves on this date",
        error_messages={"required": "Confirm that this member leaves on this date"},
    )


class GiveRoleForm(Form):
    """Give a person a role in this Senate (`granting.grant_role`). Requester contacts are added with
    their request; the Senate team gives the roles of the people who run and advise the Senate."""

    GIVEN_HERE = [r for r in Role if r != Role.REQUESTER]

    role = forms.ChoiceField(
        label="Role",
        choices=[(r.value, r.label) for r in GIVEN_HERE],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the role to give"},
    )
    reason = forms.CharField(label="Reason (optional)", required=False, max_length=200, help_text=REASON_HINT)


class WithdrawRoleForm(Form):
    """Withdraw a role (`granting.withdraw_role`)."""

    reason = forms.CharField(
        label="Why is the role being withdrawn?",
        max_length=200,
        help_text=REASON_HINT,
        error_messages={"required": "Enter why the role is being withdrawn"},
    )
