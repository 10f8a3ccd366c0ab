"""Catalogue connections kept in QgsSettings under ``Theia/connections/<name>/…``.

One group per connection (``kind``, ``url``, ``authcfg``, ``signing_url``); a built-in only has
``authcfg``. Only authcfg ids are stored, never secrets.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from qgis.core import QgsSettings

from theia_plugin.core.catalogue.connections import ConnectionRegistry
from theia_plugin.toolbelt.preferences import SETTINGS_PREFIX

CONNECTIONS_GROUP = SETTINGS_PREFIX + "connections"
_FIELDS = ("kind", "url", "authcfg", "signing_url")


class QgsSettingsStorage:
    """:class:`~theia_plugin.core.catalogue.connections.ConnectionStorage` over QgsSettings."""

    def __init__(self, group: str = CONNECTIONS_GROUP) -> None:
        self.group = group

    def read(self) -> list[dict[str, str]]:
        settings = QgsSettings()
        settings.beginGroup(self.group)
        try:
            records = []
            for name in settings.childGroups():
                record = {"name": name}
                for key in _FIELDS:
                    value = settings.value(f"{name}/{key}", None)
                    if value is not None:
                        record[key] = str(value)
                records.append(record)
            return records
        finally:
            settings.endGroup()

    def write(self, records: Sequence[Mapping[str, str]]) -> None:
        settings = QgsSettings()
        settings.remove(self.group)
        for record in records:
            for key in _FIELDS:
                if key in record:
                    settings.setValue(f"{self.group}/{record['name']}/{key}", record[key])


def connection_registry() -> ConnectionRegistry:
    """The user's connections (built-ins first)."""
    return ConnectionRegistry(QgsSettingsStorage())
