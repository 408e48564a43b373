"""The standard template as data (layout) and its builder (build)."""
