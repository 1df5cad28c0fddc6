"""Text and files: spans, sources, atomic writes, findings and edits, input errors.

The bottom stage: standard library only, nothing about Markdown.
"""
