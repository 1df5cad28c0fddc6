"""URL forms: the canonicalisation DD303, DD304 and DD305 apply, shared with record identity.

A link that a safe fix rewrites must still point at the same paper, so the
record identity compares URLs after exactly these rewrites.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import SplitResult, urlsplit, urlunsplit

# The helpers below are pure functions of a string, called by several rules and by record
# identity for every link of a list: memoised (bounded), with cheap exact pre-checks.
# 4096: enough for the links several rules look at in turn on a list of thousands of
# rows; 65536 held ~30 MB at 100 000 rows, where every link is new anyway.
_CACHE_SIZE = 1 << 12

# The common link, ``scheme://host/path?query#fragment``: printable characters, no space or
# control character anywhere (urlsplit would strip or drop those), a host of printable ASCII
# without brackets (urlsplit checks IPv6 brackets and non-ASCII hosts). For these the five
# parts fall out of one regex, exactly as urlsplit cuts them (tests/test_rules_fast_paths).
# The host's class is ``!`` to ``~`` without ``# / ? [ ]``, written as ranges: the negated
# class it equals, up to U+10FFFF, is slow to compile, and every start would compile it.
_HOST_CHAR = r"[\x21\x22\x24-\x2e\x30-\x3e\x40-\x5a\x5c\x5e-\x7e]"
_PLAIN_URL = re.compile(
    rf"([A-Za-z][A-Za-z0-9+.\-]*)://({_HOST_CHAR}*)"
    r"(/[^?#\x00-\x20\x7f]*)?(?:\?([^#\x00-\x20\x7f]*))?(?:#([^\x00-\x20\x7f]*))?"
)


def split_url(url: str) -> SplitResult:
    """``urlsplit(url)``, without its general machinery for the common link.

    Never raises: urlsplit rejects some targets GitHub still renders as links (an
    unbalanced ``[`` in the host, a host that NFKC normalisation changes). Such a target
    is one opaque path, no scheme and no host: nothing to rewrite, and DD302 reports
    that it has no valid host.
    """
    match = _PLAIN_URL.fullmatch(url)
    if match is None:
        try:
            return urlsplit(url)
        except ValueError:
            return SplitResult("", "", url, "", "")
    scheme, netloc, path, query, fragment = match.groups()
    return SplitResult(scheme.lower(), netloc, path or "", query or "", fragment or "")


def join_url(scheme: str, netloc: str, path: str, query: str, fragment: str) -> str:
    """``urlunsplit`` of the five parts; plain concatenation when a host is given and the
    path is empty or absolute, the form every web link has."""
    if not netloc or path[:1] not in ("", "/"):
        return urlunsplit((scheme, netloc, path, query, fragment))
    url = f"{scheme}://{netloc}{path}" if scheme else f"//{netloc}{path}"
    if query:
        url = f"{url}?{query}"
    return f"{url}#{fragment}" if fragment else url


# Query parameters that only track the reader, never select the resource.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "mc_cid",
        "mc_eid",
        "casa_token",
        "_hsenc",
        "_hsmi",
        "igshid",
        "yclid",
        "ref_src",
    }
)
TRACKING_PREFIXES = ("utm_",)

# Hosts that serve https; an http:// link to them is only a weaker form of the same link.
HTTPS_HOSTS = frozenset(
    {
        "arxiv.org",
        "export.arxiv.org",
        "openreview.net",
        "proceedings.mlr.press",
        "github.com",
        "gitlab.com",
        "openaccess.thecvf.com",
        "papers.nips.cc",
        "proceedings.neurips.cc",
        "aclanthology.org",
        "dl.acm.org",
        "ieeexplore.ieee.org",
        "link.springer.com",
        "www.sciencedirect.com",
        "ojs.aaai.org",
        "www.ijcai.org",
        "doi.org",
        "dx.doi.org",
        "huggingface.co",
        "paperswithcode.com",
        "www.semanticscholar.org",
        "scholar.google.com",
        "sites.google.com",
        "drive.google.com",
        "docs.google.com",
        "www.youtube.com",
        "youtube.com",
        "slideslive.com",
        "nips.cc",
        "icml.cc",
        "iclr.cc",
        "jmlr.org",
        "www.jmlr.org",
        "www.nature.com",
        "www.science.org",
        "bioRxiv.org",
        "www.biorxiv.org",
        "www.medrxiv.org",
    }
)

_ARXIV_PATH = re.compile(
    r"^/(?P<form>abs|pdf)/(?P<id>(?:\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7}))"
    r"(?P<version>v\d+)?(?P<suffix>\.pdf)?/?$"
)
ARXIV_HOSTS = frozenset({"arxiv.org", "www.arxiv.org", "export.arxiv.org"})


def is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def strip_tracking(url: str) -> str:
    """``url`` without tracking parameters; unchanged (byte for byte) when it has none.

    The parameters kept stay exactly as written (no re-encoding), so DD303's fix
    removes the tracking parameters and touches nothing else.
    """
    if "?" not in url:  # no query at all
        return url
    parts = split_url(url)
    if not parts.query:
        return url
    pairs = parts.query.split("&")
    kept = [pair for pair in pairs if not is_tracking_param(pair.split("=", 1)[0])]
    if len(kept) == len(pairs):
        return url
    return join_url(parts.scheme, parts.netloc, parts.path, "&".join(kept), parts.fragment)


def upgrade_scheme(url: str, hosts: frozenset[str] = HTTPS_HOSTS) -> str:
    """``https://`` for an ``http://`` link to a host known to serve https."""
    if url[:7].lower() != "http://":
        return url
    host = (split_url(url).hostname or "").lower()
    if host in _lowered(hosts):
        return "https://" + url[7:]
    return url


@lru_cache(maxsize=8)
def _lowered(hosts: frozenset[str]) -> frozenset[str]:
    return frozenset(host.lower() for host in hosts)


@lru_cache(maxsize=_CACHE_SIZE)
def arxiv_parts(url: str) -> tuple[str, str, str, bool] | None:
    """``(form, id, version, has_pdf_suffix)`` of an arXiv abs/pdf link, else None."""
    if "arxiv" not in url.lower():  # every arXiv host name holds it
        return None
    parts = split_url(url)
    if (parts.hostname or "").lower() not in ARXIV_HOSTS:
        return None
    match = _ARXIV_PATH.match(parts.path)
    if match is None:
        return None
    return (
        match.group("form"),
        match.group("id"),
        match.group("version") or "",
        bool(match.group("suffix")),
    )


def arxiv_url(arxiv_id: str, form: str, version: str = "", pdf_suffix: bool = False) -> str:
    suffix = ".pdf" if form == "pdf" and pdf_suffix else ""
    return f"https://arxiv.org/{form}/{arxiv_id}{version}{suffix}"


@lru_cache(maxsize=_CACHE_SIZE)
def canonical_url(url: str) -> str:
    """The form used to compare links: what DD303, DD304 and DD305 would leave the same."""
    url = url.strip()
    canonical = _canonical_web_url(url)
    if canonical is None:
        canonical = _canonical_url(url)
    # Most links are canonical already: hand back the string itself, not an equal copy
    # (a list of 100 000 rows holds one key per link while DD307 runs).
    return url if canonical == url else canonical


def _canonical_web_url(url: str) -> str | None:
    """``canonical_url`` of a plain ``http(s)://host/path#fragment`` link without a query
    and not on arXiv, where only the scheme, the host's case and a trailing slash change
    (the general code below gives the same, tests/inline/test_urls.py); else None."""
    match = _PLAIN_URL.fullmatch(url)
    if match is None:
        return None
    scheme, netloc, path, query, fragment = match.groups()
    if query or not netloc or scheme.lower() not in ("http", "https") or "arxiv" in url.lower():
        return None
    path = path.rstrip("/") if path else ""
    return (
        f"https://{netloc.lower()}{path}#{fragment}"
        if fragment
        else f"https://{netloc.lower()}{path}"
    )


def _canonical_url(url: str) -> str:
    if not url:
        return url
    if url.startswith("#"):  # an in-page link: DD306 rewrites one differing only in case
        return url.casefold()
    url = upgrade_scheme(strip_tracking(url))
    arxiv = arxiv_parts(url)
    if arxiv is not None:
        return arxiv_url(arxiv[1], "abs")
    parts = split_url(url)
    # Scheme and host are case-insensitive, http and https name the same resource
    # (DD304 and DD311 rewrite one to the other), a lone trailing slash adds nothing.
    scheme = parts.scheme.lower()
    if scheme == "http":
        scheme = "https"
    path = parts.path.rstrip("/") if parts.path != "/" else ""
    return join_url(scheme, parts.netloc.lower(), path, parts.query, parts.fragment)


def paper_ids(url: str) -> tuple[str, ...]:
    """Stable identifiers in a paper URL: ``arxiv:ID`` and ``doi:10.x/y``."""
    ids: list[str] = []
    arxiv = arxiv_parts(url)
    if arxiv is not None:
        ids.append(f"arxiv:{arxiv[1]}")
    doi = _DOI.search(url) if "10." in url else None  # every DOI starts `10.`
    if doi is not None:
        ids.append("doi:" + doi.group(0).lower().rstrip(".,;"))
    return tuple(ids)


_DOI = re.compile(r"10\.\d{4,9}/[^\s?#]+")
