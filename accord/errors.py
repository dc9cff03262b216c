"""One exception tree for accord, each error with a stable code.

    AccordError                 base; ``code`` is a short machine-readable string
    ├── InputError              an article cannot be read or is not an article (per article, batch goes on)
    │   ├── EmptyInput          nothing but whitespace
    │   ├── BinaryInput         the bytes are not text
    │   ├── TooLarge            longer than ``Settings.max_chars``
    │   └── BadJsonLine         a JSONL line that is not JSON or has no "text"
    ├── UsageError              bad command-line arguments or options (exit status 2)
    ├── ModelError              the spaCy model or a bundled model cannot be loaded
    └── StoreError              the database cannot be opened or written

Library code raises these; only ``cli.py`` turns them into messages and exit codes. The message
names the input (``origin``) and the problem, so a user can find and fix the file.
"""

from __future__ import annotations


class AccordError(Exception):
    code = "accord_error"

    def __init__(self, message: str, origin: str | None = None) -> None:
        self.origin = origin
        super().__init__(f"{origin}: {message}" if origin else message)


class InputError(AccordError):
    code = "bad_input"


class EmptyInput(InputError):
    code = "empty_input"


class BinaryInput(InputError):
    code = "binary_input"


class TooLarge(InputError):
    code = "too_large"


class BadJsonLine(InputError):
    code = "bad_jsonl"


class UsageError(AccordError):
    code = "usage"


class ModelError(AccordError):
    code = "model_error"


class StoreError(AccordError):
    code = "store_error"
