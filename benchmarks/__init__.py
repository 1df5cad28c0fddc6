"""Benchmarks for ddlint: input generators, a process timer and a profiler (not part of the suite)."""
