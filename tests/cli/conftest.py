from metaserver import registry, servers

__all__ = ["registry", "servers"]
