"""The learning domain in plain Python (no Qt): tutor, content, learner model, sync."""
