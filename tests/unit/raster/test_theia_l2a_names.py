"""Finding bands and masks of Theia L2A products from their names (folder and zip)."""

from __future__ import annotations

import zipfile
from datetime import datetime, timezone

import pytest

from theia_plugin.core.raster.theia_l2a import ProductError, normalise_band, open_l2a

PID = "SENTINEL2B_20190312-104512-345_L2A_T31TCH_C_V2-2"
FILES = [
    f"{PID}_FRE_B2.tif",
    f"{PID}_FRE_B4.tif",
    f"{PID}_SRE_B4.tif",
    f"{PID}_FRE_B8A.tif",
    f"{PID}_FRE_B11.tif",
    f"MASKS/{PID}_CLM_R1.tif",
    f"MASKS/{PID}_CLM_R2.tif",
    f"MASKS/{PID}_EDG_R2.tif",
    f"{PID}_MTD_ALL.xml",
]


def make_folder(base, pid=PID, files=FILES):
    root = base / pid
    for name in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(b"")
    return root


def test_folder_product(tmp_path):
    product = open_l2a(make_folder(tmp_path))
    assert product.platform == "SENTINEL2B"
    assert product.tile == "T31TCH"
    assert product.version == "2-2"
    assert product.acquired == datetime(2019, 3, 12, 10, 45, 12, 345000, tzinfo=timezone.utc)
    assert product.band("B04").endswith(f"{PID}_FRE_B4.tif")
    assert product.band("4", "SRE").endswith(f"{PID}_SRE_B4.tif")
    assert product.band("b8a").endswith("_FRE_B8A.tif")
    assert product.mask("clm", 2).endswith(f"MASKS/{PID}_CLM_R2.tif")
    assert not product.is_zip


def test_zip_product_uses_vsizip(tmp_path):
    folder = make_folder(tmp_path / "src")
    archive_path = tmp_path / f"{PID}.zip"
    with zipfile.ZipFile(archive_path, "w") as archive:
        for name in FILES:
            archive.write(folder / name, f"{PID}/{name}")
    product = open_l2a(archive_path)
    assert product.is_zip
    assert product.band("B11") == f"/vsizip/{archive_path}/{PID}/{PID}_FRE_B11.tif"


def test_missing_band_names_what_exists(tmp_path):
    product = open_l2a(make_folder(tmp_path))
    with pytest.raises(ProductError, match=r"band FRE_B3 is missing \(available: FRE_B11, FRE_B2"):
        product.band("B3")
    with pytest.raises(ProductError, match=r"MASKS/.*_MG2_R2\.tif is missing"):
        product.mask("MG2", 2)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("not_a_product", "is not a Theia L2A product name"),
        ("SENTINEL2A_2019-01-15_L2A_T31TCH", "is not a Theia L2A product name"),
    ],
)
def test_bad_names(tmp_path, name, message):
    with pytest.raises(ProductError, match=message):
        open_l2a(make_folder(tmp_path, pid=name, files=["x_FRE_B2.tif"]))


def test_missing_path_and_corrupt_zip(tmp_path):
    with pytest.raises(ProductError, match="does not exist"):
        open_l2a(tmp_path / "nope")
    bad = tmp_path / f"{PID}.zip"
    bad.write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(ProductError, match="not a readable zip archive"):
        open_l2a(bad)


def test_folder_without_bands(tmp_path):
    with pytest.raises(ProductError, match=r"no .*_FRE_B\*\.tif band files"):
        open_l2a(make_folder(tmp_path, files=[f"MASKS/{PID}_CLM_R2.tif"]))


@pytest.mark.parametrize(("given", "expected"), [("B02", "B2"), ("8a", "B8A"), ("B12", "B12")])
def test_normalise_band(given, expected):
    assert normalise_band(given) == expected
