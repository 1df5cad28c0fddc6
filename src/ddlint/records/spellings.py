"""The official spelling of common venues: what DD208's majority spelling never overrides.

A list that writes `Openreview` in five rows and `OpenReview` in two has one venue spelled
two ways, and the majority is the misspelling. The venues ``venues.KNOWN_VENUES`` knows
(NeurIPS, arXiv, OpenReview, …) are spelled as it names them; this table adds common
venues that parsing has no use for (no usual month, no kind to tell), by their own
spelling on their sites.
"""

from __future__ import annotations

from types import MappingProxyType

from ddlint.records.venues import known_name

__all__ = ["official_spelling"]

_OFFICIAL = (
    "COLING", "EACL", "TACL", "CoNLL", "LREC", "RecSys", "SIGMOD", "VLDB", "ICDE", "ECIR",
    "MLSys", "CHI", "UIST", "ICSE", "SIGGRAPH", "SIGGRAPH Asia", "3DV", "RSS", "ICONIP",
    "PAKDD", "ECAI", "ICWSM", "INFOCOM", "MobiCom", "TOIS", "TKDD", "TOG", "TVCG",
    "Interspeech", "ICLR Blogposts", "NeurIPS Datasets and Benchmarks", "bioRxiv", "medRxiv",
)  # fmt: skip
_BY_KEY = MappingProxyType({" ".join(name.casefold().split()): name for name in _OFFICIAL})


def official_spelling(name: str) -> str | None:
    """The official spelling of a venue name, in any case or spacing: ``openreview`` ->
    ``OpenReview``, ``recsys`` -> ``RecSys``; None for a venue of no known spelling."""
    known = known_name(name)
    if known is not None:
        return known
    return _BY_KEY.get(" ".join(name.casefold().split()))
