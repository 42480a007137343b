"""Forms for declarations, the register, screening decisions, attestation and the Senate's conflict policy.
Every field renders as its NHS.UK component through `nhs_field`, with GOV.UK-style error messages."""

from senate.interests.forms.declarations import AttestForm, EndForm, GiftForm, InterestForm, NilReturnForm
from senate.interests.forms.team import (
    BulkDecisionForm,
    ConflictPolicyForm,
    DecisionForm,
    DismissForm,
    DueFilterForm,
    PublicRegisterFilterForm,
    RegisterDateForm,
    RegisterFilterForm,
    ScreeningFilterForm,
    WithholdForm,
)

__all__ = [
    "AttestForm",
    "BulkDecisionForm",
    "DecisionForm",
    "DismissForm",
    "DueFilterForm",
    "EndForm",
    "GiftForm",
    "InterestForm",
    "NilReturnForm",
    "PublicRegisterFilterForm",
    "RegisterDateForm",
    "RegisterFilterForm",
    "ConflictPolicyForm",
    "ScreeningFilterForm",
    "WithholdForm",
]
