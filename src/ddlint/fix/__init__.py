"""Applying fixes: the pass loop (``fixer``), choosing a pass's fixes (``plan``), edit
composition (``compose``) and verification (``verify``)."""
