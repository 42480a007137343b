"""The named permission of case bundles. Asked of a request."""

from enum import StrEnum


class BundlesPermission(StrEnum):
    MAKE_BUNDLE = "bundles.make_bundle"
