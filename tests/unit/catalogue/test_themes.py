"""The CES themes data file and the classification of unknown collections."""

from __future__ import annotations

import json

import pytest

from theia_plugin.core.catalogue.themes import THEMES_FILE, ThemeTree, load_themes, normalize

#: catalogue.md §2: the five themes and their known collections (MTD / GEODES)
EXPECTED = {
    "imaging": (
        "Imagerie & radiométrie",
        "Imaging & radiometry",
        [
            "sentinel2-l2a-theia",
            "sentinel2-l2a-sen2cor",
            "sentinel2-l2a-sen2lasrc",
            "super-sentinel-2-l2a",
            "spot-6-7-drs",
            "s1-grd-sigma0-ortho",
            "lidarhd",
            "sentinel-2-radiometric-indices",
        ],
        [
            "THEIA_REFLECTANCE_SENTINEL2_L2A",
            "THEIA_REFLECTANCE_SENTINEL2_L3A",
            "THEIA_REFLECTANCE_LANDSAT8_L2A",
            "THEIA_S1TILING_SENTINEL1_L1",
        ],
    ),
    "cryosphere": (
        "Cryosphère",
        "Cryosphere",
        [],
        ["THEIA_SNOW_SENTINEL2_L2B", "THEIA_SNOW_LANDSAT8_L2B", "THEIA_SNOW_MULTISAT_L3B"],
    ),
    "inland-waters": ("Eaux continentales", "Inland waters", [], ["THEIA_WATERQUAL_SENTINEL2_L2B"]),
    "vegetation": (
        "Végétation, sols & agrosystèmes",
        "Vegetation, soils & agrosystems",
        ["forms-t", "FORMSpoT", "FORMSpoT-delta"],
        ["THEIA_BIOPHY_SENTINEL2_L2B"],
    ),
    "land-cover": (
        "Occupation des terres",
        "Land cover & use",
        [],
        ["THEIA_OSO_RASTER_L3B", "THEIA_OSO_VECTOR_L3B"],
    ),
}
SUB_THEMES = {
    "imaging": 9,
    "cryosphere": 3,
    "inland-waters": 7,
    "vegetation": 6,
    "land-cover": 5,
}


@pytest.fixture(scope="module")
def tree() -> ThemeTree:
    return load_themes()


def test_file_is_shipped_in_the_plugin_package():
    assert THEMES_FILE.is_file()
    assert THEMES_FILE.parent.name == "data"
    json.loads(THEMES_FILE.read_text(encoding="utf-8"))


def test_five_themes_with_labels_and_collections(tree):
    assert [root.id for root in tree.roots] == list(EXPECTED)
    for root in tree.roots:
        fr, en, mtd, geodes = EXPECTED[root.id]
        assert root.label("fr") == fr
        assert root.label("fr_FR") == fr
        assert root.label("en") == en
        assert root.label("de") == en  # fallback
        assert tree.collections_for([root.id], "mtd") == mtd
        assert tree.collections_for([root.id], "geodes") == geodes
        assert len(root.children) == SUB_THEMES[root.id]
        assert root.keywords
        for child in root.walk():
            assert child.labels["fr"] and child.labels["en"]
            assert child.parent in (None, root.id)


def test_sub_theme_labels(tree):
    assert tree["cryosphere.snow"].label("fr") == "Surfaces enneigées (neige)"
    assert tree["inland-waters.evapotranspiration"].label("fr") == "Évapotranspiration"
    assert tree["land-cover.oso"].label("fr") == "Occupation des sols (OSO)"


def test_collections_union_over_subtrees(tree):
    assert tree.collections_for(["imaging.radar"], "mtd") == ["s1-grd-sigma0-ortho"]
    both = tree.collections_for(["imaging.radar", "vegetation.forests"], "mtd")
    assert both == ["s1-grd-sigma0-ortho", "forms-t", "FORMSpoT", "FORMSpoT-delta"]
    # a parent and its child: no duplicates
    assert (
        tree.collections_for(["cryosphere", "cryosphere.snow"], "geodes")
        == EXPECTED["cryosphere"][3]
    )
    assert tree.collections_for([], "mtd") == []
    assert tree.subtree(["cryosphere"]) == [
        "cryosphere",
        "cryosphere.snow",
        "cryosphere.glaciers",
        "cryosphere.frozen-ground",
    ]
    assert "neige" in tree.keywords_for(["cryosphere"])
    with pytest.raises(KeyError, match="Unknown CES theme “nope”"):
        tree.collections_for(["nope"], "mtd")


def test_classify_a_made_up_collection(tree):
    collection = {
        "id": "acme-glacier-velocity",
        "title": "Vitesses d'écoulement des glaciers alpins",
        "description": "Surface velocity of Alpine glaciers from Sentinel-2 offset tracking.",
        "keywords": ["Alpes", "glacier"],
    }
    assert tree.classify(collection) == ["cryosphere", "cryosphere.glaciers"]
    # GEODES-style: only summaries.theme / variables tell what it is
    geodes = {
        "id": "XYZ_L3",
        "title": "Product XYZ",
        "description": "",
        "summaries": {
            "theme": ["landCover"],
            "variables": [{"uri": "https://w3id.org/gdh/evapotranspiration", "long_name": "ET"}],
        },
    }
    assert tree.classify(geodes) == [
        "inland-waters",
        "inland-waters.evapotranspiration",
        "land-cover",
        "land-cover.oso",  # "landCover" reads "land cover"
    ]
    # whole words only: "eau" is not found in "niveau", "sol" not in "solid"
    assert tree.classify({"id": "x", "title": "Niveau de gris", "description": "solid"}) == []


def test_known_collection_ids_are_classified_by_the_file(tree):
    # forms-t's keywords also say LIDAR, but the file places it in forests only
    forms_t = {"id": "forms-t", "keywords": ["forest", "LIDAR"]}
    assert tree.classify(forms_t) == ["vegetation", "vegetation.forests"]


def test_collections_matching_adds_classified_live_collections(tree):
    live = [
        {"id": "theia-snow-l2b", "title": "Theia Snow L2B", "keywords": ["snow", "neige"]},
        {"id": "other", "title": "Bathymetry", "keywords": ["ocean"]},
    ]
    assert tree.collections_matching(["cryosphere"], "geodes", live) == [
        *EXPECTED["cryosphere"][3],
        "theia-snow-l2b",
    ]


def test_normalize():
    assert normalize("Forêt  landSurface/Évapo-transpiration") == (
        "foret land surface evapo transpiration"
    )


def test_malformed_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "themes.json"
    bad.write_text('{"themes": [{"label": {}}]}', encoding="utf-8")
    with pytest.raises(ValueError, match="CES themes file is malformed"):
        ThemeTree.load(bad)
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(ValueError, match="Cannot read the CES themes file"):
        ThemeTree.load(bad)
    dup = {"themes": [{"id": "a", "label": {"en": "A"}}, {"id": "a", "label": {"en": "B"}}]}
    with pytest.raises(ValueError, match="used twice"):
        ThemeTree.from_dict(dup)
