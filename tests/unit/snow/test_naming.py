"""Output names follow the upstream LIS products."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from theia_plugin.core.snow.naming import l2b_name, l3b_name


def test_l2b_name():
    acquired = datetime(2019, 1, 15, 10, 34, 21)
    assert (
        l2b_name("FSC-TOC", "T31TCH", acquired, "1.0")
        == "LIS_S2-SNOW-FSC-TOC_T31TCH_20190115T103421_1.0.tif"
    )
    assert l2b_name("SEB", "31TCH", acquired, "1.0").startswith("LIS_S2-SNOW-SEB_T31TCH_")


def test_l3b_name():
    name = l3b_name("SMOD", "T31TCH", date(2018, 9, 1), date(2019, 8, 31), "1.0")
    assert name == "LIS_S2-SNOW-SMOD_T31TCH_20180901_20190831_1.0.tif"
    with pytest.raises(ValueError):
        l3b_name("FSC", "T31TCH", date(2018, 9, 1), date(2019, 8, 31), "1.0")
