"""Quotations and reported speech (issue 3; in progress)."""

from __future__ import annotations

from spacy.tokens import Doc

from accord.extract.actors import ActorTable
from accord.records import Quote
from accord.text.normalise import Prepared


def find(doc: Doc, table: ActorTable, prep: Prepared) -> list[Quote]:
    return []
