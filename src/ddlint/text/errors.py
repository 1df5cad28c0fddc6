"""The base of the errors a user can mend: what ddlint was given cannot be used.

``ddlint`` reports one as ``ddlint: error: <message>`` and exits 2, so each message
names the file (or key, path, revision) and the problem. The command catches this base,
not each kind, which lets it import git and baseline handling only when they are used.
"""

from __future__ import annotations


class InputError(Exception):
    """A file, path, configuration, git revision or baseline that ddlint cannot use."""
