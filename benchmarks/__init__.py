"""ddlint benchmarks: input generators, a process timer, a profiler (not part of the suite)."""
