"""venues.py: every Venue string of the seed, other lists' shapes, and properties."""

from __future__ import annotations

import time

import pytest
from helpers import SEED
from hypothesis import given
from hypothesis import strategies as st

from ddlint.records.venues import (
    KNOWN_VENUES,
    MonthStyle,
    ParsedVenue,
    VenueKind,
    canonical_venue,
    extract_year,
    known_name,
    parse_venue,
)

VENUE_COLUMN = 5  # 0-based: Author | Title | Type | Task | Dataset | Venue | Supp. Material


def case(
    text: str,
    name: str | None,
    year: int | None,
    month: int | None,
    kind: VenueKind | None,
    canonical: str | None,
    *,
    extra: str | None = None,
    id: str,
) -> pytest.ParameterSet:
    expected = ParsedVenue(text.strip(), name, year, month, kind, extra)
    return pytest.param(text, expected, canonical, id=id)


# Every distinct non-empty Venue cell of the seed, the commented-out row (line 32) included.
SEED_VENUES = [
    case("Computer Methods and Programs in Biomedicine, 2022",
         "Computer Methods and Programs in Biomedicine", 2022, None, "journal",
         "Computer Methods and Programs in Biomedicine, 2022", id="cmpb-journal"),
    case("ACCV Workshop, 2022", "ACCV Workshop", 2022, None, "workshop",
         "ACCV Workshop, 2022", id="accv-workshop"),
    case("NeurIPS, 2022", "NeurIPS", 2022, 12, "conference", "NeurIPS, 2022", id="neurips-2022"),
    case("arXiv, Nov., 2022", "arXiv", 2022, 11, "preprint", "arXiv, Nov., 2022",
         id="arxiv-nov-2022"),
    case("arXiv, Oct., 2022", "arXiv", 2022, 10, "preprint", "arXiv, Oct., 2022",
         id="arxiv-oct-2022"),
    case("IEEE TCC, 2022", "IEEE TCC", 2022, None, "journal", "IEEE TCC, 2022", id="ieee-tcc"),
    case("OpenReview, Sept., 2022", "OpenReview", 2022, 9, "preprint", "OpenReview, Sep., 2022",
         id="openreview-sept"),
    case("arXiv, Sept., 2022", "arXiv", 2022, 9, "preprint", "arXiv, Sep., 2022",
         id="arxiv-sept-2022"),
    case("CCIS, 2022", "CCIS", 2022, None, None, "CCIS, 2022", id="ccis-unknown"),
    case("KDD, 2022", "KDD", 2022, 8, "conference", "KDD, 2022", id="kdd"),
    case("arXiv, Aug., 2022", "arXiv", 2022, 8, "preprint", "arXiv, Aug., 2022",
         id="arxiv-aug-2022"),
    case("ICPTS, 2022", "ICPTS", 2022, None, None, "ICPTS, 2022", id="icpts-unknown"),
    case("arXiv, Jul., 2022", "arXiv", 2022, 7, "preprint", "arXiv, Jul., 2022",
         id="arxiv-jul-2022"),
    case("GECCO, 2022", "GECCO", 2022, 7, "conference", "GECCO, 2022", id="gecco"),
    case("IJCNN, 2022", "IJCNN", 2022, 7, "conference", "IJCNN, 2022", id="ijcnn-2022"),
    case("CVPRW, 2022", "CVPRW", 2022, None, "workshop", "CVPRW, 2022", id="cvprw"),
    case("CVPR, 2022", "CVPR", 2022, 6, "conference", "CVPR, 2022", id="cvpr"),
    case("arXiv, Jun., 2022", "arXiv", 2022, 6, "preprint", "arXiv, Jun., 2022",
         id="arxiv-jun-2022"),
    case("ICML 2022", "ICML", 2022, 7, "conference", "ICML, 2022", id="icml-no-comma"),
    case("ICML, 2022", "ICML", 2022, 7, "conference", "ICML, 2022", id="icml-2022"),
    case("ICLR, 2022", "ICLR", 2022, 5, "conference", "ICLR, 2022", id="iclr-2022"),
    case("arXiv, Apr. 2022", "arXiv", 2022, 4, "preprint", "arXiv, Apr., 2022",
         id="arxiv-apr-no-comma"),
    case("NIGERCON, 2022", "NIGERCON", 2022, None, None, "NIGERCON, 2022", id="nigercon-unknown"),
    case("JCSE, 2022", "JCSE", 2022, None, None, "JCSE, 2022", id="jcse-unknown"),
    case("arXiv, Jan, 2022", "arXiv", 2022, 1, "preprint", "arXiv, Jan., 2022",
         id="arxiv-jan-no-dot"),
    case("NeurIPS, 2021", "NeurIPS", 2021, 12, "conference", "NeurIPS, 2021", id="neurips-2021"),
    case("arXiv, Oct., 2021", "arXiv", 2021, 10, "preprint", "arXiv, Oct., 2021",
         id="arxiv-oct-2021"),
    case("IJCNN, 2021", "IJCNN", 2021, 7, "conference", "IJCNN, 2021", id="ijcnn-2021"),
    case("ICML, 2021", "ICML", 2021, 7, "conference", "ICML, 2021", id="icml-2021"),
    case("ICLR, 2021", "ICLR", 2021, 5, "conference", "ICLR, 2021", id="iclr-2021"),
    case("LNISA, 2021", "LNISA", 2021, None, None, "LNISA, 2021", id="lnisa-unknown"),
    case("arXiv, Apr., 2021", "arXiv", 2021, 4, "preprint", "arXiv, Apr., 2021",
         id="arxiv-apr-2021"),
    case("AAAI, 2021", "AAAI", 2021, 2, "conference", "AAAI, 2021", id="aaai"),
    case("NeurIPS workshop, 2020", "NeurIPS workshop", 2020, None, "workshop",
         "NeurIPS workshop, 2020", id="neurips-workshop"),
    case("BigCom, 2021", "BigCom", 2021, None, None, "BigCom, 2021", id="bigcom-unknown"),
    case("arXiv, Aug., 2020", "arXiv", 2020, 8, "preprint", "arXiv, Aug., 2020",
         id="arxiv-aug-2020"),
    case("ICIP, 2020", "ICIP", 2020, 10, "conference", "ICIP, 2020", id="icip"),
    case("arXiv, Jun., 2019", "arXiv", 2019, 6, "preprint", "arXiv, Jun., 2019",
         id="arxiv-jun-2019"),
    case("arXiv, Nov., 2018", "arXiv", 2018, 11, "preprint", "arXiv, Nov., 2018",
         id="arxiv-nov-2018"),
]  # fmt: skip

# Shapes seen in other paper lists.
OTHER_SHAPES = [
    case("CVPR'23", "CVPR", 2023, 6, "conference", "CVPR, 2023", id="apostrophe-year"),
    case("NeurIPS 2023", "NeurIPS", 2023, 12, "conference", "NeurIPS, 2023", id="space"),
    case("ICLR 2024 (Oral)", "ICLR", 2024, 5, "conference", "ICLR, 2024 (Oral)",
         extra="(Oral)", id="oral-note"),
    case("NeurIPS 2022 Spotlight", "NeurIPS", 2022, 12, "conference", "NeurIPS, 2022 Spotlight",
         extra="Spotlight", id="bare-note"),
    case("[ICML'22]", "ICML", 2022, 7, "conference", "ICML, 2022", id="bracketed"),
    case("ICML-2022", "ICML", 2022, 7, "conference", "ICML, 2022", id="hyphen"),
    case("ICML (2022)", "ICML", 2022, 7, "conference", "ICML, 2022", id="parenthesised-year"),
    case("AAAI 2021", "AAAI", 2021, 2, "conference", "AAAI, 2021", id="aaai-space"),
    case("TPAMI 2023", "TPAMI", 2023, None, "journal", "TPAMI, 2023", id="tpami"),
    case("IEEE TPAMI, 2023", "IEEE TPAMI", 2023, None, "journal", "IEEE TPAMI, 2023",
         id="ieee-prefix"),
    case("IEEE TNNLS, 2023", "IEEE TNNLS", 2023, None, "journal", "IEEE TNNLS, 2023",
         id="ieee-t-star"),
    case("IEEE TMLCN, 2023", "IEEE TMLCN", 2023, None, "journal", "IEEE TMLCN, 2023",
         id="unknown-ieee-transactions"),
    case("IEEE/CVF CVPR 2022", "IEEE/CVF CVPR", 2022, 6, "conference", "IEEE/CVF CVPR, 2022",
         id="cvf-prefix"),
    case("IJCV, 2021", "IJCV", 2021, None, "journal", "IJCV, 2021", id="ijcv"),
    case("ECCV2022", "ECCV", 2022, 10, "conference", "ECCV, 2022", id="glued-year"),
    case("arXiv 2306.12345", "arXiv 2306.12345", None, None, "preprint", None, id="arxiv-id"),
    case("arXiv 2023", "arXiv", 2023, None, "preprint", "arXiv, 2023", id="arxiv-year"),
    case("arXiv:2306.12345, 2023", "arXiv:2306.12345", 2023, None, "preprint",
         "arXiv:2306.12345, 2023", id="arxiv-id-and-year"),
    case("Nature Communications, 2023", "Nature Communications", 2023, None, "journal",
         "Nature Communications, 2023", id="nature"),
    case("Nature Methods, 2023", "Nature Methods", 2023, None, "journal", "Nature Methods, 2023",
         id="nature-unknown"),
    case("Journal of Data Things, 2020", "Journal of Data Things", 2020, None, "journal",
         "Journal of Data Things, 2020", id="journal-word"),
    case("Pattern Recognition Letters, 2021", "Pattern Recognition Letters", 2021, None,
         "journal", "Pattern Recognition Letters, 2021", id="letters-word"),
    case("International Conference on Stuff, 2021", "International Conference on Stuff", 2021,
         None, "conference", "International Conference on Stuff, 2021", id="conference-word"),
    case("ICLR 2023 Workshop", "ICLR Workshop", 2023, None, "workshop", "ICLR Workshop, 2023",
         id="trailing-workshop"),
    case("ICCVW 2023", "ICCVW", 2023, None, "workshop", "ICCVW, 2023", id="iccvw"),
    case("ECCVW, 2022", "ECCVW", 2022, None, "workshop", "ECCVW, 2022", id="eccvw"),
    case("Workshop on Data, 2021", "Workshop on Data", 2021, None, "workshop",
         "Workshop on Data, 2021", id="workshop-on"),
    case("Preprint, 2023", "Preprint", 2023, None, "preprint", "Preprint, 2023", id="preprint"),
    case("bioRxiv, 2022", "bioRxiv", 2022, None, "preprint", "bioRxiv, 2022", id="biorxiv"),
    case("arXiv, Sep 2022", "arXiv", 2022, 9, "preprint", "arXiv, Sep., 2022", id="sep"),
    case("arXiv, September 2022", "arXiv", 2022, 9, "preprint", "arXiv, Sep., 2022",
         id="september"),
    case("arXiv, Jun. 2022", "arXiv", 2022, 6, "preprint", "arXiv, Jun., 2022", id="jun-dot"),
    case("arXiv, June 2022", "arXiv", 2022, 6, "preprint", "arXiv, Jun., 2022", id="june"),
    case("arXiv, May 2022", "arXiv", 2022, 5, "preprint", "arXiv, May, 2022", id="may-no-dot"),
    case("arXiv, 2022, Sep.", "arXiv", 2022, 9, "preprint", "arXiv, Sep., 2022",
         id="month-after-year"),
    case("arXiv, 2022-09", "arXiv", 2022, 9, "preprint", "arXiv, Sep., 2022", id="iso-month"),
    case("Nov., 2023", None, 2023, 11, None, None, id="date-with-no-venue"),
    case("Sept 2023", None, 2023, 9, None, None, id="date-with-no-venue-sept"),
    case("Jan, 2022-02", "Jan", 2022, 2, None, "Jan, Feb., 2022", id="month-word-name-iso-month"),
    case("NeurIPS, Nov., 2022", "NeurIPS", 2022, 11, "conference", "NeurIPS, Nov., 2022",
         id="explicit-month-wins"),
    case("NeurIPS, Dec., 2022", "NeurIPS", 2022, 12, "conference", "NeurIPS, Dec., 2022",
         id="explicit-usual-month-kept"),
    case("neurips 2022", "neurips", 2022, 12, "conference", "neurips, 2022", id="lower-case"),
    case("NIPS, 2017", "NIPS", 2017, 12, "conference", "NIPS, 2017", id="nips"),
    case("ACM MM 2021", "ACM MM", 2021, 10, "conference", "ACM MM, 2021", id="acm-mm"),
    case("OpenReview", "OpenReview", None, None, "preprint", None, id="openreview-no-year"),
    case("TBD", "TBD", None, None, None, None, id="tbd"),
    case("Under review", "Under review", None, None, None, None, id="under-review"),
    case("  ICML, 2022  ", "ICML", 2022, 7, "conference", "ICML, 2022", id="padded"),
    case("2022", None, 2022, None, None, None, id="year-only"),
    case("ICML 2022 2023", "ICML", 2022, 7, "conference", None, extra="2023",
         id="two-years-not-canonical"),
]  # fmt: skip


def seed_venue_cells() -> set[str]:
    """The Venue cell of every pipe row of the seed, commented-out rows included."""
    cells = set()
    for line in SEED.read_text(encoding="utf-8").split("\n"):
        row = line.removeprefix("<!--").strip()
        if not row.startswith("|"):
            continue
        venue = row.split("|")[VENUE_COLUMN + 1].strip()
        if venue and venue != "Venue" and set(venue) != {"-"}:
            cells.add(venue)
    return cells


def test_seed_table_lists_every_seed_venue() -> None:
    listed = {param.values[0] for param in SEED_VENUES}
    assert listed == seed_venue_cells()
    assert len(SEED_VENUES) == len(listed) == 39


@pytest.mark.parametrize(("text", "expected", "canonical"), [*SEED_VENUES, *OTHER_SHAPES])
def test_parse_venue(text: str, expected: ParsedVenue, canonical: str | None) -> None:
    assert parse_venue(text) == expected


@pytest.mark.parametrize(("text", "expected", "canonical"), [*SEED_VENUES, *OTHER_SHAPES])
def test_canonical_venue(text: str, expected: ParsedVenue, canonical: str | None) -> None:
    parsed = parse_venue(text)
    assert parsed is not None
    assert canonical_venue(parsed) == canonical


@pytest.mark.parametrize("text", ["", "   ", "\t\n"], ids=["empty", "spaces", "tab-newline"])
def test_empty_cell_is_none(text: str) -> None:
    assert parse_venue(text) is None


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        pytest.param("abbrev-dot", "arXiv, Sep., 2022", id="abbrev-dot"),
        pytest.param("abbrev", "arXiv, Sep, 2022", id="abbrev"),
        pytest.param("full", "arXiv, September, 2022", id="full"),
        pytest.param("number", "arXiv, 2022-09", id="number-is-iso"),
    ],
)
def test_month_styles(style: MonthStyle, expected: str) -> None:
    parsed = parse_venue("arXiv, Sept., 2022 ")
    assert parsed is not None
    assert canonical_venue(parsed, style) == expected


def test_implied_month_is_never_written() -> None:
    parsed = parse_venue("ICML 2022")
    assert parsed is not None and parsed.month == 7
    assert canonical_venue(parsed, "number") == "ICML, 2022"


def test_hand_built_venue_with_unusual_month_keeps_it() -> None:
    venue = ParsedVenue("", "ICML", 2022, 3, "conference", None)
    assert canonical_venue(venue) == "ICML, Mar., 2022"


@pytest.mark.parametrize(
    ("text", "year"),
    [
        pytest.param("2022", 2022, id="bare"),
        pytest.param("2022-05", 2022, id="iso-month"),
        pytest.param("2022-05-17", 2022, id="iso-date"),
        pytest.param("May 2022", 2022, id="month-year"),
        pytest.param("'22", 2022, id="apostrophe"),
        pytest.param("’99", 1999, id="curly-apostrophe-last-century"),
        pytest.param("Papers in 2021 [[Back-to-top]]", 2021, id="heading"),
        pytest.param("1950", 1950, id="lower-bound"),
        pytest.param("2099", 2099, id="upper-bound"),
        pytest.param("1949", None, id="too-early"),
        pytest.param("2100", None, id="too-late"),
        pytest.param("20221", None, id="five-digits"),
        pytest.param("2306.12345", None, id="arxiv-id"),
        pytest.param("22", None, id="two-digits-without-apostrophe"),
        pytest.param("TBD", None, id="no-digits"),
        pytest.param("", None, id="empty"),
    ],
)
def test_extract_year(text: str, year: int | None) -> None:
    assert extract_year(text) == year


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("neurips", "NeurIPS", id="case"),
        pytest.param("NIPS", "NIPS", id="nips-stays-nips"),
        pytest.param("IEEE TPAMI", "TPAMI", id="ieee-prefix"),
        pytest.param("  acm   mm ", "ACM MM", id="spacing"),
        pytest.param("cvprw", "CVPRW", id="w-suffix"),
        pytest.param("NeurIPS workshop", "NeurIPS Workshop", id="workshop-word"),
        pytest.param("BigCom", None, id="unknown"),
        pytest.param("TBDW", None, id="unknown-w-suffix"),
    ],
)
def test_known_name(name: str, expected: str | None) -> None:
    assert known_name(name) == expected


def test_known_venues_cover_the_required_names() -> None:
    conferences = (
        "NeurIPS", "NIPS", "ICML", "ICLR", "CVPR", "ICCV", "ECCV", "AAAI", "IJCAI", "KDD", "ACL",
        "EMNLP", "NAACL", "WWW", "SIGIR", "MICCAI", "ACCV", "WACV", "BMVC", "ICIP", "ICASSP",
        "IJCNN", "GECCO", "CIKM", "ICDM", "SDM", "ACM MM", "COLT", "AISTATS", "UAI", "CoRL",
        "ICRA", "IROS", "INTERSPEECH",
    )  # fmt: skip
    for name in conferences:
        kind, month = KNOWN_VENUES[name]
        assert kind == "conference" and month is not None, name
    for name in ("TPAMI", "IJCV", "JMLR", "TMLR", "TNNLS", "TIP", "IEEE TCC", "Neurocomputing"):
        assert KNOWN_VENUES[name] == ("journal", None)
    for name in ("arXiv", "bioRxiv", "medRxiv", "SSRN", "OpenReview"):
        assert KNOWN_VENUES[name] == ("preprint", None)
    assert all(month is None or 1 <= month <= 12 for _, month in KNOWN_VENUES.values())


VENUE_WORDS = st.sampled_from(
    ["ICML", "NeurIPS", "arXiv", "Workshop", "workshop", "IEEE", "TCC", "Sep.", "Sept", "May",
     "Jan", "(Oral)", "Spotlight", "2022", "'23", "2022-09", "1999", "2306.12345", "[", "]",
     "(", ")", ",", ", ", " ", "-", "'", ".", "W", "Journal", "Nature"]
)  # fmt: skip
VENUE_LIKE = st.lists(st.one_of(VENUE_WORDS, st.text(max_size=3)), max_size=8).map("".join)
STYLES = st.sampled_from(["abbrev-dot", "abbrev", "full", "number"])


@given(st.text())
def test_parse_venue_never_raises(text: str) -> None:
    parsed = parse_venue(text)
    if parsed is not None:
        assert parsed.raw == text.strip()
        assert parsed.month is None or 1 <= parsed.month <= 12
        assert parsed.year is None or 1950 <= parsed.year <= 2099


def values(venue: ParsedVenue | None) -> tuple[object, ...] | None:
    """Everything but ``raw``: what the record keeps and what a safe fix must not change."""
    if venue is None:
        return None
    return (venue.name, venue.year, venue.month, venue.kind, venue.extra)


@given(st.one_of(VENUE_LIKE, st.text()), STYLES)
def test_canonical_venue_is_idempotent(text: str, style: MonthStyle) -> None:
    parsed = parse_venue(text)
    once = canonical_venue(parsed, style) if parsed is not None else None
    if once is None:
        return
    reparsed = parse_venue(once)
    assert reparsed is not None
    assert canonical_venue(reparsed, style) == once
    assert values(reparsed) == values(parsed)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("a" * 100_000, id="letters"),
        pytest.param("2" * 100_000, id="digits"),
        pytest.param(" ," * 50_000 + "x", id="separators"),
        pytest.param("'" * 100_000, id="apostrophes"),
        pytest.param("2022." * 20_000, id="arxiv-like"),
        pytest.param("Sep " * 25_000 + "2022", id="months"),
        pytest.param("(" * 50_000 + "2022" + ")" * 50_000, id="parentheses"),
        pytest.param("\x00\x1f\u2028" * 33_000, id="control-chars"),
        pytest.param("x 2022 " + "- " * 50_000 + "y", id="long-tail"),
    ],
)
def test_parse_venue_is_linear_on_long_input(text: str) -> None:
    start = time.perf_counter()
    parsed = parse_venue(text)
    if parsed is not None:
        canonical_venue(parsed)
        extract_year(text)
    assert time.perf_counter() - start < 0.5
