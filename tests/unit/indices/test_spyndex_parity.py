"""Our evaluator against spyndex's own evaluation of the same catalogue formulas.

spyndex (a development dependency only) evaluates the formulas as Python on numpy arrays; the
plugin parses them with its whitelist. Both must give the same values on the same arrays, for
every catalogue index. Where spyndex gives inf or NaN (a zero denominator), the plugin must
give NaN: nodata, never inf.
"""

from __future__ import annotations

import numpy as np
import pytest

from theia_plugin.core.indices import catalogue

spyndex = pytest.importorskip("spyndex")

# Values for the constants the catalogue gives no default (PAR, central wavelengths in nm).
NO_DEFAULT = {
    "PAR": 1.2,
    "lambdaG": 560.0,
    "lambdaR": 665.0,
    "lambdaN": 842.0,
    "lambdaN2": 865.0,
    "lambdaS1": 1610.0,
    "lambdaS2": 2190.0,
}


def _params(dtype):
    """Random reflectances with exact zeros (zero denominators) for every name in the catalogue."""
    rng = np.random.default_rng(280)
    names = {name for index in catalogue() for name in index.bands}
    params = {}
    for name in sorted(names):
        array = rng.uniform(0.0, 1.0, (48, 48)).astype(dtype)
        array[:3] = 0.0
        array[3, :10] = -0.05  # a few negative reflectances, as atmospheric correction leaves
        params[name] = array
    for index in catalogue():
        for name, default in index.constants.items():
            params[name] = NO_DEFAULT[name] if default is None else default
    return params


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_every_catalogue_index_matches_spyndex(dtype):
    params = _params(dtype)
    compared = 0
    worst = 0.0
    for index in catalogue():
        values = {name: params[name] for name in index.parsed.names}
        ours = index.parsed.evaluate(values, dtype=dtype)
        with np.errstate(all="ignore"):
            theirs = np.broadcast_to(
                np.asarray(spyndex.computeIndex(index.short_name, params=values)), ours.shape
            )
        finite = np.isfinite(theirs)
        assert np.isnan(ours[~finite]).all(), f"{index.short_name}: not NaN where spyndex is not"
        assert np.isfinite(ours[finite]).all(), f"{index.short_name}: NaN where spyndex is finite"
        np.testing.assert_allclose(
            ours[finite], theirs[finite], rtol=1e-5, atol=1e-7, err_msg=index.short_name
        )
        assert not np.isinf(ours).any()
        if finite.any():
            error = np.abs(ours[finite] - theirs[finite]) / np.abs(theirs[finite]).clip(1e-30)
            worst = max(worst, float(error.max()))
        compared += 1
    assert compared == 280
    print(f"{dtype.__name__}: {compared} indices compared, max relative error {worst:.3g}")
