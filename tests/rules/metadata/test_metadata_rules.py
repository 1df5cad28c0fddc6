"""DD501–DD504 on real Markdown, looked up on local servers: each rule's documented
Example raises it, its Use instead does not, and fixing the Example gives Use instead;
then the shapes each rule must get right."""

from __future__ import annotations

import re

import pytest
from metaserver import Paper, Registry, Servers, dblp_hit

from ddlint.api import check_text, fix_metadata
from ddlint.engine.metadatafindings import fetch_metadata_outcomes, metadata_findings
from ddlint.rules import ALL_RULES, Rule
from ddlint.rules.metadata.dd502_title_mismatch import near_miss
from ddlint.text.findings import Finding

_FENCE = re.compile(r"```markdown\n(?P<code>.*?)```", re.DOTALL)
METADATA_RULES = [rule for rule in ALL_RULES if rule.family() == "metadata"]

# The papers the rules' pages show.
DOCUMENTED = (
    Paper("Lattice Sketches for Graph Streams", ("Ada Quill",), "2023-03-07", "2303.00011",
          None, "KDD", 2023),
    Paper("Prism Expert Routing", ("Eli Marsh", "Farah Odum"), doi="10.1145/1234.5678",
          venue="KDD", year=2022, event_acronym="KDD '22"),
    Paper("A Paper", ("Ada Quill",), "2023-01-05", "2301.00001"),
    Paper("Meadow Priors for Few-Shot Segmentation", ("Ines Moro",), "2023-05-09", "2305.00044"),
)  # fmt: skip


def looked_up(servers: Servers, text: str) -> tuple[list[Finding], str]:
    """The metadata findings of ``text``, and the text with their fixes applied."""
    result = check_text(text)
    outcomes = fetch_metadata_outcomes(result, servers.options())
    fixed = fix_metadata(text, outcomes, unsafe=True).text
    return metadata_findings(result, outcomes), fixed


@pytest.mark.parametrize("rule", METADATA_RULES, ids=[r.code for r in METADATA_RULES])
def test_the_page_examples(rule: type[Rule], registry: Registry, servers: Servers) -> None:
    registry.add(*DOCUMENTED)
    example, use_instead = (m.group("code") for m in _FENCE.finditer(rule.__doc__ or ""))
    found, fixed = looked_up(servers, example)
    assert rule.code in {f.code for f in found}
    if rule.fixable != "never":
        assert fixed == use_instead
    found, _ = looked_up(servers, use_instead)
    assert rule.code not in {f.code for f in found}


LATTICE = Paper(
    "Lattice Sketches for Streaming Graph Summaries",
    ("Ada Quill", "Boris Fenwick", "Chen Rowe"),
    "2023-03-07",
    "2303.00011",
)


def _table(*rows: str, header: str = "| Authors | Title | Venue |") -> str:
    return "\n".join([header, "|---|---|---|", *rows]) + "\n"


def test_dd502_a_typo_is_fixed_inside_the_bold_link(registry: Registry, servers: Servers) -> None:
    registry.add(LATTICE)
    text = _table(
        "| Ada Quill et al | [**Lattice Sketches for Streaming Graph Sumaries**]"
        "(https://arxiv.org/abs/2303.00011) | arXiv, Mar., 2023 |"
    )
    found, fixed = looked_up(servers, text)
    assert [(f.code, f.severity.value, f.message) for f in found] == [
        ("DD502", "info", "Title differs from the paper's on arXiv: "
         "`Lattice Sketches for Streaming Graph Summaries`"),
    ]  # fmt: skip
    assert fixed == text.replace("Sumaries", "Summaries")


@pytest.mark.parametrize(
    "real",
    ["Meadow Priors for <Few-Shot> Segmentation", "Meadow Priors for Few-Shot Segmentation \\"],
)
def test_dd502_writes_no_title_markdown_would_garble(
    registry: Registry, servers: Servers, real: str
) -> None:
    registry.add(Paper(real, ("Ines Moro",), "2023-05-09", "2305.00044"))
    text = _table(
        "| Ines Moro | [**Meadow Prios for Few-Shot Segmentation**]"
        "(https://arxiv.org/abs/2305.00044) | arXiv, May, 2023 |"
    )
    found, fixed = looked_up(servers, text)
    assert [f.code for f in found] == ["DD502"] and found[0].fix is None
    assert fixed == text


def test_dd502_spares_case_punctuation_and_a_title_renamed_when_published(
    registry: Registry, servers: Servers
) -> None:
    renamed = Paper("Harbor: Calm Training of Noisy Transformers", ("Dana Ilves",), "2023-01-20",
                    "2301.00022", None, "CVPR", 2023)  # fmt: skip
    registry.add(LATTICE, renamed)
    # DBLP knows the published paper under its new title, which no search by the arXiv
    # title ties to the preprint: the row's title is no near miss of arXiv's, so no finding.
    registry.dblp_extra.append(
        dblp_hit("Harbor: Calm and Robust Training of Noisy Transformers", ("Dana Ilves",),
                 "CVPR", 2023)
    )  # fmt: skip
    text = _table(
        "| Ada Quill et al | [lattice sketches for streaming-graph summaries.]"
        "(https://arxiv.org/abs/2303.00011) | arXiv, Mar., 2023 |",
        "| Dana Ilves | [Harbor: Calm and Robust Training of Noisy Transformers]"
        "(https://arxiv.org/abs/2301.00022) | CVPR, 2023 |",
    )
    found, _ = looked_up(servers, text)
    assert [f.code for f in found] == []


def test_dd503_writes_authors_as_the_table_does(registry: Registry, servers: Servers) -> None:
    others = [
        Paper(f"Invented Study Number {n}", (f"Auth{n} One", "Two Person"), "2023-03-07",
              f"2303.0002{n}") for n in range(5)
    ]  # fmt: skip
    registry.add(LATTICE, *others)
    rows = [
        f"| Auth{n} One et al. | [Invented Study Number {n}](https://arxiv.org/abs/2303.0002{n})"
        " | arXiv, Mar., 2023 |"
        for n in range(5)
    ]
    empty = (
        "| | [Lattice Sketches for Streaming Graph Summaries](https://arxiv.org/abs/2303.00011)"
        " | arXiv, Mar., 2023 |"
    )
    text = _table(*rows, empty)
    found, fixed = looked_up(servers, text)
    assert [(f.code, f.line) for f in found] == [("DD503", 8)]
    assert fixed == text.replace("| | [Lattice", "| Ada Quill et al. | [Lattice")


def test_dd503_leaves_an_arxiv_venue_to_dd204(registry: Registry, servers: Servers) -> None:
    registry.add(LATTICE)
    text = _table(
        "| Ada Quill | [Lattice Sketches for Streaming Graph Summaries]"
        "(https://arxiv.org/abs/2303.00011) | |"
    )
    found, _ = looked_up(servers, text)
    assert found == []


def test_dd504_names_an_id_no_source_knows(registry: Registry, servers: Servers) -> None:
    text = _table(
        "| A B | [Some Unknown Paper Here](https://arxiv.org/abs/2301.00999) | arXiv, 2023 |"
    )
    found, _ = looked_up(servers, text)
    assert [(f.code, f.message) for f in found] == [
        ("DD504", "Metadata not checked: arXiv API: arXiv does not know 2301.00999; "
         "is the paper's link right?"),
    ]  # fmt: skip


def test_rows_without_an_id_are_not_looked_up(registry: Registry, servers: Servers) -> None:
    text = _table("| A B | [A Paper Without Id](https://example.org/paper.pdf) | ICML, 2022 |")
    found, _ = looked_up(servers, text)
    assert found == [] and servers.requests() == 0


@pytest.mark.parametrize(
    ("written", "near"),
    [
        ("Lattice Sketchs for Streaming Graph Summaries", True),  # a typo
        ("Lattice Sketches for Streeming Graf Summaries", True),  # two
        ("Lattice Sketches for Streaming", True),  # cut short
        ("Lattice Sketches", False),  # too short to say
        ("Lattice Sketches for Streaming Graph Summaries Revisited", False),  # another title
        ("Sketching Graph Streams with Lattices", False),  # renamed
        ("Lattice Sketches for Streaming Graph Summaries", False),  # the same
    ],
)
def test_dd502_near_misses(written: str, near: bool) -> None:
    assert near_miss(written, LATTICE.title) is near
