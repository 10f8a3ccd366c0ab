"""Parameters: upstream defaults, and reading the upstream LIS JSON files."""

from __future__ import annotations

import json
from dataclasses import FrozenInstanceError
from datetime import date
from pathlib import Path

import pytest

from theia_plugin.core.snow.parameters import DetectionParameters, SynthesisParameters

# The shared folder every developer and CI machine has beside the project (../shared).
CONFIGS = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "lis-configs"
needs_configs = pytest.mark.skipif(not CONFIGS.is_dir(), reason="LIS parameter files not found")


def load(name: str) -> dict:
    return json.loads((CONFIGS / name).read_text())


@needs_configs
def test_operational_file_gives_the_defaults():
    assert DetectionParameters.from_lis_json(load("LIS-1.6_hpc_param20190612T31TCH.json")) == (
        DetectionParameters()
    )


@needs_configs
def test_builder_template_and_1_11_defaults():
    template = load("LIS-1.6_build_json_conf_template.TRANSCRIBED.json")["conf_template"]
    assert DetectionParameters.from_lis_json(template) == DetectionParameters()
    # LIS 1.11 renamed keys (resize_factor, red_dark_cloud, red_back_to_cloud, no_data)
    config = load("LIS-1.11_FscConfig_defaults.TRANSCRIBED.json")
    config["cloud"].update(resize_factor=8, red_dark_cloud=350, red_back_to_cloud=90)
    params = DetectionParameters.from_lis_json(config)
    assert (params.rf, params.red_darkcloud, params.red_backtocloud) == (8, 350.0, 90.0)
    assert params.nodata == -10000 and params.multi == 10


@needs_configs
def test_legacy_file_values():
    params = DetectionParameters.from_lis_json(load("LIS-1.6_legacy_param_test_s2.json"))
    assert params.red_darkcloud == 650 and params.red_pass2 == 120
    assert params.shadow_in_mask == params.shadow_out_mask == 64
    assert params.high_cloud_mask == 32
    assert params.fclear_lim == 0.1  # absent: default kept
    assert isinstance(params.rf, int)


def test_defaults_and_raw_thresholds():
    params = DetectionParameters()
    assert params.raw(params.red_pass1) == 2000 and params.raw(params.red_darkcloud) == 3000
    with pytest.raises(FrozenInstanceError):
        params.rf = 3  # type: ignore[misc]
    with pytest.raises(ValueError, match="rf must be"):
        DetectionParameters(rf=0)


def test_hydrological_years():
    assert SynthesisParameters(year=2018).period() == (date(2018, 9, 1), date(2019, 8, 31))
    south = SynthesisParameters(year=2019, hemisphere="south").period()
    assert south == (date(2019, 3, 1), date(2020, 2, 29))
    assert SynthesisParameters().date_margin == 15
    with pytest.raises(ValueError, match="hydrological year"):
        SynthesisParameters().period()
    with pytest.raises(ValueError, match="hemisphere"):
        SynthesisParameters(year=2018, hemisphere="west").period()


def test_annual_map_json():
    params = SynthesisParameters.from_lis_json(
        {"date_start": "01/09/2018", "date_stop": "31/08/2019", "date_margin": "10"}
    )
    assert params.period() == (date(2018, 9, 1), date(2019, 8, 31))
    assert params.date_margin == 10
