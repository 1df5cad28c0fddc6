"""Field rules (DD2xx): what each paper row says."""
