"""Saved searches: a named :class:`~.model.SearchRequest` (and the connection it was made on)
kept as JSON, restored exactly.

A saved search is ``{"name", "connection", "request": SearchRequest.to_dict()}``; a file of them
is ``{"version": 1, "searches": [...]}``, rewritten atomically (temporary file, then rename) so
a crash never leaves half a file.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from theia_plugin.core.i18n import tr

from .model import SearchRequest

__all__ = ["FORMAT_VERSION", "SavedSearch", "SavedSearchFile", "dumps", "loads"]

FORMAT_VERSION = 1


@dataclass(frozen=True)
class SavedSearch:
    """A search the user named. ``connection`` is the name of the connection it ran on."""

    name: str
    request: SearchRequest
    connection: str = ""

    def __post_init__(self) -> None:
        name = " ".join(str(self.name or "").split())
        if not name:
            raise ValueError(tr("A saved search needs a name"))
        object.__setattr__(self, "name", name)
        if not isinstance(self.request, SearchRequest):
            raise ValueError(tr("A saved search needs a search request"))

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "connection": self.connection, "request": self.request.to_dict()}

    @classmethod
    def from_dict(cls, data: Any) -> SavedSearch:
        if not isinstance(data, Mapping) or not isinstance(data.get("request"), Mapping):
            raise ValueError(
                tr('A saved search must be a JSON object with "name" and "request" members')
            )
        name = str(data.get("name") or "")
        try:
            request = SearchRequest.from_dict(data["request"])
        except (TypeError, ValueError, AttributeError) as exc:
            raise ValueError(
                tr("The saved search “{name}” is not valid: {error}").format(name=name, error=exc)
            ) from None
        return cls(name, request, str(data.get("connection") or ""))


def dumps(saved: SavedSearch) -> str:
    """One saved search as JSON text."""
    return json.dumps(saved.to_dict(), ensure_ascii=False)  # key order kept: filters' order


def loads(text: str) -> SavedSearch:
    """The saved search of :func:`dumps` (``ValueError`` saying what is wrong)."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ValueError(
            tr("A saved search is not valid JSON: {error}").format(error=exc)
        ) from None
    return SavedSearch.from_dict(data)


class SavedSearchFile:
    """The saved searches of a JSON file (missing file: none yet)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    def searches(self) -> list[SavedSearch]:
        if not self.path.exists():
            return []
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValueError(
                tr("The saved searches file {path} cannot be read: {error}").format(
                    path=self.path, error=exc
                )
            ) from None
        if not isinstance(data, Mapping) or not isinstance(data.get("searches"), list):
            raise ValueError(
                tr('The saved searches file {path} must hold {{"version": 1, "searches": [...]}}')
                .format(path=self.path)
            )  # fmt: skip
        if data.get("version") != FORMAT_VERSION:
            raise ValueError(
                tr("The saved searches file {path} has version {found}; expected {expected}")
                .format(path=self.path, found=data.get("version"), expected=FORMAT_VERSION)
            )  # fmt: skip
        return [SavedSearch.from_dict(item) for item in data["searches"]]

    def names(self) -> list[str]:
        return [s.name for s in self.searches()]

    def get(self, name: str) -> SavedSearch:
        for saved in self.searches():
            if saved.name == name:
                return saved
        raise KeyError(tr("There is no saved search named “{name}”").format(name=name))

    def save(self, saved: SavedSearch, *, replace: bool = False) -> None:
        """Add ``saved`` (or replace the one of that name when ``replace``)."""
        searches = self.searches()
        if not replace and any(s.name == saved.name for s in searches):
            raise ValueError(
                tr("A saved search named “{name}” already exists").format(name=saved.name)
            )
        self._write([s for s in searches if s.name != saved.name] + [saved])

    def remove(self, name: str) -> None:
        self.get(name)
        self._write([s for s in self.searches() if s.name != name])

    def _write(self, searches: list[SavedSearch]) -> None:
        payload = {"version": FORMAT_VERSION, "searches": [s.to_dict() for s in searches]}
        text = json.dumps(payload, ensure_ascii=False, indent=2)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=self.path.name, suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
