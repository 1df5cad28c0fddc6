"""GitHub's heading anchors (GFM-TABLES.md §11), which the link rules check fragments by."""

from __future__ import annotations

import pytest

from ddlint.gfm.anchors import document_anchors, heading_plain_text, slugify

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


@pytest.mark.parametrize(
    ("source", "anchor"),
    [
        pytest.param(
            "Notes [![Awesome](https://example.org/b.svg)](https://example.org)",
            "notes-",
            id="badge-link-at-the-end",
        ),
        pytest.param("![Logo](https://example.org/l.png) Notes", "-notes", id="image-first"),
        pytest.param('A ![b](https://example.org/b.svg "t") C', "a--c", id="image-with-title"),
        pytest.param("[Notes](https://example.org) list", "notes-list", id="link-text-kept"),
    ],
)
def test_heading_images_have_no_text(source: str, anchor: str) -> None:
    # github.com makes the anchor from the heading's text content; an image has none.
    assert document_anchors([heading_plain_text(source)]) == [anchor]
