"""The DSM-OPT job form: fields read from the server's process description (OGC API -
Processes inputs as JSON Schema), or the known parameters of the service when the server
describes none (the GDM API's form format is not public).

Fields fall in three groups: ``main`` (name, preset, images, region of interest, output CRS:
the dock draws dedicated widgets for them), ``standard`` and ``expert`` (MicMac settings).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from theia_plugin.core.i18n import tr

__all__ = [
    "EXPERT_KEYS",
    "KNOWN_DESCRIPTION",
    "MAIN_KEYS",
    "PRESET_VALUES",
    "FieldSpec",
    "form_fields",
]

MAIN_KEYS = ("name", "preset", "images", "roi", "outputCrs")
EXPERT_KEYS = ("SzW", "Regul", "ZInc", "ZPas", "DefCor")


def _input(title: str, schema: dict[str, Any], required: bool = False) -> dict[str, Any]:
    return {"title": title, "schema": schema, "minOccurs": 1 if required else 0}


#: The parameters documented for DSM-OPT, as an OGC process description.
KNOWN_DESCRIPTION: dict[str, Any] = {
    "id": "dsm-opt",
    "title": "DSM-OPT",
    "inputs": {
        "name": _input("Job name", {"type": "string"}),
        "preset": _input("Landscape preset", {"type": "string", "enum": ["Paysage forestier"]}),
        "images": _input(
            "Stereo images (2 or 3)",
            {"type": "array", "items": {"type": "string"}, "minItems": 2, "maxItems": 3},
            required=True,
        ),
        "roi": _input("Region of interest", {"type": "array", "items": {"type": "number"}}),
        "outputCrs": _input("Output CRS", {"type": "string", "default": "EPSG:2154"}),
        "zoomF": _input(
            "DSM resolution factor (ZoomF)",
            {"type": "integer", "enum": [1, 2, 4, 8], "default": 2},
        ),
        "orthoImages": _input("Individual ortho-images", {"type": "boolean", "default": True}),
        "orthoMosaic": _input("Ortho-mosaic", {"type": "boolean", "default": False}),
        "pointCloud": _input("Point cloud", {"type": "boolean", "default": False}),
        "coregistration": _input("DSM coregistration", {"type": "boolean", "default": False}),
        "waterMask": _input("Water masking", {"type": "boolean", "default": False}),
        "SzW": _input(
            "Correlation window (SzW: 2 = 5×5, 3 = 7×7)",
            {"type": "integer", "enum": [2, 3], "default": 2},
        ),
        "Regul": _input(
            "Regularization (Regul)",
            {"type": "number", "minimum": 0, "maximum": 1, "default": 0.025},
        ),
        "ZInc": _input(
            "Z uncertainty (ZInc)", {"type": "number", "minimum": 0, "maximum": 10, "default": 0.1}
        ),
        "ZPas": _input(
            "Precision threshold (ZPas)",
            {"type": "number", "minimum": 0, "maximum": 10, "default": 0.4},
        ),
        "DefCor": _input(
            "Decorrelation threshold (DefCor)",
            {"type": "number", "minimum": 0, "maximum": 1, "default": 0.2},
        ),
    },
}

#: Expert values suggested with a landscape preset (the user may still change them).
PRESET_VALUES: dict[str, dict[str, Any]] = {
    "Paysage forestier": {"SzW": 3, "Regul": 0.1, "DefCor": 0.2},
    "Montagne": {"SzW": 2, "Regul": 0.025, "DefCor": 0.2},
}


@dataclass(frozen=True)
class FieldSpec:
    """One form field: ``kind`` ∈ string, integer, number, boolean, array."""

    key: str
    title: str
    kind: str
    group: str  # main, standard or expert
    default: Any = None
    choices: tuple = ()
    minimum: float | None = None
    maximum: float | None = None
    required: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def form_fields(description: Mapping[str, Any] | None) -> list[FieldSpec]:
    """The fields of ``description`` (an OGC process description), or of
    :data:`KNOWN_DESCRIPTION` when it has no inputs."""
    inputs = (description or {}).get("inputs") or {}
    if isinstance(inputs, list):  # OGC API - Processes 1.0 drafts listed inputs with an id
        inputs = {item.get("id"): item for item in inputs if isinstance(item, dict)}
    if not inputs:
        inputs = KNOWN_DESCRIPTION["inputs"]
    fields_: list[FieldSpec] = []
    for key, spec in inputs.items():
        if not isinstance(spec, dict) or not key:
            continue
        schema = spec.get("schema") or {}
        kind = str(schema.get("type") or "string")
        if key in MAIN_KEYS:
            group = "main"
        elif key in EXPERT_KEYS:
            group = "expert"
        else:
            group = "standard"
        fields_.append(
            FieldSpec(
                key=str(key),
                title=str(spec.get("title") or key),
                kind=kind,
                group=group,
                default=schema.get("default"),
                choices=tuple(schema.get("enum") or ()),
                minimum=schema.get("minimum"),
                maximum=schema.get("maximum"),
                required=int(spec.get("minOccurs", 0) or 0) > 0,
            )
        )
    return fields_


def describe_field(spec: FieldSpec) -> str:
    """A tooltip: the key and the accepted values."""
    if spec.choices:
        accepted = ", ".join(str(c) for c in spec.choices)
    elif spec.minimum is not None or spec.maximum is not None:
        accepted = f"{spec.minimum if spec.minimum is not None else '…'}–" + (
            f"{spec.maximum if spec.maximum is not None else '…'}"
        )
    else:
        accepted = spec.kind
    return tr("Parameter {key}: {accepted}").format(key=spec.key, accepted=accepted)
