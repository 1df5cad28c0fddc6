"""Inline Markdown inside one cell: the only mistune import, the link scanner, URLs,
and display width (the only wcwidth import).
"""
