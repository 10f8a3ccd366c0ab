"""The plugin installs the compiled French catalogue when QGIS runs in French."""

from __future__ import annotations

import pytest
from qgis.core import QgsSettings

from theia_plugin.core.i18n import tr
from theia_plugin.plugin import I18N_DIR, TheiaPlugin


@pytest.fixture
def french_locale():
    settings = QgsSettings()
    old = (settings.value("locale/overrideFlag"), settings.value("locale/userLocale"))
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "fr_FR")
    yield
    settings.setValue("locale/overrideFlag", old[0] or False)
    settings.setValue("locale/userLocale", old[1] or "")


def test_french_translation_is_installed_and_removed(qgis_iface, french_locale):
    assert (I18N_DIR / "theia_fr.qm").is_file(), "run `make translations`"
    assert tr("Settings…") == "Settings…"
    plugin = TheiaPlugin(qgis_iface)
    try:
        assert plugin.translator is not None
        assert tr("Settings…") == "Paramètres…"
        assert tr("Request timeout") == "Délai d'attente des requêtes"
    finally:
        plugin.unload()
    assert tr("Settings…") == "Settings…"
