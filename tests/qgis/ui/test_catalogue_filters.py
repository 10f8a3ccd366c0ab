"""Property filters built from the real STAC API's queryables (pgstac)."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox

from tests.qgis.ui.conftest import wait_until
from tests.qgis.ui.test_catalogue_dock import run_search
from tests.servers.stac_api import theia_data as data
from theia_plugin.core.catalogue.model import FILTER_OPERATORS

S2 = [i for i in data.items() if i["collection"] == data.S2_L2A]


def wait_queryables(dock) -> None:
    wait_until(lambda: dock.queryables_task is None and dock.filters_box.queryables)


def search_all(dock) -> list[str]:
    run_search(dock)
    while dock.more_button.isEnabled():
        dock.more_button.click()
        wait_until(lambda: not dock.is_searching())
    return [i.id for i in dock.model.items]


def test_filter_rows_follow_the_queryables_schema(dock):
    assert not dock.filters_box.isVisibleTo(dock)  # no collection checked: no queryables
    dock.set_collections([data.S2_L2A])
    wait_queryables(dock)
    assert dock.filters_box.isVisibleTo(dock)
    assert set(dock.filters_box.queryables) == set(data.queryables()[data.S2_L2A])
    row = dock.filters_box.add_row()
    editors = {}
    for name in ("s2:mgrs_tile", "sat:relative_orbit", "eo:cloud_cover", "platform"):
        row.set_filter(name, "=", {"platform": "sentinel-2b"}.get(name, 1))
        ops = [row.operator_combo.itemText(i) for i in range(row.operator_combo.count())]
        assert set(ops) <= set(FILTER_OPERATORS)
        editors[name] = type(row.value_widget)
    assert editors == {
        "s2:mgrs_tile": QLineEdit,
        "sat:relative_orbit": QSpinBox,
        "eo:cloud_cover": QDoubleSpinBox,
        "platform": QComboBox,
    }
    assert row.value_widget.currentData() == "sentinel-2b"
    row.set_filter("eo:cloud_cover", "<=", 20)
    assert row.value_widget.maximum() == 100  # the schema's bounds
    assert dock.request().filters == {"eo:cloud_cover": ("<=", 20.0)}
    row.set_filter("platform", "=", "sentinel-2b")
    assert dock.request().filters == {"platform": ("=", "sentinel-2b")}


def test_filter_by_mgrs_tile_returns_that_tile_only(dock, tmp_path, monkeypatch):
    dock.set_collections([data.S2_L2A])
    wait_queryables(dock)
    row = dock.filters_box.add_row()
    row.set_filter("s2:mgrs_tile", "=", "31TCH")
    assert dock.request().filters == {"s2:mgrs_tile": ("=", "31TCH")}
    got = search_all(dock)
    want = [i["id"] for i in S2 if i["properties"]["s2:mgrs_tile"] == "31TCH"]
    assert want and len(want) < len(S2)
    assert sorted(got) == sorted(want)

    # a number filter combined with it
    orbit = dock.filters_box.add_row()
    orbit.set_filter("sat:relative_orbit", "=", 51)
    got = search_all(dock)
    want = [
        i["id"]
        for i in S2
        if i["properties"]["s2:mgrs_tile"] == "31TCH"
        and i["properties"]["sat:relative_orbit"] == 51
    ]
    assert want and sorted(got) == sorted(want)

    # saved with the search and restored
    from theia_plugin.core.catalogue.saved_searches import SavedSearchFile
    from theia_plugin.ui import catalogue_dock

    file = SavedSearchFile(tmp_path / "saved-searches.json")
    monkeypatch.setattr(catalogue_dock, "saved_search_file", lambda: file)
    dock.save_search("tile and orbit")
    dock.filters_box.clear()
    assert dock.request().filters == {}
    dock.restore_search("tile and orbit")
    assert dock.request().filters == {
        "s2:mgrs_tile": ("=", "31TCH"),
        "sat:relative_orbit": ("=", 51),
    }


def test_empty_text_filter_is_refused_with_its_name(dock, qgis_iface):
    dock.set_collections([data.S2_L2A])
    wait_queryables(dock)
    dock.filters_box.add_row().set_filter("s2:mgrs_tile", "=", "")
    bar = qgis_iface.messageBar()
    bar.clearWidgets()
    dock.search_button.click()
    assert not dock.is_searching()
    assert "s2:mgrs_tile" in bar.currentItem().text()
