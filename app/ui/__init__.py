"""The Qt user interface. The only package (with app.ops) that imports PySide6."""

import shiboken6

from app.ui.pyside_hook import read_sources_without_caching

# Before any other module of the UI is imported: PySide6's import hook looks at each one.
read_sources_without_caching()
del shiboken6
