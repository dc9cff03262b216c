"""Extractors: pure functions over an annotated spaCy ``Doc``."""
