"""Case-insensitive HTTP header mapping (shared by requests, responses and error mapping)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, MutableMapping

from .redact import redact_headers

__all__ = ["Headers"]


class Headers(MutableMapping):
    """Case-insensitive header mapping that keeps the original spelling of names."""

    def __init__(self, data: Mapping[str, str] | Iterable[tuple[str, str]] | None = None):
        self._store: dict[str, tuple[str, str]] = {}
        if data:
            self.update(data)

    def __setitem__(self, key: str, value: str) -> None:
        self._store[key.lower()] = (key, value)

    def __getitem__(self, key: str) -> str:
        return self._store[key.lower()][1]

    def __delitem__(self, key: str) -> None:
        del self._store[key.lower()]

    def __iter__(self) -> Iterator[str]:
        return (original for original, _value in self._store.values())

    def __len__(self) -> int:
        return len(self._store)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key.lower() in self._store

    def copy(self) -> Headers:
        return Headers(self.items())

    def __repr__(self) -> str:
        return f"Headers({redact_headers(dict(self.items()))!r})"
