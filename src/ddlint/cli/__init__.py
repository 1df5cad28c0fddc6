"""The ``ddlint`` command: click only."""
