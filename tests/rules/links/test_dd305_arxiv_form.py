"""DD305 arxiv-form: arXiv links in the form most of the list uses, or the configured one."""

from __future__ import annotations

from helpers import SEED_TEXT, fixed, lines, link_row, link_table, rule_fixture

from ddlint.api import lint_text
from ddlint.text.findings import Applicability


def test_arxiv_form_fixture() -> None:
    text = rule_fixture("arxiv-forms.md")
    findings = lint_text(text, select=["DD305"])
    assert [f.line for f in findings] == [9, 10, 11, 12]
    kinds = [f.fix.applicability if f.fix else None for f in findings]
    assert kinds == [Applicability.SAFE, Applicability.SAFE] + [Applicability.UNSAFE] * 2
    safe = fixed(text, ["DD305"])
    assert "arxiv.org/abs/2310.05519)" in safe and "2308.06621v2" in safe
    everything = fixed(text, ["DD305"], unsafe=True)
    assert lines(everything, "DD305") == []
    assert "v2" not in everything and ".pdf)" not in everything


def test_arxiv_form_seed_majority_is_pdf() -> None:
    findings = lint_text(SEED_TEXT, select=["DD305"])
    assert findings and all("/pdf/ID.pdf" in f.message for f in findings)
    assert "arxiv.org/pdf/2211.10586.pdf" in fixed(SEED_TEXT, ["DD305"])


def test_arxiv_form_option() -> None:
    from ddlint.api import Config

    source = link_table(link_row("https://arxiv.org/abs/2201.00001"))
    config = Config.model_validate({"arxiv-form": "pdf"})
    findings = lint_text(source, select=["DD305"], config=config)
    assert len(findings) == 1 and "arxiv.org/pdf/2201.00001" in findings[0].message


def test_arxiv_form_pins_kept_when_most_are_pinned() -> None:
    source = link_table(
        link_row("https://arxiv.org/abs/2201.00001v1"),
        link_row("https://arxiv.org/abs/2201.00002v3"),
        link_row("https://arxiv.org/abs/2201.00003"),
    )
    assert lines(source, "DD305") == []


def test_arxiv_form_label_naming_pdf_keeps_its_form() -> None:
    source = link_table(
        link_row("https://arxiv.org/abs/2201.00001"),
        link_row("https://arxiv.org/abs/2201.00002", "[PDF](https://arxiv.org/pdf/2201.00002)"),
    )
    assert lines(source, "DD305") == []
