"""Layer specs of catalogue assets: /vsicurl/ with signing, XYZ, WMS/WMTS, /vsizip/."""

from __future__ import annotations

import zipfile
from urllib.parse import unquote

import pytest

from tests.servers.stac_api import theia_data as data
from theia_plugin.core.catalogue.layers import (
    SNOW_WMTS_TEMPLATE,
    asset_kind,
    item_layer_specs,
    layer_spec,
    mappable_keys,
    snow_xyz_spec,
    true_colour_keys,
    xyz_uri,
    zip_layer_specs,
    zip_true_colour_specs,
)
from theia_plugin.core.catalogue.model import Asset, CatalogueItem

ITEMS = [CatalogueItem.from_stac(i) for i in data.items()]


def first(collection: str) -> CatalogueItem:
    return next(i for i in ITEMS if i.collection == collection)


def params(uri: str) -> dict[str, str]:
    """Decode a QGIS data source URI the way QgsDataSourceUri does (percent-decoded values)."""
    return {k: unquote(v) for k, v in (p.split("=", 1) for p in uri.split("&"))}


def item_with(**assets: dict) -> CatalogueItem:
    return CatalogueItem.from_stac({"id": "it", "collection": "c", "assets": assets})


def test_cog_asset_is_vsicurl_through_the_signer():
    item = first(data.S2_L2A)
    calls = []

    def signer(urls):
        calls.append(list(urls))
        return {u: u + "?X-Amz-Signature=abc" for u in urls}

    spec = layer_spec(item, "B04", signer)
    href = item.assets["B04"].href
    assert spec.provider == "gdal"
    assert spec.uri == f"/vsicurl/{href}?X-Amz-Signature=abc"
    assert spec.source_url == href
    assert calls == [[href]]
    assert item.id in spec.name
    # default: identity
    assert layer_spec(item, "B04").uri == "/vsicurl/" + href


def test_item_layers_are_signed_in_one_batch():
    item = first(data.S2_L2A)
    calls = []

    def signer(urls):
        calls.append(list(urls))
        return {u: u + "?sig=1" for u in urls}

    specs = item_layer_specs(item, signer=signer)
    keys = mappable_keys(item)
    assert "MD" not in keys and "ql" not in keys  # XML metadata and JPEG quicklook
    assert {"B02", "B03", "B04", "B8A", "CLM_R1"} <= set(keys)
    assert len(calls) == 1 and len(calls[0]) == len(keys)
    assert all(s.uri.startswith("/vsicurl/") and s.uri.endswith("?sig=1") for s in specs)


def test_true_colour_keys():
    assert true_colour_keys(first(data.S2_L2A)) == ("B04", "B03", "B02")
    assert true_colour_keys(first(data.FORMS_T)) is None


def test_xyz_template_is_percent_encoded_for_qgis():
    template = "https://tiles.example.org/{z}/{x}/{y}.png?key=a&b=c"
    spec = layer_spec(
        item_with(tiles={"href": template, "roles": ["tiles"], "tiles:zmax": 12}), "tiles"
    )
    assert spec.provider == "wms"
    decoded = params(spec.uri)
    assert decoded == {"type": "xyz", "url": template, "zmin": "0", "zmax": "12"}
    assert "{" not in spec.uri and "&b=" not in spec.uri  # braces, & and = are encoded


def test_theia_snow_wmts_as_xyz():
    spec = snow_xyz_spec()
    decoded = params(spec.uri)
    assert decoded["type"] == "xyz"
    assert decoded["url"] == SNOW_WMTS_TEMPLATE
    assert "TILEMATRIX={z}&TILEROW={y}&TILECOL={x}" in decoded["url"]
    kind = asset_kind(Asset(href=SNOW_WMTS_TEMPLATE))
    assert kind == "xyz"


def test_wms_asset():
    href = (
        "https://maps.example.org/wms?SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0"
        "&LAYERS=oso_2021&STYLES=&FORMAT=image/jpeg&CRS=EPSG:2154&BBOX=0,0,1,1&map=/a.map"
    )
    spec = layer_spec(item_with(wms={"href": href, "roles": ["visual"]}), "wms")
    decoded = params(spec.uri)
    assert spec.provider == "wms"
    assert decoded["layers"] == "oso_2021"
    assert decoded["format"] == "image/jpeg"
    assert decoded["crs"] == "EPSG:2154"
    assert decoded["url"] == "https://maps.example.org/wms?map=/a.map"  # GetMap params gone
    stac_ext = item_with(
        w={"href": "https://m.example.org/ows", "roles": ["wms"], "wms:layers": ["a", "b"]}
    )
    assert params(layer_spec(stac_ext, "w").uri)["layers"] == "a,b"


def test_wmts_asset():
    href = "https://m.example.org/wmts?SERVICE=WMTS&LAYER=neige&TILEMATRIXSET=WGS84"
    decoded = params(layer_spec(item_with(t={"href": href}), "t").uri)
    assert decoded["layers"] == "neige"
    assert decoded["tileMatrixSet"] == "WGS84"
    assert "REQUEST=GetCapabilities" in decoded["url"]


def test_non_layer_assets_are_refused_with_a_message():
    item = first(data.S2_L2A)
    with pytest.raises(ValueError, match="cannot be shown"):
        layer_spec(item, "MD")
    with pytest.raises(KeyError, match="no asset"):
        layer_spec(item, "B99")
    remote_zip = item_with(
        z={"href": "https://geodes.example/api/download/x", "type": "application/zip"}
    )
    with pytest.raises(ValueError, match="download it first"):
        layer_spec(remote_zip, "z")


def test_local_zip_product(tmp_path):
    archive = tmp_path / "SENTINEL2A_X.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("SENTINEL2A_X/SENTINEL2A_X_FRE_B4.tif", b"x")
        z.writestr("SENTINEL2A_X/SENTINEL2A_X_MTD_ALL.xml", b"x")
        z.writestr("SENTINEL2A_X/MASKS/SENTINEL2A_X_CLM_R1.tif", b"x")
    specs = zip_layer_specs(archive, name_prefix="P")
    assert [s.uri for s in specs] == [
        f"/vsizip/{archive.as_posix()}/SENTINEL2A_X/SENTINEL2A_X_FRE_B4.tif",
        f"/vsizip/{archive.as_posix()}/SENTINEL2A_X/MASKS/SENTINEL2A_X_CLM_R1.tif",
    ]
    assert specs[0].name == "P — SENTINEL2A_X_FRE_B4"
    local = item_with(z={"href": str(archive), "type": "application/zip"})
    assert layer_spec(local, "z").uri == specs[0].uri
    (tmp_path / "bad.zip").write_bytes(b"not a zip")
    with pytest.raises(ValueError, match="Cannot read the zip archive"):
        zip_layer_specs(tmp_path / "bad.zip")


def test_xyz_uri_validation():
    with pytest.raises(ValueError, match="XYZ tile template"):
        xyz_uri("https://example.org/tile.png")
    with pytest.raises(ValueError, match="zmin"):
        xyz_uri("https://e/{z}/{x}/{y}", 5, 2)


def test_primary_keys():
    from theia_plugin.core.catalogue.layers import primary_keys

    s2 = first(data.S2_L2A)
    assert primary_keys(s2) == list(data.S2_BANDS)  # bands, no masks/metadata/quicklook
    visual = item_with(
        v={"href": "https://e.org/v.tif", "roles": ["visual"]},
        d={"href": "https://e.org/d.tif", "roles": ["data"]},
    )
    assert primary_keys(visual) == ["v"]
    masks_only = item_with(m={"href": "https://e.org/m.tif", "roles": ["cloud"]})
    assert primary_keys(masks_only) == ["m"]


def test_true_colour_vrt_over_three_rasters(tmp_path):
    from osgeo import gdal

    from tests.servers.static_files import make_cog
    from theia_plugin.core.catalogue.layers import LayerSpec, write_true_colour_vrt

    specs = [
        LayerSpec("gdal", str(make_cog(tmp_path / f"{key}.tif", bands=1)), key)
        for key in ("B04", "B03", "B02")
    ]
    path = write_true_colour_vrt(specs, tmp_path / "out" / "rgb.vrt")
    assert path.is_file() and not list(path.parent.glob("*.part"))
    dataset = gdal.Open(str(path))
    assert dataset.RasterCount == 3
    interps = [dataset.GetRasterBand(b).GetColorInterpretation() for b in (1, 2, 3)]
    assert interps == [gdal.GCI_RedBand, gdal.GCI_GreenBand, gdal.GCI_BlueBand]
    assert int(dataset.GetRasterBand(2).ReadAsArray(20, 10, 1, 1)[0, 0]) == 1030
    with pytest.raises(ValueError, match="three GDAL rasters"):
        write_true_colour_vrt(specs[:2], tmp_path / "x.vrt")


def test_true_colour_of_a_zip_product(tmp_path):
    archive = tmp_path / "P.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for kind in ("SRE", "FRE"):
            for band in ("B12", "B2", "B3", "B4", "B8"):
                z.writestr(f"P/P_{kind}_{band}.tif", b"x")
    rgb = zip_true_colour_specs(zip_layer_specs(archive))
    assert rgb is not None
    assert [s.uri.rsplit("/", 1)[1] for s in rgb] == [
        "P_FRE_B4.tif",
        "P_FRE_B3.tif",
        "P_FRE_B2.tif",
    ]
    sre_only = [s for s in zip_layer_specs(archive) if "_SRE_" in s.uri]
    assert [s.uri.rsplit("_", 1)[1] for s in zip_true_colour_specs(sre_only)] == [
        "B4.tif",
        "B3.tif",
        "B2.tif",
    ]
    assert zip_true_colour_specs([s for s in sre_only if "B3" not in s.uri]) is None
