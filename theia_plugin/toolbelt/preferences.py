"""The plugin's user preferences, stored in QgsSettings under ``Theia/``.

Secrets never go here: credentials live in the QGIS authentication database and settings
only ever hold an ``authcfg`` id.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from pathlib import Path

from qgis.core import QgsApplication, QgsSettings

SETTINGS_PREFIX = "Theia/"


def default_cache_folder() -> str:
    return str(Path(QgsApplication.qgisSettingsDirPath()) / "cache" / "theia")


#: Files of the plugin in the QGIS profile.
JOBS_FILE = "dsmopt-jobs.sqlite"
SAVED_SEARCHES_FILE = "saved-searches.json"


def profile_file(name: str) -> Path:
    """A file of the plugin in the current QGIS profile (``<profile>/theia/<name>``)."""
    return Path(QgsApplication.qgisSettingsDirPath()) / "theia" / name


def default_download_folder() -> str:
    downloads = Path.home() / "Downloads"
    return str((downloads if downloads.is_dir() else Path.home()) / "Theia")


@dataclass
class PluginSettings:
    """Typed view of the plugin's settings; field names are the QgsSettings keys."""

    network_timeout_s: int = 30
    network_max_retries: int = 3
    cache_folder: str = ""
    download_folder: str = ""
    debug_mode: bool = False

    def resolved_cache_folder(self) -> Path:
        return Path(self.cache_folder or default_cache_folder())

    def resolved_download_folder(self) -> Path:
        return Path(self.download_folder or default_download_folder())


class PlgOptionsManager:
    """Reads and writes :class:`PluginSettings` in the QGIS user profile."""

    @staticmethod
    def get_plg_settings() -> PluginSettings:
        settings = QgsSettings()
        values = {}
        defaults = PluginSettings()
        for field in fields(PluginSettings):
            default = getattr(defaults, field.name)
            raw = settings.value(SETTINGS_PREFIX + field.name, default)
            values[field.name] = _coerce(raw, default)
        return PluginSettings(**values)

    @staticmethod
    def save_plg_settings(plg_settings: PluginSettings) -> None:
        settings = QgsSettings()
        for key, value in asdict(plg_settings).items():
            settings.setValue(SETTINGS_PREFIX + key, value)


def _coerce(raw, default):
    """QSettings may hand back strings (INI backend): convert to the default's type."""
    if isinstance(default, bool):
        if isinstance(raw, str):
            return raw.strip().lower() in ("1", "true", "yes", "on")
        return bool(raw)
    if isinstance(default, int):
        try:
            return int(raw)
        except (TypeError, ValueError):
            return default
    return "" if raw is None else str(raw)
