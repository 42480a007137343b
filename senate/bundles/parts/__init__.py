"""The parts of a case bundle, in the order the PDF reads. Each module has `part(setting) -> Part`,
gathering its records with a fixed number of queries whatever their number (select_related and
prefetch_related, never a query per row)."""

from senate.bundles.parts import assurance, council, declarations, evidence, panel, report, request, terms, trail

PARTS = [request, assurance, terms, panel, declarations, evidence, report, council, trail]
