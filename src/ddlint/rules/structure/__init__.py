"""Structure rules (DD1xx): tables as GitHub renders them."""
