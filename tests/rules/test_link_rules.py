"""DD301–DD308 (links) and the GitHub heading anchors they rely on."""

from __future__ import annotations

import pytest
from helpers import FIXTURES, SEED_TEXT

from ddlint.api import fix_text, lint_text, parse_records
from ddlint.gfm.anchors import document_anchors, heading_plain_text, slugify
from ddlint.inline.urls import canonical_url, strip_tracking
from ddlint.text.findings import Applicability, Severity

HEADER = "| Author | Title | Venue | Supp. Material |\n|---|---|---|---|\n"


def rule_fixture(name: str) -> str:
    return (FIXTURES / "rules" / name).read_text(encoding="utf-8")


def table(*rows: str) -> str:
    return HEADER + "".join(row + "\n" for row in rows)


def row(title_url: str = "https://arxiv.org/abs/2201.00001", code: str = "") -> str:
    last = f" {code} " if code else " "
    return f"| Ada Lovelace et al | [**Notes on the Engine**]({title_url}) | ICML, 2022 |{last}|"


def lines(text: str, code: str) -> list[int]:
    return [f.line for f in lint_text(text, select=[code]) if f.code == code]


def fixed(text: str, code: str, unsafe: bool = False) -> str:
    return fix_text(text, select=[code], unsafe=unsafe).text


# -- anchors (GFM-TABLES.md §11) ------------------------------------------------------------

_ANCHOR_EXAMPLES = [
    ("## Sample Section", "sample-section"),
    (
        "## This'll be a _Helpful_ Section About the Greek Letter Θ!",
        "thisll-be-a-helpful-section-about-the-greek-letter-Θ",
    ),
    ("## This heading is not unique in the file", "this-heading-is-not-unique-in-the-file"),
    ("## This heading is not unique in the file", "this-heading-is-not-unique-in-the-file-1"),
    ("## foo-1", "foo-1"),
    ("## foo", "foo"),
    ("## foo", "foo-2"),
    ("## `C++` & C# — 📦 v1.2", "c--c---v12"),
]


def test_anchors_match_the_eight_documented_examples() -> None:
    texts = [heading_plain_text(source[3:]) for source, _ in _ANCHOR_EXAMPLES]
    assert document_anchors(texts) == [anchor for _, anchor in _ANCHOR_EXAMPLES]


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        pytest.param("Papers in 2022 [Back-to-top]", "papers-in-2022-back-to-top", id="seed"),
        pytest.param("Two  spaces", "two--spaces", id="runs-not-collapsed"),
        pytest.param("Émile ÀB", "Émile-Àb", id="non-ascii-case-kept"),
        pytest.param("snake_case 42", "snake_case-42", id="underscore-is-a-word-char"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


# -- DD301 empty-link -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            table(row(code="[Code](https://github.com/x), [Poster]()")),
            table(row(code="[Code](https://github.com/x)")),
            id="after-a-real-link",
        ),
        pytest.param(
            table(row(code="[Poster](), [Code](https://github.com/x)")),
            table(row(code="[Code](https://github.com/x)")),
            id="before-a-real-link",
        ),
        pytest.param(
            table(row(code="[Code]() [Video](https://youtu.be/x)")),
            table(row(code="[Video](https://youtu.be/x)")),
            id="space-separated",
        ),
        pytest.param(table(row(code="[Code]()")), table(row()), id="alone-leaves-an-empty-cell"),
        pytest.param(table(row(code="[Code](), [Poster]( )")), table(row()), id="two-empty-links"),
    ],
)
def test_empty_link_fix(source: str, expected: str) -> None:
    assert lines(source, "DD301")
    assert fixed(source, "DD301") == expected


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(table(row(code="[![stars](https://img.shields.io/x)]()")), id="badge"),
        pytest.param(table(row(code="[~~Code~~]()")), id="struck-label"),
        pytest.param(
            "| Author | Title |\n|---|---|\n| Ada et al | [**Notes**]() |\n",
            id="title-link",
        ),
    ],
)
def test_empty_link_reported_without_fix(source: str) -> None:
    findings = lint_text(source, select=["DD301"])
    assert len(findings) == 1 and findings[0].fix is None


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(table(row(code="[Code](https://github.com/x)")), id="real-link"),
        pytest.param(table("| |[** **]() | | [Code]() |"), id="placeholder-row-is-dd201s"),
    ],
)
def test_empty_link_noop(source: str) -> None:
    assert lines(source, "DD301") == []


def test_empty_link_fixture() -> None:
    text = rule_fixture("empty-links.md")
    assert lines(text, "DD301") == [9, 10]
    assert lines(fixed(text, "DD301"), "DD301") == []


# -- DD302 malformed-url ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("www.example.org/paper", id="www-without-scheme"),
        pytest.param("github.com/ada/engine", id="host-without-scheme"),
        pytest.param("http:/example.org/x", id="one-slash"),
        pytest.param("https//example.org/x", id="no-colon"),
        pytest.param("https://https://example.org", id="double-scheme"),
        pytest.param("javascript:alert(1)", id="javascript"),
        pytest.param("ftp://example.org/x", id="scheme-github-strips"),
        pytest.param("<https://example.org/a b>", id="space"),
        pytest.param("https://[x", id="unclosed-ipv6-bracket"),
        pytest.param("https://ex\u2100ample.org/p", id="host-changed-by-nfkc"),
    ],
)
def test_malformed_url(url: str) -> None:
    assert lines(table(row(url)), "DD302") == [3]


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("https://[x", id="unclosed-ipv6-bracket"),
        pytest.param("http://[::1/p?utm_source=x", id="unclosed-ipv6-with-query"),
        pytest.param("https://ex\u2100ample.org/p", id="host-changed-by-nfkc"),
    ],
)
def test_targets_urlsplit_rejects_break_no_rule(url: str) -> None:
    """urlsplit raises ValueError for these; every rule, the fixer and the export must not."""
    text = table(row(url, code=f"[Code]({url})"))
    assert {f.code for f in lint_text(text) if f.line == 3} >= {"DD302"}
    assert fix_text(text, unsafe=True).text.count(url) == 2
    assert parse_records(text)[0].url == url


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("https://arxiv.org/abs/2201.00001", id="https"),
        pytest.param("docs/paper.md", id="relative-path"),
        pytest.param("README.md", id="file-in-repo"),
        pytest.param("#papers-in-2022", id="fragment"),
        pytest.param("mailto:ada@example.org", id="mailto"),
    ],
)
def test_malformed_url_noop(url: str) -> None:
    assert lines(table(row(url)), "DD302") == []


def test_malformed_link_syntax() -> None:
    assert lines(table(row(code="[Code] (https://github.com/x)")), "DD302") == [3]


def test_malformed_url_seed_and_fixtures_are_clean() -> None:
    assert lines(SEED_TEXT, "DD302") == []
    for path in sorted((FIXTURES / "lists").glob("*.md")):
        assert lines(path.read_text(encoding="utf-8"), "DD302") == [], path.name


# -- DD303 tracking-params --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "clean"),
    [
        pytest.param(
            "https://arxiv.org/abs/2309.12280?utm_source=twitter&utm_medium=social",
            "https://arxiv.org/abs/2309.12280",
            id="utm",
        ),
        pytest.param(
            "https://www.youtube.com/watch?v=Xq7rPz2LmKc&fbclid=IwAR2k",
            "https://www.youtube.com/watch?v=Xq7rPz2LmKc",
            id="fbclid-keeps-v",
        ),
        pytest.param(
            "https://example.org/p?a=1%202&utm_campaign=x&b=c+d",
            "https://example.org/p?a=1%202&b=c+d",
            id="kept-params-verbatim",
        ),
    ],
)
def test_tracking_params_fix(url: str, clean: str) -> None:
    assert strip_tracking(url) == clean
    assert canonical_url(url) == canonical_url(clean)
    assert fixed(table(row(url)), "DD303") == table(row(clean))


def test_tracking_params_bare_url_only_reported() -> None:
    source = table(row(code="https://example.org/x?utm_source=a"))
    findings = lint_text(source, select=["DD303"])
    assert len(findings) == 1 and findings[0].fix is None


def test_tracking_params_fixture_and_seed() -> None:
    assert lines(rule_fixture("tracking-params.md"), "DD303") == [9, 10, 11]
    assert lines(SEED_TEXT, "DD303") == [38]
    assert lines(fixed(SEED_TEXT, "DD303"), "DD303") == []


# -- DD304 insecure-link ----------------------------------------------------------------------


def test_insecure_link_fix() -> None:
    source = table(row("http://proceedings.mlr.press/v139/a.pdf", "[Code](http://github.com/x)"))
    expected = table(
        row("https://proceedings.mlr.press/v139/a.pdf", "[Code](https://github.com/x)")
    )
    assert fixed(source, "DD304") == expected


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("http://example.org/paper.pdf", id="unknown-host"),
        pytest.param("https://github.com/x", id="already-https"),
    ],
)
def test_insecure_link_noop(url: str) -> None:
    assert lines(table(row(url)), "DD304") == []


def test_insecure_link_fixture_and_seed() -> None:
    assert lines(rule_fixture("insecure-links.md"), "DD304") == [9, 10]
    assert lines(SEED_TEXT, "DD304") == [75]


# -- DD305 arxiv-form -------------------------------------------------------------------------


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
    plain = [row(f"https://arxiv.org/abs/2201.0000{n}") for n in range(1, 6)]
    return table(*plain, *extra)


def test_arxiv_form_clear_convention() -> None:
    # Six of seven rows use /abs/ (the pinned one too) and six of seven are unpinned:
    # both are clear conventions (at least 80 % of the rows, and at least 5 rows).
    source = _clear_abs_table(
        row("https://arxiv.org/pdf/2201.00006.pdf"), row("https://arxiv.org/abs/2201.00007v2")
    )
    findings = lint_text(source, select=["DD305"])
    assert [f.line for f in findings] == [8, 9]
    kinds = [f.fix.applicability if f.fix else None for f in findings]
    assert kinds == [Applicability.SAFE, Applicability.UNSAFE]
    everything = fixed(source, "DD305", unsafe=True)
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
    plain = [row(f"https://arxiv.org/abs/2201.0000{n}") for n in range(1, 6 - (extra == 1))]
    odd = [row(f"https://arxiv.org/pdf/2201.0001{n}.pdf") for n in range(extra)]
    assert lines(table(*plain, *odd), "DD305") == []


@pytest.mark.parametrize(
    "label",
    [
        pytest.param("[[pdf]]", id="every-label-names-its-form"),
        pytest.param("[abs]", id="abs-label"),
    ],
)
def test_arxiv_form_every_link_labelled_does_not_crash(label: str) -> None:
    # issue #18: when every arXiv link's label names its form, no form is counted.
    source = table(
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


def test_arxiv_form_seed_majority_is_pdf() -> None:
    findings = lint_text(SEED_TEXT, select=["DD305"])
    assert findings and all("/pdf/ID.pdf" in f.message for f in findings)
    assert "arxiv.org/pdf/2211.10586.pdf" in fixed(SEED_TEXT, "DD305")


def test_arxiv_form_option() -> None:
    from ddlint.api import Config

    source = table(row("https://arxiv.org/abs/2201.00001"))
    config = Config.model_validate({"arxiv-form": "pdf"})
    findings = lint_text(source, select=["DD305"], config=config)
    assert len(findings) == 1 and "arxiv.org/pdf/2201.00001" in findings[0].message


def test_arxiv_form_pins_kept_when_most_are_pinned() -> None:
    source = table(
        row("https://arxiv.org/abs/2201.00001v1"),
        row("https://arxiv.org/abs/2201.00002v3"),
        row("https://arxiv.org/abs/2201.00003"),
    )
    assert lines(source, "DD305") == []


# -- DD306 broken-fragment --------------------------------------------------------------------


def test_broken_fragment_fixture() -> None:
    text = rule_fixture("broken-fragment.md")
    findings = lint_text(text, select=["DD306"])
    assert [(f.line, f.severity, f.fix is not None) for f in findings] == [
        (4, Severity.INFO, True),
        (4, Severity.WARNING, False),
        (14, Severity.WARNING, False),
    ]
    assert "#papers-in-2021-back-to-top" in findings[1].message
    assert "(#papers-in-2023-back-to-top)" in fixed(text, "DD306")


def test_broken_fragment_seed() -> None:
    findings = lint_text(SEED_TEXT, select=["DD306"])
    assert {f.line for f in findings} == {7, 12, 68, 86, 99, 109}
    assert len([f for f in findings if f.line == 7]) == 5
    assert all(f.severity is Severity.INFO and f.fix for f in findings)
    assert lines(fixed(SEED_TEXT, "DD306"), "DD306") == []


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(
            "# Top\n\n[up](#top) [up](#user-content-top) [up](#)\n", id="plain-prefix-empty"
        ),
        pytest.param('<a name="y2022"></a>\n\n[2022](#y2022)\n', id="explicit-html-name"),
        pytest.param("# foo\n# foo\n\n[second](#foo-1)\n", id="duplicate-suffix"),
        pytest.param("```\n[x](#nowhere)\n```\n", id="inside-code-block"),
    ],
)
def test_broken_fragment_noop(source: str) -> None:
    assert lines(source, "DD306") == []


def test_broken_fragment_in_a_table_cell() -> None:
    source = "# Top\n\n" + table(row(code="[up](#Top)"))
    assert fixed(source, "DD306") == "# Top\n\n" + table(row(code="[up](#top)"))


# -- DD307 duplicate-link ---------------------------------------------------------------------


def test_duplicate_link_fixture() -> None:
    assert lines(rule_fixture("duplicate-link.md"), "DD307") == [9, 10, 11]


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(
            table(row(code="[Code](https://arxiv.org/pdf/2201.00001.pdf)")), id="title-as-code"
        ),
        pytest.param(
            table(row(code="[Code](http://github.com/x), [Repo](https://github.com/x/)")),
            id="same-after-canonical-form",
        ),
    ],
)
def test_duplicate_link_in_row(source: str) -> None:
    assert lines(source, "DD307") == [3]


def test_duplicate_link_same_paper_twice_is_dd207s() -> None:
    assert lines(table(row(), row()), "DD307") == []


def test_duplicate_link_seed_is_clean() -> None:
    assert lines(SEED_TEXT, "DD307") == []


# -- DD308 nav-out-of-date --------------------------------------------------------------------

NAV_SECTIONS = """
### Papers in 2023
{table23}
### Papers in 2022
{table22}
### Papers in 2021
{table21}"""


def nav_document(nav: str) -> str:
    body = NAV_SECTIONS.format(
        table23=table(row("https://arxiv.org/abs/2301.00001")),
        table22=table(row("https://arxiv.org/abs/2201.00001")),
        table21=table(row("https://arxiv.org/abs/2101.00001")),
    )
    return f"# List\n\n{nav}\n{body}"


@pytest.mark.parametrize(
    ("nav", "expected"),
    [
        pytest.param(
            "[2022](#papers-in-2022) · [2021](#papers-in-2021)",
            "[2023](#papers-in-2023) · [2022](#papers-in-2022) · [2021](#papers-in-2021)",
            id="newest-missing",
        ),
        pytest.param(
            "[2021](#papers-in-2021) | [2022](#papers-in-2022)",
            "[2021](#papers-in-2021) | [2022](#papers-in-2022) | [2023](#papers-in-2023)",
            id="ascending-order",
        ),
        pytest.param(
            "| [2023](#papers-in-2023) | [2021](#papers-in-2021) |",
            "| [2023](#papers-in-2023) | [2022](#papers-in-2022) | [2021](#papers-in-2021) |",
            id="middle-missing",
        ),
        pytest.param(
            "[2023](#papers-in-2023) | [2022](#papers-in-2022) | [2021](#papers-in-2021)"
            " | [2019](#papers-in-2019)",
            "[2023](#papers-in-2023) | [2022](#papers-in-2022) | [2021](#papers-in-2021)",
            id="stale-year-removed",
        ),
    ],
)
def test_nav_out_of_date_fix(nav: str, expected: str) -> None:
    source = nav_document(nav)
    assert lines(source, "DD308")
    assert fixed(source, "DD308") == nav_document(expected)


def test_nav_out_of_date_fixture() -> None:
    text = rule_fixture("nav-out-of-date.md")
    assert lines(text, "DD308") == [4]
    assert (
        "**Papers sorted by year:** | [2023](#papers-in-2023-back-to-top) | "
        "[2022](#papers-in-2022-back-to-top) |" in fixed(text, "DD308")
    )


def test_nav_out_of_date_seed_and_lists_are_clean() -> None:
    assert lines(SEED_TEXT, "DD308") == []
    for path in sorted((FIXTURES / "lists").glob("*.md")):
        assert lines(path.read_text(encoding="utf-8"), "DD308") == [], path.name


# -- the seed, all link rules at once -----------------------------------------------------------


def test_seed_expectations() -> None:
    assert lines(SEED_TEXT, "DD301") == [31, 42, 79]
    assert lines(SEED_TEXT, "DD303") == [38]
    assert 7 in lines(SEED_TEXT, "DD306")


def test_seed_fixes_together_verify() -> None:
    codes = ["DD301", "DD303", "DD304", "DD305", "DD306", "DD308"]
    result = fix_text(SEED_TEXT, select=codes, unsafe=True)
    assert [f for f in lint_text(result.text, select=codes) if f.fix] == []


def test_arxiv_form_label_naming_pdf_keeps_its_form() -> None:
    source = table(
        row("https://arxiv.org/abs/2201.00001"),
        row("https://arxiv.org/abs/2201.00002", "[PDF](https://arxiv.org/pdf/2201.00002)"),
    )
    assert lines(source, "DD305") == []
