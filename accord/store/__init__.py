"""Storage of records. SQLite is the embedded default."""

from accord.store.sqlite import SqliteStore

__all__ = ["SqliteStore"]
