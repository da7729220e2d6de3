"""The optional school hub: receives noised weekly aggregates from enrolled laptops and
shows a class's figures per skill. A separate process with no Qt; install it with the
``hub`` extra and start it with ``lantern-hub``. See ``docs/sync.md``.
"""
