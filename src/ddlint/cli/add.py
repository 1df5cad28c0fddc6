"""``ddlint add ID…``: look papers up and write one row each into the list.

Exit codes: 0 written (or, with ``--diff``, shown); 1 a paper is already in the list
(nothing written); 2 an error: an id no source knows, a source that failed, a table
that cannot be told, a file that cannot be read or changed while ddlint worked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ddlint.cli.options import fail
from ddlint.engine.config import Config, ConfigError, find_config, load_config
from ddlint.text.errors import InputError
from ddlint.text.source import Source, SourceError, read_source, write_atomic

if TYPE_CHECKING:  # the add stage loads when the command runs (start-up time)
    from ddlint.add import NewPaper
    from ddlint.add.duplicates import DuplicateError
    from ddlint.net.metadata import MetadataOptions

ADD_EXIT_CODES = """\b
Exit codes: 0 written (or shown, with --diff), 1 a paper is already in the list
(nothing written), 2 an error (an unknown id, a source that failed, no table to tell)."""


@click.command(epilog=ADD_EXIT_CODES, context_settings={"show_default": True})
@click.argument("ids", nargs=-1)
@click.option("--file", "path", default="README.md", metavar="PATH", help="The list to add to.")
@click.option(
    "--section",
    default=None,
    help="The section (table) to add to, named loosely.  [default: the paper's year "
    "section, or the list's only table]",
)
@click.option(
    "--code",
    default=None,
    metavar="URL",
    help="The paper's code, as a [Code] link.  [default: none]",
)
@click.option(
    "--diff", "show_diff", is_flag=True, help="Print the change as a diff; write nothing."
)
@click.option(
    "--title",
    default=None,
    help="The paper's title: the row is built from the flags alone, with no lookup.  "
    "[default: look the id up]",
)
@click.option(
    "--authors",
    default=None,
    help="The authors, separated by commas; with an id, instead of the source's.  "
    "[default: the source's, or none]",
)
@click.option(
    "--venue",
    default=None,
    help="The venue, e.g. ICML or 'arXiv, Dec., 2022'; with an id, instead of the "
    "source's.  [default: the source's, or none]",
)
@click.option(
    "--year",
    type=int,
    default=None,
    help="The year; with an id, instead of the source's.  [default: the source's, the "
    "venue's, or the arXiv id's]",
)
@click.option(
    "--url",
    default=None,
    help="The paper's URL; with an id, instead of the source's.  [default: the source's, "
    "or the id given]",
)
@click.option(
    "--allow-private",
    is_flag=True,
    help="Let the lookups reach loopback, private and link-local addresses.",
)
@click.option(
    "--cache-dir",
    type=click.Path(),
    default=None,
    help="The root of every cache; metadata is cached in its metadata/ folder (or the "
    "config's cache-dir).  [default: ddlint's folder in the user cache directory]",
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write the metadata cache.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(),
    default=None,
    help="The config file to use.  [default: the nearest .ddlint.toml, or pyproject.toml "
    "with [tool.ddlint], above the file]",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, no summary.")
@click.option(
    "--debug", is_flag=True, help="Show the traceback of an internal error (a ddlint bug)."
)
def add(
    ids: tuple[str, ...],
    path: str,
    section: str | None,
    code: str | None,
    show_diff: bool,
    title: str | None,
    authors: str | None,
    venue: str | None,
    year: int | None,
    url: str | None,
    allow_private: bool,
    cache_dir: str | None,
    no_cache: bool,
    config_path: str | None,
    quiet: bool,
    debug: bool,  # read by ``cli.main``, which catches an internal error
) -> None:
    """Look papers up (arXiv ids or URLs, DOIs, OpenReview URLs) and add a row for each
    to the list, in its table, its place and its style.

    With --title, the row is built from the flags alone (no lookup). Without it,
    --authors, --venue, --year and --url take the place of what the source says of the
    one paper looked up."""
    offline = Offline(authors, venue, year, url, title=title) if title is not None else None
    given = Given(authors, venue, year, url) if title is None else None
    options = None
    if offline is None:
        config = _config(path, config_path)
        found = Path(config_path) if config_path is not None else find_config(Path(path))
        folder = None if no_cache else _cache_folder(cache_dir, config, found)
        options = _metadata_options(config, allow_private, folder, not quiet)
    request = AddRequest(
        ids, path, section, code, show_diff, offline, quiet, config_path, given or None
    )
    raise SystemExit(run_add(request, options))


@dataclass(frozen=True)
class Given:
    """``--authors --venue --year --url`` with an id: what the source says, replaced."""

    authors: str | None = None
    venue: str | None = None
    year: int | None = None
    url: str | None = None

    def __bool__(self) -> bool:
        return any(value is not None for value in vars(self).values())


@dataclass(frozen=True)
class Offline(Given):
    """``--title --authors --venue --year --url``: a row without lookup."""

    title: str = ""


@dataclass(frozen=True)
class AddRequest:
    ids: tuple[str, ...]
    path: str = "README.md"
    section: str | None = None
    code: str | None = None
    show_diff: bool = False
    offline: Offline | None = None
    quiet: bool = False
    config_path: str | None = None
    given: Given | None = None  # with a lookup: the flags that replace the source's values


def run_add(request: AddRequest, options: MetadataOptions | None) -> int:
    """Do the command (``options``: how to ask the sources); the exit code."""
    config = _config(request.path, request.config_path)
    try:
        source = read_source(request.path, max_bytes=config.max_file_size)
    except SourceError as exc:
        return fail(str(exc))
    ids, code = request.ids, request.code
    listed = _refuse_listed(source, ids, config)
    if listed is not None:
        return listed
    if request.offline is not None:
        paper = _offline(ids, request.offline, code)
        if isinstance(paper, int):
            return paper
        if not (paper.url or paper.authors or paper.venue):
            # A row with nothing but a title is no paper row to read (DD201's template
            # row); a listed paper is still told as such first.
            listed = _refuse_listed(source, (), config, [paper])
            return (
                listed
                if listed is not None
                else fail(
                    "--title needs --url, --authors or --venue too: a title alone is no paper"
                )
            )
        papers = [paper]
    else:
        if not ids:
            return fail("give a paper id (or --title … for a row without lookup)")
        if code is not None and len(ids) > 1:
            return fail("--code names the code of one paper: give one id with it")
        if request.given and len(ids) > 1:
            return fail(
                "--authors, --venue, --year and --url describe one paper: give one id with them"
            )
        from ddlint.net.metadata import MetadataOptions

        found = _look_up(ids, code, options or MetadataOptions())
        if isinstance(found, int):
            return found
        papers = [_with_given(paper, request.given) for paper in found]
    return _write(source, papers, config, request.section, request.show_diff, request.quiet)


def _refuse_listed(
    source: Source, ids: Sequence[str], config: Config, papers: Sequence[NewPaper] = ()
) -> int | None:
    """Exit 1 when an id (or a paper) names a paper already in the list (or another's),
    before any lookup: offline, or with the source down, the answer is the same."""
    from ddlint.add import refuse_listed
    from ddlint.add.duplicates import DuplicateError
    from ddlint.net.metadata import parse_paper_id

    parsed = [(given, parse_paper_id(given)) for given in ids]
    known = [(given, paper_id) for given, paper_id in parsed if paper_id is not None]
    if len(known) < len(parsed):
        known = []  # an id that is none: the lookup says so (exit 2)
    if not known and not papers:
        return None
    try:
        refuse_listed(source.text, known, config.settings(), papers)
    except DuplicateError as exc:
        return _refused(source, exc)
    return None


def _refused(source: Source, exc: DuplicateError) -> int:
    for refused in exc.refused:
        click.echo(f"ddlint: {source.path}: {refused}", err=True)
    click.echo("ddlint: nothing was written.", err=True)
    return 1


def _with_given(paper: NewPaper, given: Given | None) -> NewPaper:
    if not given:
        return paper
    from ddlint.add.paper import with_given

    return with_given(
        paper, authors=given.authors, venue=given.venue, year=given.year, url=given.url
    )


def _offline(ids: Sequence[str], given: Offline, code: str | None) -> NewPaper | int:
    from ddlint.add.paper import offline_paper
    from ddlint.records.identity import loose_key

    if len(ids) > 1:
        return fail("--title describes one paper: give at most one id with it")
    if not loose_key(given.title):
        return fail("--title holds no word: give the paper's title")
    return offline_paper(
        title=given.title,
        authors=given.authors,
        venue=given.venue,
        year=given.year,
        url=given.url or next(iter(ids), None),
        code=code,
    )


def _look_up(
    ids: Sequence[str], code: str | None, options: MetadataOptions
) -> list[NewPaper] | int:
    """The papers the sources describe, or the exit code of a failed look-up."""
    from ddlint.add.paper import from_metadata
    from ddlint.net.metadata import LookupFailure, fetch_metadata, parse_paper_id

    parsed = []
    for given in ids:
        paper_id = parse_paper_id(given)
        if paper_id is None:
            return fail(f"{given}: not an arXiv id or URL, a DOI, or an OpenReview forum URL")
        parsed.append((given, paper_id))
    found = fetch_metadata([paper_id for _, paper_id in parsed], options)
    papers: list[NewPaper] = []
    problems: list[str] = []
    for given, paper_id in parsed:
        answer = found.get(paper_id)
        if answer is None or isinstance(answer, LookupFailure):
            reason = answer.reason if answer is not None else "no answer"
            unknown = answer is None or answer.unknown
            what = "no source knows it" if unknown else "could not look it up"
            problems.append(f"{given}: {what} ({reason}); nothing was written")
            continue
        papers.append(from_metadata(answer, given, code))
    if problems:
        for problem in problems[:-1]:
            fail(problem)
        return fail(problems[-1])
    return papers


def _write(
    source: Source,
    papers: Sequence[NewPaper],
    config: Config,
    section: str | None,
    show_diff: bool,
    quiet: bool,
) -> int:
    from ddlint.add import AddError, add_papers
    from ddlint.add.duplicates import DuplicateError

    try:
        result = add_papers(source.text, papers, section=section, settings=config.settings())
    except DuplicateError as exc:
        return _refused(source, exc)
    except (AddError, InputError) as exc:
        return fail(f"{source.path}: {exc}")
    if show_diff:
        click.echo(_unified(source, result.text), nl=False)
        return 0
    try:
        write_atomic(source, result.text)
    except SourceError as exc:
        return fail(str(exc))
    if not quiet:
        for added in result.added:
            click.echo(f"{source.path}:{added.line}: added {added.row.strip()}", err=True)
    return 0


def _unified(source: Source, new: str) -> str:
    import difflib  # only --diff pays for it (start-up time: cli.main imports this module)

    return "".join(
        difflib.unified_diff(
            source.text.splitlines(keepends=True),
            new.splitlines(keepends=True),
            f"a/{source.path}",
            f"b/{source.path}",
        )
    )


def _config(path: str, config_path: str | None) -> Config:
    try:
        if config_path is not None:
            return load_config(Path(config_path))
        return load_config(find_config(Path(path)))
    except ConfigError as exc:
        raise SystemExit(fail(str(exc))) from None


def _cache_folder(cache_dir: str | None, config: Config, config_file: Path | None) -> Path:
    """Where the metadata is cached: ``--cache-dir``, else the config's ``cache-dir``
    (relative to the config file's folder), as ``ddlint check`` reads them, so that the
    two commands share one cache; else ddlint's folder in the user cache directory."""
    from ddlint.engine.resultcache import cache_root
    from ddlint.net.metadata import default_metadata_cache_dir

    root = cache_root(cache_dir, config, config_file)
    return root / "metadata" if root is not None else default_metadata_cache_dir()


def _metadata_options(
    config: Config, allow_private: bool, folder: Path | None, progress: bool
) -> MetadataOptions:
    """The sources' options: ``[tool.ddlint.metadata]``, then the command's flags, as
    ``check --check-metadata`` builds them (``folder`` None: no cache)."""
    from ddlint.api.metadatarun import options_from_config

    return options_from_config(
        config, allow_private=allow_private, cache_dir=folder, progress=progress
    )
