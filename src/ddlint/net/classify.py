"""Pure decisions: which status codes mean what, and when to try again.

The guiding rule is that "dead" must be certain. A maintainer may delete a row on
the strength of it, so only answers that really mean "gone" are dead: 404 and 410,
a name that does not exist in DNS, a port that refuses connections, and redirects
that can never end. Everything that might be a bot wall, a bad day or our own
network is "unverifiable".
"""

from __future__ import annotations

import email.utils
import time
from http import HTTPStatus

from .model import LinkResult, LinkStatus

REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
PERMANENT_REDIRECT_CODES = frozenset({301, 308})
DEAD_CODES = frozenset({404, 410})

# HEAD answers that a GET to the same URL may well not give: servers that do not
# implement HEAD (405, 501), and bot walls or frameworks that treat HEAD oddly.
GET_FALLBACK_CODES = frozenset({400, 403, 404, 405, 406, 410, 501, 999})

# Why a publisher's refusal is not a dead link; 999 is LinkedIn's bot wall.
_BLOCKED_NOTES = {
    401: "login required",
    403: "publisher blocks bots",
    429: "rate limited",
    999: "publisher blocks bots",
}


def is_retryable_status(code: int) -> bool:
    """429 and server errors may pass; 501 and 505 say something permanent."""
    return code == 429 or (500 <= code < 600 and code not in {501, 505})


def status_text(code: int, reason: str = "") -> str:
    """``404 Not Found``; the server's own phrase only for codes Python does not know."""
    try:
        phrase = HTTPStatus(code).phrase
    except ValueError:
        phrase = reason
    return f"{code} {phrase}".strip()


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP-date)."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # RFC 9110 dates are GMT; be lenient with ones that omit it
        return None
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


def final_result(
    url: str,
    code: int,
    reason: str,
    *,
    final_url: str | None,
    permanent: bool,
    note: str = "",
    accepted: bool = False,
) -> LinkResult:
    """The verdict for the last response of a (possibly redirected) check; ``accepted``:
    its code is one the user counts as working (``--link-accept``)."""
    text = status_text(code, reason)
    status: LinkStatus
    if accepted:
        status, detail = "ok", f"{text} (accepted)"
    elif 200 <= code < 300:
        if final_url is None:
            status, detail = "ok", text
        else:
            status = "redirected"
            kind = "permanently" if permanent else "temporarily"
            detail = f"{kind} redirected to {final_url} ({text})"
    elif code in DEAD_CODES:
        status, detail = "dead", text
    elif code in _BLOCKED_NOTES:
        status, detail = "unverifiable", f"{text} ({_BLOCKED_NOTES[code]})"
    elif 300 <= code < 400:
        status, detail = "unverifiable", f"{text} without a usable Location header"
    else:
        status, detail = "unverifiable", text
    if note:
        detail = f"{detail}; {note}"
    return failure(url, status, detail, http_status=code, final_url=final_url, permanent=permanent)


def failure(
    url: str,
    status: LinkStatus,
    detail: str,
    *,
    http_status: int | None = None,
    final_url: str | None = None,
    permanent: bool = False,
    moved_to: str | None = None,
) -> LinkResult:
    """A verdict; ``permanent`` only counts when the redirects ended somewhere."""
    return LinkResult(
        url=url,
        status=status,
        http_status=http_status,
        final_url=final_url,
        permanent=permanent and final_url is not None,
        detail=detail,
        moved_to=moved_to,
    )


def tries(count: int) -> str:
    """``after 3 tries`` (or nothing for a single try), for failure details."""
    return f" after {count} tries" if count > 1 else ""
