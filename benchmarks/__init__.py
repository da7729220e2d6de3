"""``python -m benchmarks``: every figure as a ratio against a baseline measured in the same run.

A benchmark is a function decorated with :func:`benchmark` in a module of this package
listed in ``MODULES``; it returns a :class:`Figure`. Absolute times go in ``detail`` as
context only.
"""
