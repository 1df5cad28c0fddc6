"""DD305 arxiv-form: arXiv links in the form most of the list uses, or the configured one."""

from __future__ import annotations

import pytest
from helpers import FIXTURES, SEED_TEXT, fixed, lines, link_row, link_table, rule_fixture

from ddlint.api import fix_text, lint_text
from ddlint.text.findings import Applicability


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


def test_arxiv_form_fixture_mixes_forms_without_a_convention() -> None:
    # Three of six rows use /abs/: no form is a clear convention (80 % of the rows, at
    # least 5), so the rule says nothing until the option names one.
    text = rule_fixture("arxiv-forms.md")
    assert lines(text, "DD305") == []


def test_arxiv_form_fixture_with_the_option() -> None:
    from ddlint.api import Config

    text = rule_fixture("arxiv-forms.md")
    config = Config.model_validate({"arxiv-form": "abs"})
    findings = lint_text(text, select=["DD305"], config=config)
    # Pins (2 of 6 rows) are no clear convention either way: left alone.
    assert [f.line for f in findings] == [9, 10, 12]
    assert all(f.fix and f.fix.applicability is Applicability.SAFE for f in findings)
    safe = fix_text(text, select=["DD305"], config=config).text
    assert "arxiv.org/abs/2310.05519)" in safe and "arxiv.org/abs/2304.08817v3)" in safe
    assert "2308.06621v2" in safe


def _clear_abs_table(*extra: str) -> str:
    plain = [link_row(f"https://arxiv.org/abs/2201.0000{n}") for n in range(1, 6)]
    return link_table(*plain, *extra)


def test_arxiv_form_clear_convention() -> None:
    # Six of seven rows use /abs/ (the pinned one too) and six of seven are unpinned:
    # both are clear conventions (at least 80 % of the rows, and at least 5 rows).
    source = _clear_abs_table(
        link_row("https://arxiv.org/pdf/2201.00006.pdf"),
        link_row("https://arxiv.org/abs/2201.00007v2"),
    )
    findings = lint_text(source, select=["DD305"])
    assert [f.line for f in findings] == [8, 9]
    kinds = [f.fix.applicability if f.fix else None for f in findings]
    assert kinds == [Applicability.SAFE, Applicability.UNSAFE]
    everything = fixed(source, ["DD305"], unsafe=True)
    assert lines(everything, "DD305") == []
    assert "v2" not in everything and ".pdf)" not in everything


@pytest.mark.parametrize(
    "extra",
    [
        pytest.param(1, id="4-of-5-rows-is-too-few-rows"),
        pytest.param(2, id="5-of-7-rows-is-under-80-percent"),
    ],
)
def test_arxiv_form_no_clear_convention_says_nothing(extra: int) -> None:
    plain = [link_row(f"https://arxiv.org/abs/2201.0000{n}") for n in range(1, 6 - (extra == 1))]
    odd = [link_row(f"https://arxiv.org/pdf/2201.0001{n}.pdf") for n in range(extra)]
    assert lines(link_table(*plain, *odd), "DD305") == []


@pytest.mark.parametrize(
    "label",
    [
        pytest.param("[[pdf]]", id="every-label-names-its-form"),
        pytest.param("[abs]", id="abs-label"),
    ],
)
def test_arxiv_form_every_link_labelled_does_not_crash(label: str) -> None:
    # issue #18: when every arXiv link's label names its form, no form is counted.
    source = link_table(
        *(
            f"| Ada et al | **Notes** {label}(https://arxiv.org/abs/2201.0000{n}) | ICML, 2022 | |"
            for n in range(1, 7)
        )
    )
    assert lines(source, "DD305") == []


def test_arxiv_form_repro_labelled_arxiv_does_not_crash() -> None:
    text = (FIXTURES / "repro" / "crash-dd305-labelled-arxiv.md").read_text(encoding="utf-8")
    assert lines(text, "DD305") == []


def test_arxiv_form_bare_url_label_names_no_form() -> None:
    # A bare URL's label is the URL: `/pdf/` in it is no `[pdf]` label. It counts, and
    # is reported in the wrong form, without a fix (its text is the URL).
    source = _clear_abs_table("| Ada et al | https://arxiv.org/pdf/2201.00009.pdf | ICML, 2022 | |")
    findings = lint_text(source, select=["DD305"])
    assert [(f.line, f.fix) for f in findings] == [(8, None)]
