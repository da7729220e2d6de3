"""The learner model: mastery (BKT with forgetting), reviews (FSRS), grading, recommendations.

Plain Python, no Qt. Everything here works on small frozen dataclasses so the app can map
content packs and profile rows onto them; see ``docs/learner-model.md``.
"""
