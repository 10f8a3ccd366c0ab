"""The CES themes of Theia (``resources/data/ces-themes.json``) and collection classification.

No vocabulary of Theia's CES (Consortiums d'Expertise Scientifique) is published, so the plugin
ships its own tree: five themes and their sub-themes, with French and English labels, keywords
and the collection ids known per catalogue (``"mtd"``, ``"geodes"``). A checked node selects the
known collections of its subtree (:meth:`ThemeTree.collections_for`); collections the file does
not know are placed in themes by their keywords, title, description and GEODES
``summaries.theme``/``variables`` (:meth:`ThemeTree.classify`).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import theia_plugin
from theia_plugin.core.i18n import tr

__all__ = ["THEMES_FILE", "Theme", "ThemeTree", "collection_text", "load_themes", "normalize"]

THEMES_FILE = Path(theia_plugin.__file__).parent / "resources" / "data" / "ces-themes.json"
CATALOGUES = ("mtd", "geodes")


def normalize(text: str) -> str:
    """Lower case, no accents, camelCase split, words separated by single spaces."""
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", str(text))
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


@dataclass(frozen=True)
class Theme:
    """A node of the CES tree."""

    id: str
    labels: Mapping[str, str]
    keywords: tuple[str, ...] = ()
    collections: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    children: tuple[Theme, ...] = ()
    parent: str | None = None

    def label(self, language: str = "en") -> str:
        """The label in ``language`` (``"fr"``/``"en"``, ``"fr_FR"`` works), else English."""
        short = (language or "en")[:2].lower()
        return self.labels.get(short) or self.labels.get("en") or self.id

    def walk(self) -> Iterator[Theme]:
        yield self
        for child in self.children:
            yield from child.walk()


class ThemeTree:
    """The CES theme tree."""

    def __init__(self, roots: Iterable[Theme]) -> None:
        self.roots: tuple[Theme, ...] = tuple(roots)
        self._by_id: dict[str, Theme] = {}
        for root in self.roots:
            for node in root.walk():
                if node.id in self._by_id:
                    raise ValueError(tr("The CES theme id “{id}” is used twice").format(id=node.id))
                self._by_id[node.id] = node

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ThemeTree:
        try:
            return cls(_theme(node, None) for node in data["themes"])
        except (KeyError, TypeError, AttributeError) as error:
            raise ValueError(
                tr("The CES themes file is malformed: {error}").format(error=error)
            ) from None

    @classmethod
    def load(cls, path: Path | None = None) -> ThemeTree:
        """Read the tree from ``path`` (default: the file shipped with the plugin)."""
        path = Path(path or THEMES_FILE)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ValueError(
                tr("Cannot read the CES themes file {path}: {error}").format(path=path, error=error)
            ) from None
        return cls.from_dict(data)

    # --- lookup -------------------------------------------------------------------------------

    def __iter__(self) -> Iterator[Theme]:
        """Every node, depth first."""
        for root in self.roots:
            yield from root.walk()

    def __contains__(self, theme_id: object) -> bool:
        return theme_id in self._by_id

    def __getitem__(self, theme_id: str) -> Theme:
        try:
            return self._by_id[theme_id]
        except KeyError:
            raise KeyError(tr("Unknown CES theme “{id}”").format(id=theme_id)) from None

    def subtree(self, theme_ids: Iterable[str]) -> list[str]:
        """The given ids and all their descendants, in tree order (unknown ids raise KeyError)."""
        wanted: set[str] = set()
        for theme_id in theme_ids:
            wanted.update(node.id for node in self[theme_id].walk())
        return [node.id for node in self if node.id in wanted]

    def collections_for(self, theme_ids: Iterable[str], catalogue: str) -> list[str]:
        """Known collection ids of ``catalogue`` for the themes (union over their subtrees)."""
        out: list[str] = []
        for theme_id in self.subtree(theme_ids):
            for cid in self._by_id[theme_id].collections.get(catalogue, ()):
                if cid not in out:
                    out.append(cid)
        return out

    def keywords_for(self, theme_ids: Iterable[str]) -> list[str]:
        """Keywords of the themes and their subtrees (no duplicates)."""
        out: list[str] = []
        for theme_id in self.subtree(theme_ids):
            for keyword in self._by_id[theme_id].keywords:
                if keyword not in out:
                    out.append(keyword)
        return out

    # --- classification -----------------------------------------------------------------------

    def classify(self, collection: Mapping[str, Any]) -> list[str]:
        """Ids of the themes a collection belongs to, from its metadata.

        A collection id listed in the file gives its themes directly; otherwise a theme
        matches when one of its keywords appears (whole words, any case, accents ignored) in
        the collection's keywords, title, description, id or GEODES ``summaries.theme`` /
        ``summaries.variables``. A matching sub-theme implies its parent.
        """
        cid = str(collection.get("id") or "")
        found = {
            node.id for node in self if any(cid in ids for ids in node.collections.values()) and cid
        }
        text = f" {normalize(collection_text(collection))} "
        for node in () if found else self:  # a known id: the file's themes only
            if any(f" {normalize(k)} " in text for k in node.keywords if normalize(k)):
                found.add(node.id)
        for theme_id in list(found):
            parent = self._by_id[theme_id].parent
            while parent:
                found.add(parent)
                parent = self._by_id[parent].parent
        return [node.id for node in self if node.id in found]

    def collections_matching(
        self, theme_ids: Iterable[str], catalogue: str, collections: Iterable[Mapping[str, Any]]
    ) -> list[str]:
        """Collection ids for the themes: the known ones plus the ``collections`` (dicts of a
        live catalogue) classified into their subtrees."""
        wanted = set(self.subtree(theme_ids))
        out = self.collections_for(wanted, catalogue)
        for collection in collections:
            cid = str(collection.get("id") or "")
            if cid and cid not in out and wanted.intersection(self.classify(collection)):
                out.append(cid)
        return out


def collection_text(collection: Mapping[str, Any]) -> str:
    """The searchable text of a collection dict (STAC or GEODES)."""
    parts: list[str] = [str(collection.get(key) or "") for key in ("id", "title", "description")]
    parts += [str(k) for k in collection.get("keywords") or ()]
    summaries = collection.get("summaries") or {}
    if isinstance(summaries, Mapping):
        themes = summaries.get("theme") or ()
        parts += [str(t) for t in ([themes] if isinstance(themes, str) else themes)]
        for variable in summaries.get("variables") or ():
            if isinstance(variable, Mapping):
                parts += [str(variable.get(k) or "") for k in ("long_name", "short_name")]
                uri = str(variable.get("uri") or "")
                parts.append(uri.rstrip("/").rsplit("/", 1)[-1])
            else:
                parts.append(str(variable))
    return " | ".join(p for p in parts if p)


def _theme(data: Mapping[str, Any], parent: str | None) -> Theme:
    theme_id = str(data["id"])
    labels = {str(k): str(v) for k, v in data["label"].items()}
    collections = {
        str(cat): tuple(str(c) for c in ids) for cat, ids in (data.get("collections") or {}).items()
    }
    return Theme(
        id=theme_id,
        labels=labels,
        keywords=tuple(str(k) for k in data.get("keywords") or ()),
        collections=collections,
        children=tuple(_theme(child, theme_id) for child in data.get("children") or ()),
        parent=parent,
    )


@lru_cache(maxsize=1)
def load_themes() -> ThemeTree:
    """The theme tree shipped with the plugin (read once)."""
    return ThemeTree.load()
