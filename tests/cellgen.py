"""Hypothesis strategies for table cells made of inline links, the shape the links-only fast
path of ``parse_inline`` takes, with hostile characters mixed in so its refusals are
exercised too; and the reference definitions a document may give them."""

from __future__ import annotations

from hypothesis import strategies as st

# No reference definitions, and some (``[x][code]`` resolves against the second).
REFS = ({}, {"code": "https://ref.example/c", "title": "https://ref.example/t"})

# Mostly characters the fast path accepts, so that it applies often; now and then one that
# could start other syntax, so that its refusals are exercised too.
SAFE_LABEL = [*"abcXYZ019 :-.,;'\"()/#?+%@=$é数—¡‘’«»…", "\t", "\u00a0", "\u3000", "Code"]
HOSTILE_LABEL = ["http", "www.", "&amp;", "&", "*", "**", "_", "[", "]", "\\", "`", "!", "<", "~"]
LABEL_CHARS = st.sampled_from(SAFE_LABEL * 12 + HOSTILE_LABEL)
SAFE_URL = [*"abcXYZ019/:.?=;%#_~*!-+,@$数", "https://", "www.", "%20"]
HOSTILE_URL = ["&amp;", "&#x41;", "&", "(", ")", " ", "<", ">", '"', "'", "\\", "`", "[", "]"]
URL_CHARS = st.sampled_from(SAFE_URL * 12 + HOSTILE_URL + ["\x7f", "\x01"])
SEPARATORS = st.sampled_from(["", ", ", ",", " ", " , ", "\t", ",  ", " and ", ";", ",\t "])


@st.composite
def link(draw: st.DrawFn) -> str:
    """``[label](url)``, its label bold now and then."""
    label = "".join(draw(st.lists(LABEL_CHARS, max_size=8)))
    url = "".join(draw(st.lists(URL_CHARS, max_size=10)))
    if draw(st.booleans()):
        label = f"**{label}**"
    return f"[{label}]({url})"


@st.composite
def link_cells(draw: st.DrawFn) -> str:
    """One to four links apart by separators, now and then with a tail after the last."""
    cell = draw(link())
    for _ in range(draw(st.integers(0, 3))):
        cell += draw(SEPARATORS) + draw(link())
    return cell + draw(st.sampled_from(["", "", " x", ","]))
