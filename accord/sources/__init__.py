"""Sources: turn paths, files and streams into articles (or per-article failures)."""

from accord.sources.files import read_inputs

__all__ = ["read_inputs"]
