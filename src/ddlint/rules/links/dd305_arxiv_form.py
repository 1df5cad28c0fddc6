"""DD305 arxiv-form: an arXiv link not in the list's usual form.

## What it does
Reads every arXiv link of the paper rows (`arxiv.org/abs/ID`, `arxiv.org/pdf/ID`,
`arxiv.org/pdf/ID.pdf`, each optionally pinned to a version `vN`) and reports the
links that break the list's own convention. The list has a convention only when
it is clear: at least 80 % of the rows with an arXiv link use one form, and at
least 5 rows do; otherwise (a short list, or one that mixes forms) the form is not
reported, unless the `arxiv-form` option names one. A link whose label names its
form (`[PDF]`, `[abs]`) keeps that form and is left out of the count; a bare URL's
label is the URL itself and names nothing. A version pin is reported only when
unpinned links are as clear a convention (80 % of the rows with an arXiv link, and
at least 5 rows); otherwise pins are left alone.

## Why is this bad?
The same list links some papers to the abstract page and others straight to a PDF
download, so readers never know what a click does; mixed forms also hide duplicates.
A pinned version silently keeps readers on an old revision.

## Example
```markdown
| Author | Title | Venue |
|---|---|---|
| Ada et al | [**Engine**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |
| Alan et al | [**Tables**](https://arxiv.org/pdf/2201.00003.pdf) | ICML, 2022 |
| Grace et al | [**Compilers**](https://arxiv.org/abs/2112.00004v2) | arXiv, Dec., 2021 |
| Kurt et al | [**Proofs**](https://arxiv.org/abs/2111.00005) | arXiv, Nov., 2021 |
| Emmy et al | [**Rings**](https://arxiv.org/abs/2110.00006) | arXiv, Oct., 2021 |
| John et al | [**Games**](https://arxiv.org/abs/2109.00007) | arXiv, Sep., 2021 |
```

## Use instead
```markdown
| Author | Title | Venue |
|---|---|---|
| Ada et al | [**Engine**](https://arxiv.org/abs/2201.00001) | ICML, 2022 |
| Alan et al | [**Tables**](https://arxiv.org/abs/2201.00003) | ICML, 2022 |
| Grace et al | [**Compilers**](https://arxiv.org/abs/2112.00004) | arXiv, Dec., 2021 |
| Kurt et al | [**Proofs**](https://arxiv.org/abs/2111.00005) | arXiv, Nov., 2021 |
| Emmy et al | [**Rings**](https://arxiv.org/abs/2110.00006) | arXiv, Oct., 2021 |
| John et al | [**Games**](https://arxiv.org/abs/2109.00007) | arXiv, Sep., 2021 |
```

## Fix safety
The link is rewritten to `https://arxiv.org/<form>/<id>` in the usual form. Safe
when the version is kept: the abstract page and the PDF are the same paper, and
records compare arXiv links by id. Unsafe when a version pin is dropped: readers
then get the latest revision, and the pin may have been deliberate. A link with a
query or fragment, a bare URL or autolink is only reported.

## Options
`arxiv-form`: `abs` or `pdf`, instead of the list's convention; set, the form is
reported however few rows the list has. It does not change when pins are reported.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Literal

from ddlint.inline.parse import InlineLink
from ddlint.inline.urls import arxiv_parts, arxiv_url, split_url
from ddlint.rules.base import Rule, RuleContext, safe_fix, unsafe_fix
from ddlint.rules.links._links import Located, describe, paper_links
from ddlint.rules.options import Option
from ddlint.text.findings import Finding

Form = tuple[str, bool]  # ("abs" | "pdf", has the .pdf suffix)
_LABEL_FORM = re.compile(r"\b(?:pdf|abs|abstract)\b", re.IGNORECASE)
_NAMES = {("abs", False): "/abs/ID", ("pdf", False): "/pdf/ID", ("pdf", True): "/pdf/ID.pdf"}

ARXIV_FORM: Option[Literal["abs", "pdf"] | None] = Option(
    "arxiv-form",
    Literal["abs", "pdf"] | None,
    None,
    "the arXiv link form, instead of the list's convention",
)


class ArxivForm(Rule):
    __doc__ = __doc__
    code = "DD305"
    name = "arxiv-form"
    scope = "row"
    fixable = "sometimes"
    fix_safety = "mixed"
    options = (ARXIV_FORM,)

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        # Each arXiv link, its parts, the form its label names, and its row.
        found: list[tuple[Located, tuple[str, str, str, bool], str | None, int]] = []
        links = paper_links(ctx)
        for index, url in enumerate(links.urls):
            if "arxiv" not in url.lower():  # arxiv_parts' own test, without the call
                continue
            parts = arxiv_parts(url.strip())
            if parts is not None:
                located = links.locate(index)
                row = links.owners[index][0]
                found.append((located, parts, _named_form(located.link), row))
        if not found:
            return
        # The rows that show each form (a link whose label names its form shows none).
        form_rows: dict[Form, set[int]] = {}
        for _, (form, _, _, suffix), named, row in found:
            if named is None:
                form_rows.setdefault((form, form == "pdf" and suffix), set()).add(row)
        forms = Counter({form: len(rows) for form, rows in form_rows.items()})
        shown = len(set().union(*form_rows.values()))
        target = _target_form(forms, shown, ctx.settings[ARXIV_FORM])
        arxiv_rows = {row for *_, row in found}
        unpinned = {row for _, parts, _, row in found if not parts[2]}
        drop_pins = _is_clear(len(unpinned), len(arxiv_rows))
        for located, (form, arxiv_id, version, suffix), named, _ in found:
            own = (form, form == "pdf" and suffix)
            wanted = own if target is None or (named is not None and named != target[0]) else target
            wrong_form = own != wanted
            wrong_pin = bool(version) and drop_pins
            if not (wrong_form or wrong_pin):
                continue
            keep = "" if drop_pins else version
            new_url = arxiv_url(arxiv_id, wanted[0], keep, wanted[1])
            edit = None
            split = split_url(located.link.url.strip())
            if not (split.query or split.fragment):
                edit = located.rewrite(new_url)
            what = []
            if wrong_form:
                what.append(f"uses {_NAMES[(form, form == 'pdf' and suffix)]}")
            if wrong_pin:
                what.append(f"pins version {version}")
            make = unsafe_fix if wrong_pin else safe_fix
            yield ctx.finding(
                self,
                located.where,
                f"arXiv link `{describe(located.link)}` {' and '.join(what)}; this list "
                f"uses {_NAMES[wanted] if target else 'arXiv links'}"
                f"{' without a version' * drop_pins}: use {new_url}",
                fix=make(f"rewrite to {new_url}", edit) if edit else None,
            )


def _named_form(link: InlineLink) -> str | None:
    """The form a link's label names (`[PDF]`, `[abstract]`): kept as the label says. A
    bare URL or an autolink is labelled by its own URL, which names no form."""
    if link.kind in ("bare", "autolink") or link.label.strip() == link.url.strip():
        return None
    match = _LABEL_FORM.search(link.label)
    if match is None:
        return None
    return "pdf" if match.group().lower() == "pdf" else "abs"


def _is_clear(rows: int, shown: int) -> bool:
    """Whether ``rows`` of the ``shown`` rows that show a property make a clear convention
    (issue #19, principle 1): at least 80 % of them, and at least 5 rows."""
    return rows >= _CLEAR_ROWS and rows * 100 >= shown * _CLEAR_PERCENT


_CLEAR_PERCENT = 80
_CLEAR_ROWS = 5


def _target_form(forms: Counter[Form], shown: int, option: str | None) -> Form | None:
    """The form links should have: the option's, or the list's clear convention, if any.
    ``forms``: the rows that show each form; ``shown``: the rows that show any."""
    if option == "abs":
        return ("abs", False)
    if option == "pdf":
        return ("pdf", forms[("pdf", True)] >= forms[("pdf", False)])
    ranked = sorted(forms.items(), key=lambda item: (-item[1], item[0] != ("abs", False)))
    if not ranked or not _is_clear(ranked[0][1], shown):
        return None  # no clear convention: the list mixes forms, or has too few rows
    return ranked[0][0]


RULE = ArxivForm
