"""The Qt user interface. The only package (with app.ops) that imports PySide6."""
