"""Metadata rules (DD5xx): rows checked against the papers' public metadata
(``--check-metadata``)."""
