"""PLOVER event coder for every type (issue 4; in progress)."""

from __future__ import annotations

from spacy.tokens import Doc

from accord.extract.actors import ActorTable
from accord.extract.events import Draft
from accord.extract.gazetteer import Gazetteer


def code_events(doc: Doc, table: ActorTable, gaz: Gazetteer, reference: str | None, body_start: int,
                skip: list[Draft]) -> list[Draft]:
    return []
