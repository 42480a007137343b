from typing import Any, Unpack

from django import forms

from senate.accounts.models import Role, RoleAssignment
from senate.core.form_input import FormData, FormFiles, FormOptions
from senate.core.forms import DateField, Form
from senate.organisations.models import Senate
from senate.organisations.queries import organisations_in
from senate.programme.models import Activity, Influence, Rating, TopicKind

YES_NO = [("yes", "Yes"), ("no", "No")]


def _org_choices(senate: Senate, blank: str) -> list[tuple[str, str]]:
    return [("", blank)] + [(str(o.pk), o.label) for o in organisations_in(senate)]


class TopicForm(Form):
    kind = forms.ChoiceField(
        label="What kind of work is it?",
        choices=TopicKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of work"},
    )
    title = forms.CharField(label="Title", max_length=200, error_messages={"required": "Enter a title"})
    description = forms.CharField(
        label="What the work will look at, and why now",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say what the work will look at"},
    )
    lead_organisation = forms.ChoiceField(
        label="Organisation whose services the work looks at",
        required=False,
        help_text="For a thematic review or leadership work: it is named on the request (its contacts do not act on it).",
    )
    sponsor_member = forms.ChoiceField(label="Sponsor: a Council member", required=False)
    sponsor_organisation = forms.ChoiceField(
        label="Sponsor: an organisation", required=False, help_text="Name a Council member, an organisation, or both."
    )

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        senate: Senate,
        **options: Unpack[FormOptions],
    ) -> None:
        super().__init__(data, files, **options)
        council = RoleAssignment.objects.filter(
            senate=senate, role__in=[Role.CHAIR, Role.VICE_CHAIR, Role.COUNCIL_MEMBER]
        ).select_related("user")
        people = sorted({a.user for a in council}, key=lambda u: u.full_name)
        self.people = {str(u.pk): u for u in people}
        self.fields["sponsor_member"].choices = [("", "No Council member")] + [  # type: ignore[attr-defined]
            (str(u.pk), u.full_name) for u in people
        ]
        orgs = _org_choices(senate, "No organisation")
        self.fields["sponsor_organisation"].choices = orgs  # type: ignore[attr-defined]
        self.fields["lead_organisation"].choices = [("", "Choose an organisation")] + orgs[1:]  # type: ignore[attr-defined]

    def values(self) -> dict[str, Any]:
        from senate.organisations.models import Organisation

        data = self.cleaned_data

        def org(key: str) -> Any:
            return Organisation.objects.get(pk=int(data[key])) if data.get(key) else None

        return {
            "kind": data["kind"],
            "title": data["title"],
            "description": data["description"],
            "lead_organisation": org("lead_organisation"),
            "sponsor_member": self.people.get(data.get("sponsor_member") or ""),
            "sponsor_organisation": org("sponsor_organisation"),
        }


class PlanDatesForm(Form):
    expected_start = DateField(label="Expected start", required=False)
    expected_panel = DateField(label="Expected panel day", required=False)
    council_meeting = forms.ChoiceField(label="Council meeting where it will come", required=False)
    advice_due = DateField(label="Advice due", required=False)
    panels_needed = forms.IntegerField(label="Panels needed", min_value=0, max_value=10, initial=1)
    panel_notes = forms.CharField(label="Expertise the panel needs", max_length=300, required=False)

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        meetings: list[Any],
        **options: Unpack[FormOptions],
    ) -> None:
        super().__init__(data, files, **options)
        self.meetings = {str(m.pk): m for m in meetings}
        self.fields["council_meeting"].choices = [("", "Not yet known")] + [  # type: ignore[attr-defined]
            (str(m.pk), str(m)) for m in meetings
        ]

    def values(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["council_meeting"] = self.meetings.get(data.get("council_meeting") or "")
        return data


class AddToPlanForm(PlanDatesForm):
    what = forms.ChoiceField(label="Request or topic", error_messages={"required": "Choose what to add to the plan"})

    field_order = ["what"]

    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        requests: list[Any],
        topics: list[Any],
        meetings: list[Any],
        **options: Unpack[FormOptions],
    ) -> None:
        super().__init__(data, files, meetings=meetings, **options)
        self.things = {f"r{r.pk}": ("request", r) for r in requests} | {f"t{t.pk}": ("topic", t) for t in topics}
        self.fields["what"].choices = (  # type: ignore[attr-defined]
            [("", "Choose a request or topic")]
            + [(f"r{r.pk}", f"{r.reference}: {r.title}") for r in requests]
            + [(f"t{t.pk}", f"{t.get_kind_display()}: {t.title}") for t in topics]
        )

    def values(self) -> dict[str, Any]:
        data = super().values()
        kind, thing = self.things[data.pop("what")]
        data[kind] = thing
        return data


class WeightsForm(Form):
    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        criteria: list[Any],
        **options: Unpack[FormOptions],
    ) -> None:
        super().__init__(data, files, **options)
        for c in criteria:
            self.fields[f"weight_{c.pk}"] = forms.IntegerField(
                label=f"Weight of {c.name.lower()}",
                help_text=f"{c.description}. From 0 (ignored) to 10.",
                min_value=0,
                max_value=10,
                initial=c.weight,
                error_messages={"required": f"Enter a weight for {c.name.lower()}"},
            )

    def weights(self) -> dict[int, int]:
        return {int(k.removeprefix("weight_")): v for k, v in self.cleaned_data.items()}


SCORE_CHOICES = [(str(n), str(n)) for n in range(6)]


class ScoreForm(Form):
    def __init__(
        self,
        data: FormData | None = None,
        files: FormFiles | None = None,
        *,
        criteria: list[Any],
        current: dict[int, Any],
        **options: Unpack[FormOptions],
    ) -> None:
        super().__init__(data, files, **options)
        for c in criteria:
            old = current.get(c.pk)
            self.fields[f"score_{c.pk}"] = forms.ChoiceField(
                label=f"{c.name}: score",
                help_text=f"{c.description}. 0 is none, 5 is the most.",
                choices=SCORE_CHOICES,
                widget=forms.RadioSelect,
                initial=str(old.value) if old else None,
                error_messages={"required": f"Select a score for {c.name.lower()}"},
            )
            self.fields[f"rationale_{c.pk}"] = forms.CharField(
                label=f"{c.name}: why this score",
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=old.rationale if old else "",
                error_messages={"required": f"Give the reason for the {c.name.lower()} score"},
            )
        self.criteria = criteria

    def scores(self) -> dict[int, tuple[int, str]]:
        data = self.cleaned_data
        return {c.pk: (int(data[f"score_{c.pk}"]), data[f"rationale_{c.pk}"]) for c in self.criteria}


def _rating(label: str, missing: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=[(str(v), t) for v, t in reversed(Rating.choices)],
        widget=forms.RadioSelect,
        error_messages={"required": missing},
    )


class FeedbackForm(Form):
    usefulness = _rating("How useful was the advice?", "Select how useful the advice was")
    timeliness = _rating("How timely was the advice?", "Select how timely the advice was")
    clarity = _rating("How clear was the advice?", "Select how clear the advice was")
    would_ask_again = forms.ChoiceField(
        label="Would you ask the Senate for advice again?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether you would ask the Senate again"},
    )
    comments = forms.CharField(
        label="Anything else you would like to tell us (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "usefulness": int(data["usefulness"]),
            "timeliness": int(data["timeliness"]),
            "clarity": int(data["clarity"]),
            "would_ask_again": data["would_ask_again"] == "yes",
            "comments": data["comments"],
        }


class BoardDecisionForm(Form):
    decided_on = DateField(label="When did the board decide?", required=False)
    decision = forms.CharField(
        label="What did the board decide?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say what the board decided"},
    )
    influence = forms.ChoiceField(
        label="How did the Senate's advice shape the decision?",
        choices=Influence.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the advice shaped the decision"},
    )
    how = forms.CharField(label="Tell us how (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class EffortForm(Form):
    minutes = forms.IntegerField(
        label="Time spent (minutes)",
        min_value=1,
        max_value=1440,
        error_messages={"required": "Enter the time spent in minutes"},
    )
    activity = forms.ChoiceField(
        label="Spent on",
        choices=[("", "Choose one")] + Activity.choices,
        error_messages={"required": "Choose what the time was spent on"},
    )
    on = DateField(label="Day", error_messages={"required": "Enter the day"})
    note = forms.CharField(label="Note (optional)", max_length=200, required=False)
