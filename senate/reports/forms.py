from collections.abc import Sequence
from typing import Any, Unpack

from django import forms

from senate.core.form_input import FormData, FormFiles, FormOptions
from senate.core.forms import Form
from senate.panels.models import PanelMember, Position
from senate.reports import accuracy, drafting, framework
from senate.reports.models import AccuracyComment, Strength
from senate.reviews.models import Recommendation


def _required(message: str) -> dict[str, str]:
    return {"required": message}


class CriteriaForm(Form):
    criteria = forms.MultipleChoiceField(
        label="Which criteria will the panel assess the proposals against?",
        widget=forms.CheckboxSelectMultiple,
        error_messages=_required("Select at least one criterion"),
    )

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        choices: list[tuple[str, str]],
        **options: Unpack[FormOptions],
    ) -> None:
        super().__init__(data, files, **options)
        self.fields["criteria"].choices = choices  # type: ignore[attr-defined]


class SenateCriterionForm(Form):
    title = forms.CharField(label="Title of the criterion", max_length=200, error_messages=_required("Enter a title"))
    description = forms.CharField(label="What the panel looks for", widget=forms.Textarea, required=False)


class ViewForm(Form):
    outcome = forms.ChoiceField(
        label="Your view", widget=forms.RadioSelect, error_messages=_required("Select your view")
    )
    text = forms.CharField(label="Your reasons", widget=forms.Textarea, error_messages=_required("Enter your reasons"))

    def __init__(
        self, data: FormData | None = None, files: FormFiles | None = None, **options: Unpack[FormOptions]
    ) -> None:
        super().__init__(data, files, **options)
        self.fields["outcome"].choices = framework.scale()  # type: ignore[attr-defined]


class JudgementForm(Form):
    outcome = forms.ChoiceField(
        label="The panel's judgement", widget=forms.RadioSelect, error_messages=_required("Select a judgement")
    )
    strength = forms.ChoiceField(
        label="Strength of the evidence",
        choices=Strength.choices,
        widget=forms.RadioSelect,
        error_messages=_required("Select the strength of the evidence"),
    )
    narrative = forms.CharField(
        label="The panel's reasoning",
        widget=forms.Textarea,
        help_text="Written for the report: what the panel found and why. Blank lines start new paragraphs.",
        error_messages=_required("Enter the panel's reasoning"),
    )
    evidence = forms.MultipleChoiceField(
        label="Evidence relied on", widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        evidence: list[tuple[str, str]],
        seats: Sequence[PanelMember] = (),
        **options: Unpack[FormOptions],
    ) -> None:
        super().__init__(data, files, **options)
        self.fields["outcome"].choices = framework.scale()  # type: ignore[attr-defined]
        self.fields["evidence"].choices = evidence  # type: ignore[attr-defined]
        self.seats = list(seats)
        for seat in self.seats:
            self.fields[f"position_{seat.pk}"] = forms.ChoiceField(
                label=str(seat.profile),
                choices=POSITIONS,
                widget=forms.RadioSelect,
                error_messages=_required(f"Select where {seat.profile} stood on this judgement"),
            )
            self.fields[f"view_{seat.pk}"] = forms.CharField(
                label=f"{seat.profile}'s view, if they dissent",
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
            )

    def seat_fields(self) -> list[tuple[Any, Any, Any]]:
        return [(seat, self[f"position_{seat.pk}"], self[f"view_{seat.pk}"]) for seat in self.seats]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for seat in self.seats:
            if data.get(f"position_{seat.pk}") == Position.DISSENTED and not data.get(f"view_{seat.pk}", "").strip():
                self.add_error(f"view_{seat.pk}", f"Enter {seat.profile}'s view, as they dissent")
        return data

    def positions(self) -> dict[str, Any]:
        """The members marked, as `record_judgement` takes them."""
        data = self.cleaned_data
        return {
            "agreed": [s.pk for s in self.seats if data.get(f"position_{s.pk}") == Position.AGREED],
            "dissents": {
                s.pk: data.get(f"view_{s.pk}", "")
                for s in self.seats
                if data.get(f"position_{s.pk}") == Position.DISSENTED
            },
        }

    def judgement(self) -> dict[str, Any]:
        return {k: self.cleaned_data[k] for k in ("outcome", "strength", "narrative", "evidence")}


POSITIONS = [
    (Position.AGREED, "Agreed"),
    (Position.DISSENTED, "Dissented"),
    (Position.ABSENT, "Did not take part"),
]


class RecommendationForm(Form):
    theme = forms.CharField(label="Theme", max_length=120, required=False, help_text="For example: Workforce")
    text = forms.CharField(
        label="Recommendation", widget=forms.Textarea, error_messages=_required("Enter the recommendation")
    )
    criterion = forms.ChoiceField(label="Criterion it arises from", required=False)
    addressee = forms.CharField(
        label="Addressed to", max_length=200, required=False, help_text="Leave blank for the requesting organisation"
    )
    priority = forms.ChoiceField(
        label="Priority", choices=Recommendation.Priority.choices, widget=forms.RadioSelect,
        error_messages=_required("Select a priority"),
    )  # fmt: skip

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        criteria: list[tuple[str, str]],
        **options: Unpack[FormOptions],
    ) -> None:
        super().__init__(data, files, **options)
        self.fields["criterion"].choices = [("", "None in particular"), *criteria]  # type: ignore[attr-defined]


class DraftForm(Form):
    overall_opinion = forms.ChoiceField(
        label="The panel's overall opinion", widget=forms.RadioSelect,
        error_messages=_required("Select the panel's overall opinion"),
    )  # fmt: skip
    change_note = forms.CharField(
        label="What changed in this version", max_length=300, required=False,
        help_text="Shown in the document control table, for example: Corrected after factual-accuracy comments",
    )  # fmt: skip

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        kind: str,
        labels: dict[str, str],
        **options: Unpack[FormOptions],
    ) -> None:
        super().__init__(data, files, **options)
        self.fields["overall_opinion"].choices = framework.scale()  # type: ignore[attr-defined]
        for key in drafting.WRITTEN[kind]:
            self.fields[key] = forms.CharField(
                label=labels.get(key, drafting.LABELS[key]), widget=forms.Textarea(attrs={"rows": 6}),
                required=key == "summary", error_messages=_required("Write the summary in plain English"),
                help_text="Blank lines start new paragraphs; lines starting '- ' make a list."
                if key == "summary" else "",
            )  # fmt: skip


class CommentForm(Form):
    section = forms.ChoiceField(
        label="Which section is your comment about?", error_messages=_required("Select a section")
    )
    text = forms.CharField(
        label="Your comment", widget=forms.Textarea,
        help_text="Say what is factually wrong and what it should say.", error_messages=_required("Enter your comment"),
    )  # fmt: skip

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        sections: list[tuple[str, str]],
        **options: Unpack[FormOptions],
    ) -> None:
        super().__init__(data, files, **options)
        self.fields["section"].choices = [("", "Choose a section"), *sections]  # type: ignore[attr-defined]


class AnswerForm(Form):
    response = forms.ChoiceField(
        label="The panel's answer", choices=AccuracyComment.Response.choices, widget=forms.RadioSelect,
        error_messages=_required("Select whether the comment is accepted or answered"),
    )  # fmt: skip
    answer = forms.CharField(
        label="Answer to the requester", widget=forms.Textarea(attrs={"rows": 3}), required=False,
        help_text="Needed when the report stands.",
    )  # fmt: skip
    corrected_in = forms.ChoiceField(
        label="The corrected version", required=False, widget=forms.RadioSelect,
        help_text="Needed when the comment is accepted: the version of the report that makes the correction.",
    )  # fmt: skip

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        comment: AccuracyComment,
        **options: Unpack[FormOptions],
    ) -> None:
        super().__init__(data, files, **options)
        self.comment = comment
        self.versions = {str(d.version): d for d in accuracy.corrected_versions(comment)}
        self.fields["corrected_in"].choices = [  # type: ignore[attr-defined]
            (key, f"v{key}: {d.change_note or 'no note'}") for key, d in self.versions.items()
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["corrected_in"] = self.versions.get(data.get("corrected_in") or "")
        if data.get("response") == AccuracyComment.Response.ANSWERED and not data.get("answer", "").strip():
            self.add_error("answer", "Explain why the report stands")
        if data.get("response") == AccuracyComment.Response.ACCEPTED:
            refused = accuracy.correction_refused(self.comment, data["corrected_in"])
            if refused:
                self.add_error("corrected_in" if self.versions else "response", refused)
        return data
