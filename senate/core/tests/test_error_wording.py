"""The wording of error messages for the kinds of question forms ask: a short name reads inside the
sentence, a question is quoted, acronyms keep their capitals, and a form's own message is kept."""

from django import forms

from senate.core.error_messages import apply_to, human_messages


def _message(field, label, code):
    return human_messages(field, label)[code]


def test_an_acronym_keeps_its_capitals_and_takes_an():
    assert _message(forms.CharField(), "ICB code", "required") == "Enter an ICB code"


def test_a_plural_or_uncountable_name_takes_no_article():
    assert _message(forms.CharField(), "Services", "required") == "Enter services"
    assert _message(forms.CharField(), "Evidence", "required") == "Enter evidence"


def test_a_question_is_answered_by_quoting_it():
    assert _message(forms.CharField(), "What is the main risk?", "required") == "Answer “What is the main risk?”"


def test_a_question_too_long_is_named_as_your_answer_to_it():
    message = _message(forms.CharField(max_length=50), "Why is this review needed?", "max_length")
    assert message == "Your answer to “Why is this review needed?” must be %(limit_value)d characters or fewer"


def test_a_question_with_a_number_for_an_answer_asks_for_a_number():
    assert _message(forms.IntegerField(), "How many beds are open?", "required") == (
        "Enter a number for “How many beds are open?”"
    )


def test_a_number_box_that_takes_fractions_does_not_ask_for_a_whole_number():
    assert _message(forms.IntegerField(), "Beds", "invalid") == "Beds must be a whole number"
    assert _message(forms.DecimalField(), "Occupancy", "invalid") == "Occupancy must be a number"
    assert _message(forms.FloatField(), "Mean stay", "invalid") == "Mean stay must be a number"


def test_a_bad_email_address_gives_an_example():
    assert _message(forms.EmailField(), "Email address", "invalid") == (
        "Enter an email address in the correct format, like name@example.com"
    )


def test_a_bad_web_address_gives_an_nhs_example():
    assert _message(forms.URLField(), "Web page", "invalid").endswith("like https://www.example.nhs.uk/")


def test_a_missing_file_asks_for_an_upload_by_name():
    assert _message(forms.FileField(), "Floor plan", "required") == "Upload a floor plan"
    assert _message(forms.FileField(), "Floor plan", "empty") == "The selected file is empty"


def test_a_choice_not_in_the_list_says_to_pick_from_the_list():
    assert _message(forms.ChoiceField(), "Stage", "invalid_choice") == "Select a stage from the list"
    assert _message(forms.ChoiceField(), "Which body do they sit on?", "invalid_choice") == (
        "Select one of the answers to “Which body do they sit on?”"
    )


def test_an_unticked_box_that_must_be_ticked_is_named():
    assert _message(forms.BooleanField(), "I confirm the declaration is true", "required") == (
        "Select “I confirm the declaration is true”"
    )


class _Ward(forms.Form):
    name = forms.CharField(label="Ward", error_messages={"required": "Tell us which ward"})
    occupancy = forms.IntegerField(label="Target occupancy (%)", max_value=100)


def test_a_message_the_form_chose_itself_is_kept():
    form = _Ward({"occupancy": "50"})
    apply_to(form)
    assert form.errors["name"] == ["Tell us which ward"]


def test_a_percent_sign_in_a_label_survives_a_message_with_a_limit():
    form = _Ward({"name": "Acute", "occupancy": "120"})
    apply_to(form)
    assert form.errors["occupancy"] == ["Target occupancy (%) must be 100 or less"]
