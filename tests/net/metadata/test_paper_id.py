"""parse_paper_id reads every form of id ``ddlint add`` accepts, as DD207 reads URLs."""

from __future__ import annotations

import pytest

from ddlint.net.metadata import PaperId, parse_paper_id

ARXIV = PaperId("arxiv", "2211.10586")
DOI = PaperId("doi", "10.1145/3534678.3539001")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2211.10586", ARXIV),
        ("arXiv:2211.10586v2", ARXIV),
        (" https://arxiv.org/abs/2211.10586 ", ARXIV),
        ("https://arxiv.org/pdf/2211.10586v1.pdf", ARXIV),
        ("http://export.arxiv.org/abs/2211.10586v3", ARXIV),
        ("cs/0112017", PaperId("arxiv", "cs/0112017")),
        ("10.1145/3534678.3539001", DOI),
        ("doi:10.1145/3534678.3539001", DOI),
        ("https://doi.org/10.1145/3534678.3539001", DOI),
        ("https://dl.acm.org/doi/10.1145/3534678.3539001", DOI),
        ("10.1109/CVPR.2023.00001", PaperId("doi", "10.1109/cvpr.2023.00001")),
        ("https://openreview.net/forum?id=Ab1_cD-2", PaperId("openreview", "Ab1_cD-2")),
        ("https://openreview.net/pdf?id=Ab1", PaperId("openreview", "Ab1")),
        ("https://openreview.net/group?id=ICLR.cc", None),
        ("https://doi.org/10.48550/arXiv.2211.10586", ARXIV),
        ("https://example.org/paper.pdf", None),
        ("a title", None),
        ("", None),
    ],
)
def test_each_form_names_its_paper(text: str, expected: PaperId | None) -> None:
    assert parse_paper_id(text) == expected


def test_the_key_is_dd207s() -> None:
    assert ARXIV.key() == "arxiv:2211.10586"
