"""Lantern, the offline AI tutor: the desktop client and the learning domain it drives."""

__version__ = "0.1.0"
