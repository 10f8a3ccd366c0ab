"""Processing adapters: thin QgsProcessingAlgorithm wrappers over core functions."""
