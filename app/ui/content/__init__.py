"""The Content page (teachers: import, list and remove packs) and the Subjects page."""
