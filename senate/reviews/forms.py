import datetime as dt
from collections.abc import Iterable
from typing import Any

from django import forms
from django.db.models import QuerySet

from senate.core.form_input import FormData, FormFiles
from senate.core.forms import DateField, Form, FormInitial, ModelForm
from senate.members.models import Expertise
from senate.organisations.models import COMMISSIONER_TYPES, PARTNER_TYPES, Organisation, Senate
from senate.organisations.picking import OrganisationField
from senate.organisations.queries import organisations_in
from senate.reviews.models import (
    AdviceKind,
    AssuranceStage,
    Implementation,
    Programme,
    Recommendation,
    RecommendationResponse,
    Request,
)

YES_NO_UNKNOWN = [("yes", "Yes"), ("no", "No"), ("unknown", "Not known yet")]


def _tri(value: str | None) -> bool | None:
    return {"yes": True, "no": False}.get(value or "")


def _untri(value: bool | None) -> str:
    return {True: "yes", False: "no"}.get(value, "unknown") if value is not None else ""


class KindForm(Form):
    kind = forms.ChoiceField(
        label="What kind of advice do you need?",
        choices=AdviceKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of advice you need"},
    )


class AboutForm(Form):
    title = forms.CharField(
        label="Give the request a short title",
        max_length=200,
        help_text="For example: Future of acute stroke services in Devon",
        error_messages={"required": "Enter a title for the request"},
    )
    service_areas = forms.MultipleChoiceField(
        label="Which services does it concern?",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one service"},
    )
    background = forms.CharField(
        label="Background",
        widget=forms.Textarea,
        required=False,
        help_text="What is proposed and why. You can upload documents later.",
    )

    def __init__(
        self, data: FormData | None = None, files: FormFiles | None = None, *, initial: FormInitial | None = None
    ) -> None:
        super().__init__(data, files, initial=initial)
        field: Any = self.fields["service_areas"]
        field.choices = list(Expertise.objects.filter(kind="specialty").values_list("code", "name"))

    def changes(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["service_areas"] = list(Expertise.objects.filter(code__in=data["service_areas"]))
        return data


class OrganisationsForm(Form):
    affected_organisations = forms.MultipleChoiceField(
        label="Which organisations are affected?",
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    another_organisation = OrganisationField(
        label="Another organisation affected",
        required=False,
        help_text="If it is not listed above, start typing its name or ODS code, then choose it from the suggestions.",
    )
    places = forms.CharField(
        label="Which places or sites are affected?",
        max_length=400,
        required=False,
        help_text="For example: Torbay Hospital, Newton Abbot, South Hams",
    )

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        senate: Senate,
        initial: FormInitial | None = None,
    ) -> None:
        super().__init__(data, files, initial=initial)
        field: Any = self.fields["affected_organisations"]
        chosen = [int(i) for i in (self.initial.get("affected_organisations") or [])]
        listed = list(organisations_in(senate))
        # One added from elsewhere earlier stays listed, so changing this page does not lose it.
        listed += list(Organisation.objects.filter(pk__in=chosen).exclude(pk__in=[o.pk for o in listed]))
        field.choices = [(str(o.pk), f"{o.label} – {o.get_type_display()}") for o in listed]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("affected_organisations") and not data.get("another_organisation"):
            if "another_organisation" not in self.errors:
                self.add_error("affected_organisations", "Select at least one affected organisation")
        return data

    def changes(self) -> dict[str, Any]:
        ids = [int(i) for i in self.cleaned_data["affected_organisations"]]
        another = self.cleaned_data.get("another_organisation")
        if another is not None:
            ids.append(another.pk)
        return {
            "affected_organisations": list(Organisation.objects.filter(pk__in=ids)),
            "places": self.cleaned_data["places"],
        }


class AssuranceForm(Form):
    assurance_stage = forms.ChoiceField(
        label="Where is the proposal in NHS England's assurance process?",
        choices=AssuranceStage.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the assurance stage"},
    )
    substantial_variation = forms.ChoiceField(
        label="Is a substantial variation proposed (needing scrutiny committee consultation)?",
        choices=YES_NO_UNKNOWN,
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes, no or not known yet"},
    )
    significant_bed_reduction = forms.ChoiceField(
        label="Is a significant reduction in beds proposed?",
        choices=YES_NO_UNKNOWN,
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes, no or not known yet"},
    )
    contentious = forms.ChoiceField(
        label="Is the proposal contentious, or at risk of judicial review?",
        choices=[("yes", "Yes"), ("no", "No")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if the proposal is contentious"},
    )

    def changes(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "assurance_stage": data["assurance_stage"],
            "substantial_variation": _tri(data["substantial_variation"]),
            "significant_bed_reduction": _tri(data["significant_bed_reduction"]),
            "contentious": data["contentious"] == "yes",
        }

    @staticmethod
    def initial_from(request: Request) -> dict[str, Any]:
        return {
            "assurance_stage": request.assurance_stage,
            "substantial_variation": _untri(request.substantial_variation),
            "significant_bed_reduction": _untri(request.significant_bed_reduction),
            "contentious": ("yes" if request.contentious else "no") if request.title else "",
        }


class QuestionsForm(Form):
    questions = forms.CharField(
        label="What questions do you want the Senate to answer?",
        widget=forms.Textarea,
        help_text="One question per line.",
        error_messages={"required": "Enter the questions you want answered"},
    )
    decision_date = DateField(
        label="Decision date you are working to",
        required=False,
        help_text="For example, 15 3 2027. Leave blank if there is none yet.",
    )

    def clean_decision_date(self) -> Any:
        """A decision still to be taken: the date is today or later (a date in 2020 is a typing slip)."""
        value = self.cleaned_data.get("decision_date")
        if value is not None and value < dt.date.today():
            raise forms.ValidationError("The decision date must be today or in the future")
        return value


class SponsorForm(Form):
    sponsor_organisation = forms.ChoiceField(
        label="Which commissioner sponsors this request?",
        help_text="Requests from organisations that do not commission care need a commissioning sponsor.",
        error_messages={"required": "Select the sponsoring commissioner"},
    )

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        senate: Senate,
        initial: FormInitial | None = None,
    ) -> None:
        super().__init__(data, files, initial=initial)
        commissioners = organisations_in(senate).filter(type__in=COMMISSIONER_TYPES)
        field: Any = self.fields["sponsor_organisation"]
        field.choices = [("", "Choose a commissioner")] + [(str(o.pk), o.label) for o in commissioners]

    def changes(self) -> dict[str, Any]:
        return {"sponsor_organisation": Organisation.objects.get(pk=int(self.cleaned_data["sponsor_organisation"]))}


class ActForm(Form):
    reason = forms.CharField(label="Reason", widget=forms.Textarea(attrs={"rows": 3}), required=False)


class TriageForm(Form):
    decision = forms.ChoiceField(
        label="Triage decision",
        widget=forms.RadioSelect,
        choices=[
            ("accept", "Accept"),
            ("ask_for_information", "Ask for more information or a sponsor"),
            ("redirect", "Redirect elsewhere (a clinical network, a Royal College, another Senate)"),
            ("decline", "Decline"),
        ],
        error_messages={"required": "Select a triage decision"},
    )
    reason = forms.CharField(
        label="Reason the requester will see", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    redirected_to_organisation = forms.ModelChoiceField(
        label="Redirect to",
        queryset=Organisation.objects.none(),
        required=False,
        empty_label="Choose the partner",
        help_text="A clinical network, Health Innovation Network, Health and Wellbeing Board, Healthwatch or "
        "overview and scrutiny committee; its contact is told by email.",
    )
    programme = forms.ChoiceField(
        label="Programme", required=False, help_text="Requests about one service change belong to one programme."
    )
    new_programme = forms.CharField(label="Or start a new programme called", max_length=200, required=False)

    def __init__(
        self, data: FormData | None = None, files: FormFiles | None = None, *, programmes: Iterable[Programme]
    ) -> None:
        super().__init__(data, files)
        field: Any = self.fields["programme"]
        field.choices = [("", "No programme / start a new one")] + [(str(p.pk), p.title) for p in programmes]
        self.programmes = {str(p.pk): p for p in programmes}
        partner: Any = self.fields["redirected_to_organisation"]
        partner.queryset = Organisation.objects.current().filter(type__in=PARTNER_TYPES).order_by("name")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        decision = data.get("decision")
        if decision in ("ask_for_information", "redirect", "decline") and not (data.get("reason") or "").strip():
            self.add_error("reason", "Give the reason the requester will see")
        if decision == "redirect" and not data.get("redirected_to_organisation"):
            self.add_error("redirected_to_organisation", "Choose the partner the request is being redirected to")
        return data

    def chosen_programme(self) -> Programme | None:
        return self.programmes.get(self.cleaned_data.get("programme") or "")


class TermsForm(Form):
    scope = forms.CharField(label="Scope", widget=forms.Textarea, error_messages={"required": "Enter the scope"})
    exclusions = forms.CharField(label="Exclusions", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    questions = forms.CharField(
        label="Questions the review will answer",
        widget=forms.Textarea,
        error_messages={"required": "Enter the questions the review will answer"},
    )
    criteria = forms.CharField(
        label="Criteria to assess against", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    method = forms.MultipleChoiceField(
        label="Method",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[
            ("desktop_review", "Desktop review of documents"),
            ("site_visits", "Site visits"),
            ("interviews", "Interviews"),
            ("panel_day", "Panel day"),
        ],
    )
    method_notes = forms.CharField(label="Notes on method", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    panel_profile = forms.CharField(
        label="Panel profile",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="The expertise the panel needs, and any out-of-region members.",
    )
    timetable = forms.CharField(label="Timetable", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    panel_date = DateField(label="Panel day", required=False)
    deliverables = forms.CharField(label="Deliverables", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    publication = forms.CharField(
        label="Publication arrangements", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def values(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        chosen = set(data.pop("method"))
        data.update({k: k in chosen for k in ("desktop_review", "site_visits", "interviews", "panel_day")})
        return data

    @staticmethod
    def initial_from(values: dict[str, Any]) -> dict[str, Any]:
        initial = dict(values)
        initial["method"] = [k for k in ("desktop_review", "site_visits", "interviews", "panel_day") if values.get(k)]
        return initial


class CommentForm(Form):
    text = forms.CharField(
        label="Add a comment", widget=forms.Textarea(attrs={"rows": 3}), error_messages={"required": "Enter a comment"}
    )


class RecommendationForm(ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Recommendation
        fields = ["theme", "text", "addressee", "priority"]
        labels = {"text": "Recommendation", "addressee": "Addressed to"}
        widgets = {"priority": forms.RadioSelect, "text": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"text": {"required": "Enter the recommendation"}}


class ResponseForm(Form):
    decision = forms.ChoiceField(
        label="Your response",
        choices=RecommendationResponse.Decision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select your response"},
    )
    narrative = forms.CharField(
        label="What you will do",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say what you will do about the recommendation"},
    )
    planned_date = DateField(label="Planned completion date", required=False)


class FollowUpForm(Form):
    note = forms.CharField(
        label="Follow-up note",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the follow-up note"},
    )


class ImplementationForm(Form):
    status = forms.ChoiceField(
        label="Where does implementation stand?",
        choices=Implementation.Status.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select where implementation stands"},
    )
    on = DateField(
        label="Date",
        help_text="The day this was true, for example 27 3 2027.",
        error_messages={"required": "Enter the date"},
    )
    evidence = forms.CharField(
        label="Evidence",
        help_text="What shows this: a board paper, a published pathway, an audit, a date the service changed.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Describe the evidence for where implementation stands"},
    )


class ServiceLevelsForm(Form):
    request_notice_days = forms.IntegerField(
        label="Notice the Senate asks for before the requester's decision date (days)",
        min_value=0,
        max_value=730,
        help_text="Requests with less notice are flagged, never refused. About 3 months is usual (91 days).",
    )
    panel_notice_days = forms.IntegerField(
        label="Time to recruit a panel before the panel day (days)", min_value=0, max_value=365
    )
    papers_notice_days = forms.IntegerField(
        label="Papers go out before a panel or Council meeting (days)", min_value=0, max_value=120
    )
    factual_accuracy_days = forms.IntegerField(
        label="Requester's window to check a draft report for factual accuracy (days)", min_value=1, max_value=120
    )
    response_days = forms.IntegerField(
        label="Requester's window to respond to the recommendations (days)", min_value=1, max_value=365
    )
    requires_commissioner_sponsor = forms.BooleanField(
        label="Requests from organisations that do not commission care need a sponsoring commissioner",
        required=False,
    )


class InvitePartnerForm(Form):
    senate: Any = forms.ModelChoiceField(
        label="Senate to invite",
        queryset=Senate.objects.none(),  # the other current Senates, made for each form
        empty_label="Choose a Senate",
        error_messages={"required": "Choose the Senate to invite", "invalid_choice": "Choose a Senate from the list"},
    )
    message = forms.CharField(
        label="Why you ask them to join",
        help_text="For example: the proposal moves services across the boundary between your regions.",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(
        self, data: FormData | None = None, files: FormFiles | None = None, *, senates: QuerySet[Senate]
    ) -> None:
        super().__init__(data, files)
        field: Any = self.fields["senate"]
        field.queryset = senates


class AnswerJointForm(Form):
    decision = forms.ChoiceField(
        label="Will your Senate review this request jointly?",
        widget=forms.RadioSelect,
        choices=[("accept", "Yes, accept the invitation"), ("decline", "No, decline it")],
        error_messages={"required": "Select whether your Senate accepts"},
    )
    reason = forms.CharField(
        label="Reason (needed if you decline)", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "decline" and not data.get("reason", "").strip():
            self.add_error("reason", "Say why your Senate declines, so the lead Senate can look elsewhere")
        return data


class PartnerCommentForm(Form):
    text = forms.CharField(
        label="Your Council's comment on the draft advice",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Write your comment"},
    )
