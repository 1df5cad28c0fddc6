"""GitHub's block grammar: cells, the cmark-gfm port, the document model, stray rows,
heading anchors, and the table writer.
"""
