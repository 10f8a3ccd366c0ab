"""Seeded procedural noise that can be evaluated window by window.

Every field is a pure function of absolute coordinates and a seed: a lattice of pseudo-random
values is derived by hashing integer lattice coordinates (no stored lattice, no global state),
then interpolated with cubic B-splines. Because the generators evaluate on regular pixel grids,
the 2-D interpolation is done separably (first along x for the few lattice rows a window needs,
then along y), which makes each octave cost a handful of operations per pixel. All arithmetic is
element-wise, so a window computed on its own is bit-identical to the same rows of a larger
window: rasters stitch seamlessly and do not depend on the window size.
"""

from __future__ import annotations

import zlib

import numpy as np

_M1 = np.uint64(0x9E3779B97F4A7C15)
_M2 = np.uint64(0xC2B2AE3D27D4EB4F)
_M3 = np.uint64(0xBF58476D1CE4E5B9)
_M4 = np.uint64(0x94D049BB133111EB)
_S30, _S27, _S31, _S11 = np.uint64(30), np.uint64(27), np.uint64(31), np.uint64(11)
_TWO_POW_53 = 2.0**-53
_MASK64 = (1 << 64) - 1


def derive_key(seed: int, *labels: str | int) -> int:
    """A 64-bit key for one named field of one seed (stable across runs and platforms)."""
    text = "/".join([str(int(seed)), *map(str, labels)]).encode()
    return (zlib.crc32(text) << 32) | zlib.crc32(text[::-1])


def _mix(h: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: a bijective scrambling of 64-bit integers (in place)."""
    with np.errstate(over="ignore"):  # wrapping multiplication is the point
        h ^= h >> _S30
        h *= _M3
        h ^= h >> _S27
        h *= _M4
        h ^= h >> _S31
    return h


def hash_uniform(iy: np.ndarray, ix: np.ndarray, key: int) -> np.ndarray:
    """Uniform values in [0, 1) for integer coordinates (broadcast together), float64."""
    iy = np.asarray(iy, dtype=np.int64).astype(np.uint64)
    ix = np.asarray(ix, dtype=np.int64).astype(np.uint64)
    with np.errstate(over="ignore"):
        h = _mix((iy * _M1) ^ (ix * _M2) ^ np.uint64(key & _MASK64))
    return (h >> _S11).astype(np.float64) * _TWO_POW_53


def pixel_noise(rows: np.ndarray, cols: np.ndarray, key: int) -> np.ndarray:
    """Zero-mean white noise per pixel, triangular distribution on (-1, 1), float32.

    Two 32-bit uniforms come out of one 64-bit hash; their sum is cheap and smooth enough
    to stand in for sensor noise.
    """
    iy = np.asarray(rows, dtype=np.int64).astype(np.uint64)[:, None]
    ix = np.asarray(cols, dtype=np.int64).astype(np.uint64)[None, :]
    with np.errstate(over="ignore"):
        h = _mix((iy * _M1) ^ (ix * _M2) ^ np.uint64(key & _MASK64))
    low = (h & np.uint64(0xFFFFFFFF)).astype(np.float32)
    high = (h >> np.uint64(32)).astype(np.float32)
    return (low + high) * np.float32(2.0**-32) - np.float32(1.0)


def _bspline_weights(t: np.ndarray) -> tuple[np.ndarray, ...]:
    """Uniform cubic B-spline weights of the four lattice nodes around ``t`` in [0, 1).

    B-spline interpolation (rather than the usual smoothstep) has no flat spot at the lattice
    nodes and a nearly isotropic kernel, so shaded relief shows no square lattice artefacts.
    """
    t2 = t * t
    t3 = t2 * t
    return (
        ((1.0 - t) ** 3 / 6.0).astype(np.float32),
        ((3.0 * t3 - 6.0 * t2 + 4.0) / 6.0).astype(np.float32),
        ((-3.0 * t3 + 3.0 * t2 + 3.0 * t + 1.0) / 6.0).astype(np.float32),
        (t3 / 6.0).astype(np.float32),
    )


def _axis(coords: np.ndarray) -> tuple[np.ndarray, tuple[np.ndarray, ...], int, int]:
    """Lattice node index (relative to the first node used) and weights along one axis."""
    cell = np.floor(coords)
    weights = _bspline_weights(coords - cell)
    cell = cell.astype(np.int64)
    first = int(cell.min()) - 1
    return cell - first - 1, weights, first, int(cell.max()) + 3 - first


#: Brings the B-spline-smoothed lattice back to the spread of the raw lattice (std ~0.58).
_GAIN = np.float32(2.1)


def value_noise(y: np.ndarray, x: np.ndarray, key: int) -> np.ndarray:
    """Smooth noise centred on 0 (mostly within [-1, 1]) on the grid ``y[:, None] x x[None, :]``.

    Coordinates are in lattice units; the result is float32.
    """
    iy, wy, y0, ny = _axis(np.asarray(y, dtype=np.float64))
    ix, wx, x0, nx = _axis(np.asarray(x, dtype=np.float64))
    lattice = hash_uniform(
        np.arange(y0, y0 + ny)[:, None], np.arange(x0, x0 + nx)[None, :], key
    ).astype(np.float32)
    lattice = (lattice - np.float32(0.5)) * (np.float32(2.0) * _GAIN)
    # x pass on the few lattice rows the window touches, then y pass per pixel
    along_x = lattice[:, ix] * wx[0]
    for tap in (1, 2, 3):
        along_x += lattice[:, ix + tap] * wx[tap]
    out = along_x[iy] * wy[0][:, None]
    for tap in (1, 2, 3):
        out += along_x[iy + tap] * wy[tap][:, None]
    return out


def _octave_count(cell: float, finest: float, octaves: int) -> int:
    """Octaves whose cells are finer than ``finest`` only alias: leave them out."""
    count = 1
    while count < octaves and cell / 2.0**count >= finest:
        count += 1
    return count


def fbm(
    y: np.ndarray,
    x: np.ndarray,
    key: int,
    *,
    cell: float,
    octaves: int,
    finest: float = 0.0,
    gain: float = 0.5,
) -> np.ndarray:
    """Fractal sum of value noise, normalised to about [-1, 1]; coordinates in world metres.

    ``cell`` is the lattice spacing of the first octave; each next octave halves it.
    Per-octave lattice offsets keep octaves from sharing lattice nodes (visible as a grid).
    """
    total = np.zeros((len(y), len(x)), dtype=np.float32)
    norm = 0.0
    amplitude = 1.0
    for octave in range(_octave_count(cell, finest, octaves)):
        size = cell / 2.0**octave
        shift = 1000.0 * hash_uniform(octave, 0, key ^ 0x5EED)[()]
        layer = value_noise(
            np.asarray(y) / size + shift, np.asarray(x) / size - shift, key + 7919 * octave
        )
        layer *= np.float32(amplitude)
        total += layer
        norm += amplitude
        amplitude *= gain
    total /= np.float32(norm)
    return total


def ridged(
    y: np.ndarray,
    x: np.ndarray,
    key: int,
    *,
    cell: float,
    octaves: int,
    finest: float = 0.0,
    gain: float = 0.5,
) -> np.ndarray:
    """Ridged fractal sum in [0, 1]: sharp crest lines along the zero crossings of each octave.

    Summed without Musgrave's inter-octave weighting, which with this smooth basis either
    wipes out the detail or floods the valleys with it.
    """
    total = np.zeros((len(y), len(x)), dtype=np.float32)
    norm = 0.0
    amplitude = 1.0
    for octave in range(_octave_count(cell, finest, octaves)):
        size = cell / 2.0**octave
        shift = 1000.0 * hash_uniform(octave, 1, key ^ 0x5EED)[()]
        signal = value_noise(
            np.asarray(y) / size - shift, np.asarray(x) / size + shift, key + 104729 * octave
        )
        np.abs(signal, out=signal)
        np.minimum(signal, np.float32(1.0), out=signal)
        np.subtract(np.float32(1.0), signal, out=signal)
        signal *= signal
        signal *= np.float32(amplitude)
        total += signal
        norm += amplitude
        amplitude *= gain
    total /= np.float32(norm)
    return total
