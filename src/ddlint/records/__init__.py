"""Papers as data: the pydantic models and identity, extraction, columns, venues,
sort values, export and the record diff.
"""
