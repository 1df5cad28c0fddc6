"""Applying fixes: the pass loop, edit composition and verification."""
