"""accord: reads news and files the diplomatic record.

    >>> from accord import extract
    >>> record = extract("Israel and Azerbaijan have signed a memorandum of understanding.", published="2026-02-04")
    >>> record.events[0].agreement.status
    'signed'

``extract`` handles one text; ``process`` streams many (the CLI, a process pool and Spark all use it).
Records follow CONTRACT.md (schema ``accord/1``); ``Record.to_json()`` gives the JSON form.
"""

from accord.errors import AccordError, InputError, ModelError, StoreError, UsageError
from accord.pipeline import extract, process
from accord.records import Actor, Agreement, ArticleInput, Event, Evidence, Quote, Record

__version__ = "0.1.0"

__all__ = [
    "AccordError", "Actor", "Agreement", "ArticleInput", "Event", "Evidence", "InputError", "ModelError", "Quote",
    "Record", "StoreError", "UsageError", "__version__", "extract", "process",
]
