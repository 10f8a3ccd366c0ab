"""10 m -> 20 m aggregation: each 20 m pixel covers exactly four 10 m pixels."""

from __future__ import annotations

import numpy as np


def blocks_2x2(a: np.ndarray) -> np.ndarray:
    """The four 10 m pixels of each 20 m pixel, stacked on a last axis of length 4."""
    h, w = a.shape
    return a.reshape(h // 2, 2, w // 2, 2).transpose(0, 2, 1, 3).reshape(h // 2, w // 2, 4)


def mean_2x2(a: np.ndarray) -> np.ndarray:
    """20 m value as the mean of its four 10 m pixels (float32), as a coarser sensor sees it."""
    h, w = a.shape
    return a.reshape(h // 2, 2, w // 2, 2).mean(axis=(1, 3), dtype=np.float32)


def or_2x2(mask: np.ndarray) -> np.ndarray:
    """20 m mask: a flag holds if it holds in any of the four 10 m pixels."""
    h, w = mask.shape
    blocks = mask.reshape(h // 2, 2, w // 2, 2)
    return np.bitwise_or.reduce(np.bitwise_or.reduce(blocks, axis=3), axis=1)
