"""Declarations of interest, the Senate's local rules for them, and the records each review keeps:
decisions on conflicts, dismissed suggestions and attestations before access to evidence."""

from senate.interests.models.declarations import (
    Category,
    Declaration,
    DeclarationVersion,
    Kind,
    PublicationDecision,
    RegisterConfirmation,
    WithholdingGrounds,
)
from senate.interests.models.local_rules import InterestRules
from senate.interests.models.reviews import Attestation, ConflictDecision, ConflictDismissal, Outcome

__all__ = [
    "Attestation",
    "Category",
    "ConflictDecision",
    "ConflictDismissal",
    "Declaration",
    "DeclarationVersion",
    "InterestRules",
    "Kind",
    "Outcome",
    "PublicationDecision",
    "RegisterConfirmation",
    "WithholdingGrounds",
]
