"""Format rules (DD4xx): the list's own order and style."""
