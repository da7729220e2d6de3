"""Content packs: the pack model, loading and validation, the retrieval index.

Plain Python, no Qt. ``python -m app.core.content --help`` lists the command-line tools.
"""
