"""ddlint.records.columns: header text → the fields a column feeds."""

from __future__ import annotations

import pytest

from ddlint.records.columns import (
    DEFAULT_ALIASES,
    FIELDS,
    ColumnMap,
    Field,
    header_key,
    map_columns,
)

SEED_HEADERS = ["Author", "Title", "Type", "Task", "Dataset", "Venue", "Supp. Material"]


def _fields(header: str) -> tuple[Field, ...]:
    return map_columns([header]).fields[0]


FAMILIES: dict[Field, list[str]] = {
    "authors": ["Author", "Authors", "Author(s)", "First Author", "**AUTHORS**", "Author Name"],
    "title": ["Title", "Paper", "Papers", "Name", "Paper Name", "Paper Title", "**Title**"],
    "paper_link": ["Paper Link", "PDF"],
    "type": ["Type", "Method", "Methods"],
    "task": ["Task", "Tasks", "Application"],
    "datasets": ["Dataset", "Datasets", "Data", "Dataset Name"],
    "venue": [
        "Venue",
        "Conference",
        "Conf",
        "Conf.",
        "Journal",
        "Publication",
        "Pub",
        "Pub.",
        "Published",
        "Published In",
        "Where",
        "Conference Name",
    ],
    "year": ["Year", "Publication Year"],
    "date": ["Date", "Time", "Published Date", "Publication Date"],
    "links": [
        "Code",
        "Supp. Material",
        "Supplementary",
        "Links",
        "Link",
        "Resources",
        "Project",
        "Project Page",
        "Github",
        "Repo",
        "Implementation",
        "[Code](https://x)",
    ],
    "number": ["No.", "#", "No", "Index", "ID"],
    "topic": ["Topic", "Keywords", "Tags", "Category"],
}


@pytest.mark.parametrize(
    ("header", "field"),
    [
        pytest.param(header, field, id=f"{field}:{header}")
        for field, headers in FAMILIES.items()
        for header in headers
    ],
)
def test_alias_families(header: str, field: Field) -> None:
    assert _fields(header) == (field,)


@pytest.mark.parametrize(
    ("header", "fields"),
    [
        pytest.param("Title & Authors", ("title", "authors"), id="title-and-authors"),
        pytest.param("Title and Authors", ("title", "authors"), id="word-and"),
        pytest.param("Venue / Year", ("venue", "year"), id="slash"),
        pytest.param("Paper (Venue)", ("title", "venue"), id="parenthesised"),
        pytest.param("📄 Paper", ("title",), id="emoji-paper"),
        pytest.param("🔗 **Links**", ("links",), id="emoji-links"),
        pytest.param("✨ Highlights", (), id="unknown"),
        pytest.param("", (), id="empty"),
        pytest.param("Remarks", (), id="remarks"),
    ],
)
def test_headers(header: str, fields: tuple[Field, ...]) -> None:
    assert _fields(header) == fields


@pytest.mark.parametrize(
    ("header", "key"),
    [
        pytest.param("**Title**", "title", id="bold"),
        pytest.param("__Paper__  Title", "paper title", id="underscores"),
        pytest.param("`Code`", "code", id="code"),
        pytest.param("[Venue](#venues)", "venue", id="link"),
        pytest.param("📄 Paper", "paper", id="emoji"),
        pytest.param("Supp. Material", "supp. material", id="dots-kept"),
        pytest.param("Author(s)", "authors", id="author-s"),
        pytest.param("No.", "no.", id="no"),
        pytest.param("#", "#", id="hash"),
        pytest.param("Title&nbsp;<br>Authors", "title authors", id="html"),
    ],
)
def test_header_key(header: str, key: str) -> None:
    assert header_key(header) == key


def test_seed_header() -> None:
    columns = map_columns(SEED_HEADERS)
    assert columns.headers == tuple(SEED_HEADERS)
    assert columns.fields == (
        ("authors",),
        ("title",),
        ("type",),
        ("task",),
        ("datasets",),
        ("venue",),
        ("links",),
    )
    assert columns.is_paper_table
    assert columns.column_of("venue") == 5
    assert columns.column_of("year") is None


def test_title_and_paper_side_by_side() -> None:
    columns = map_columns(["Title", "Paper", "Year"])
    assert columns.fields == (("title",), ("paper_link",), ("year",))
    assert map_columns(["Paper", "Year"]).fields[0] == ("title",)
    assert map_columns(["Paper Title", "Paper"]).fields == (("title",), ("paper_link",))


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        pytest.param(["", "", ""], False, id="empty-header-row"),
        pytest.param(["Title", "Description"], False, id="title-only"),
        pytest.param(["Name", "Stars"], False, id="repo-list"),
        pytest.param(["Author", "Year"], False, id="no-title"),
        pytest.param(["Paper", "Code"], True, id="paper-code"),
        pytest.param(["Title & Authors", "Tags"], True, id="combined"),
    ],
)
def test_is_paper_table(headers: list[str], expected: bool) -> None:
    assert map_columns(headers).is_paper_table is expected


def test_column_of_returns_the_first() -> None:
    columns = ColumnMap(("Code", "Links"), (("links",), ("links",)))
    assert columns.column_of("links") == 0


def test_user_aliases_win() -> None:
    aliases = {"Paper": "paper_link", "Highlights": "topic", "Venue/Year": "venue", "📄": "title"}
    columns = map_columns(["📄", "Paper", "✨ Highlights", "Venue/Year", "Code"], aliases)
    assert columns.fields == (("title",), ("paper_link",), ("topic",), ("venue",), ("links",))


def test_user_alias_with_unknown_field() -> None:
    with pytest.raises(ValueError, match=r"unknown field 'journal'.*allowed: authors, title"):
        map_columns(["Where"], {"Where": "journal"})


def test_default_aliases_are_fields() -> None:
    assert set(DEFAULT_ALIASES.values()) <= set(FIELDS)
    assert DEFAULT_ALIASES["supp material"] == "links"
