"""Facts as data: countries, organisations, titles of office, the PLOVER ontology, trigger lexicons.

Each file is loaded once, on first use. Logic that interprets them lives in ``accord.extract``.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any


@functools.cache
def load(name: str) -> Any:
    """The parsed JSON data file ``accord/knowledge/<name>.json``."""
    with resources.files(__package__).joinpath(f"{name}.json").open(encoding="utf-8") as f:
        return json.load(f)
