"""Declarations of interest, the Senate's conflict policy, and the records each review keeps:
decisions on conflicts, dismissed suggestions and attestations before access to evidence."""

from senate.interests.models.conflict_policy import ConflictPolicy
from senate.interests.models.declarations import (
    Category,
    Declaration,
    DeclarationVersion,
    Kind,
    PublicationDecision,
    RegisterConfirmation,
    WithholdingGrounds,
)
from senate.interests.models.reviews import Attestation, ConflictDecision, ConflictDismissal, Outcome

__all__ = [
    "Attestation",
    "Category",
    "ConflictDecision",
    "ConflictDismissal",
    "Declaration",
    "DeclarationVersion",
    "ConflictPolicy",
    "Kind",
    "Outcome",
    "PublicationDecision",
    "RegisterConfirmation",
    "WithholdingGrounds",
]
