"""Sync widgets: the teacher's settings and the preview of exactly what leaves."""
