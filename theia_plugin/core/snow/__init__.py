"""Snow products: per-date detection (L2B) and annual synthesis (L3B), Let It Snow parity.

Pure numpy on arrays already on the 20 m grid; product readers and windowed file I/O live
elsewhere. ``docs/snow.md`` is the specification; every rule here cites it.
"""

from theia_plugin.core.snow.detection import DetectionResult, SnowDetector, detect_snow
from theia_plugin.core.snow.naming import l2b_name, l3b_name
from theia_plugin.core.snow.parameters import DetectionParameters, SynthesisParameters
from theia_plugin.core.snow.synthesis import merge_same_day, plan_synthesis, synthesize_window

__all__ = [
    "DetectionParameters",
    "DetectionResult",
    "SnowDetector",
    "SynthesisParameters",
    "detect_snow",
    "l2b_name",
    "l3b_name",
    "merge_same_day",
    "plan_synthesis",
    "synthesize_window",
]
