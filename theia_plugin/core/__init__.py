"""Qt-free domain code of the Theia plugin: no widgets, no qgis.gui; testable with plain pytest."""
