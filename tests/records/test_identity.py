"""ddlint.records.identity: the fast path of ``loose_key`` gives what the regex gives; the
ids and titles that make two rows of one list the same paper."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ddlint.records import identity
from ddlint.records.model import Link, Origin, Paper, Section


@settings(max_examples=2000)
@given(st.text(alphabet=st.sampled_from([*"aZ09 _-:.,'()[]*", "é", "ß", "İ", "数", "\u00b2"])))
def test_loose_key_ascii_path_equals_regex(text: str) -> None:
    assert identity.loose_key(text) == identity._NOT_WORD.sub("", text.casefold())


def _paper(title: str, url: str | None, links: tuple[str, ...] = ()) -> Paper:
    return Paper(
        title=title,
        url=url,
        authors=[],
        et_al=False,
        type="",
        task="",
        datasets=[],
        venue=None,
        year=None,
        links=[Link(label="Link", url=link) for link in links],
        section=Section(heading=None, year=None),
        origin=Origin(line=1, column=1, rendered=True),
        extra={},
    )


@pytest.mark.parametrize(
    ("url", "links", "ids"),
    [
        pytest.param("https://arxiv.org/abs/2011.00050v3", (), ("arxiv:2011.00050",), id="v3"),
        pytest.param("http://arxiv.org/pdf/2011.00050.pdf", (), ("arxiv:2011.00050",), id="pdf"),
        pytest.param(
            "https://openreview.net/pdf?id=Ab-12_Cd", (), ("openreview:Ab-12_Cd",), id="openreview"
        ),
        pytest.param("https://example.org/openreview?id=X", (), (), id="not-openreview"),
        pytest.param(
            None, ("https://arxiv.org/abs/2011.00050",), ("arxiv:2011.00050",), id="from-a-link"
        ),
        pytest.param(
            None,
            ("https://arxiv.org/abs/2011.00050", "https://arxiv.org/abs/2011.00051"),
            (),
            id="two-papers-in-the-links-name-none",
        ),
    ],
)
def test_paper_id_keys(url: str | None, links: tuple[str, ...], ids: tuple[str, ...]) -> None:
    assert identity.paper_id_keys(_paper("A Title of Words", url, links)) == ids


@pytest.mark.parametrize(
    ("title", "real"),
    [
        ("Star", False),
        ("[Paper]", False),
        ("N/A", False),
        ("LLM-Rec", False),
        ("Segment Anything", False),
        ("GPT-4 Technical Report", True),
        ("snake_case tables", True),
        ("基于图的数据集蒸馏", True),
    ],
)
def test_a_real_title_has_three_words(title: str, real: bool) -> None:
    assert identity.is_real_title(title) is real
    keys = identity.duplicate_keys(_paper(title, "https://example.org/x"))
    assert bool(keys) is real
