"""The Theia Processing provider (id ``theia``)."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from theia_plugin.__about__ import __icon_path__, __version__
from theia_plugin.core.i18n import tr

PROVIDER_ID = "theia"
MODELS_DIR = Path(__file__).resolve().parent.parent / "resources" / "models"


def bundled_models() -> list:
    """The example Processing models shipped in ``resources/models`` (``*.model3``)."""
    from qgis.core import QgsProcessingModelAlgorithm

    models = []
    for path in sorted(MODELS_DIR.glob("*.model3")):
        model = QgsProcessingModelAlgorithm()
        if model.fromFile(str(path)):
            models.append(model)
    return models


class TheiaProvider(QgsProcessingProvider):
    """Groups every Theia algorithm; algorithms are added by later modules."""

    def __init__(self):
        super().__init__()
        self._icon = QIcon(str(__icon_path__))

    def id(self) -> str:
        return PROVIDER_ID

    def name(self) -> str:
        return "Theia"

    def longName(self) -> str:
        return tr("Theia (Data Terra) — version {}").format(__version__)

    def icon(self) -> QIcon:
        return self._icon

    def versionInfo(self) -> str:
        return __version__

    def loadAlgorithms(self) -> None:
        for algorithm in self.algorithms_to_register():
            self.addAlgorithm(algorithm)
        # After the plugin's algorithms: the models' steps refer to them.
        for model in bundled_models():
            self.addAlgorithm(model)

    @staticmethod
    def algorithms_to_register() -> list:
        """Fresh instances of every algorithm of the plugin."""
        from theia_plugin.processing.catalogue import SearchCatalogueAlgorithm
        from theia_plugin.processing.catalogue_download import CatalogueDownloadAlgorithm
        from theia_plugin.processing.dsmopt import (
            FetchDsmOptResultsAlgorithm,
            SubmitDsmOptJobAlgorithm,
            WaitDsmOptJobAlgorithm,
        )
        from theia_plugin.processing.indices import (
            IndicesOverProductsAlgorithm,
            SeveralIndicesAlgorithm,
            SpectralIndexAlgorithm,
        )
        from theia_plugin.processing.indices_catalogue import FindIndicesAlgorithm
        from theia_plugin.processing.indices_raster import RasterIndexAlgorithm
        from theia_plugin.processing.snow import (
            SnowDetectionAlgorithm,
            SnowDetectionBatchAlgorithm,
            SnowSynthesisAlgorithm,
        )

        return [
            SpectralIndexAlgorithm(),
            SeveralIndicesAlgorithm(),
            IndicesOverProductsAlgorithm(),
            RasterIndexAlgorithm(),
            FindIndicesAlgorithm(),
            SnowDetectionAlgorithm(),
            SnowDetectionBatchAlgorithm(),
            SnowSynthesisAlgorithm(),
            SubmitDsmOptJobAlgorithm(),
            WaitDsmOptJobAlgorithm(),
            FetchDsmOptResultsAlgorithm(),
            CatalogueDownloadAlgorithm(),
            SearchCatalogueAlgorithm(),
        ]
