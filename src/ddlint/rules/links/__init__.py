"""Link rules (DD3xx): link targets, in the text and over the network."""
