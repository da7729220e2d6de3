"""Optional sync of anonymised, locally noised aggregates to a school hub. No Qt here.

Flow: :func:`~app.core.sync.aggregate.aggregate_week` turns a learner's attempts and
mastery into per-skill figures for one ISO week; :func:`~app.core.sync.privacy.release`
clamps and noises them with exact discrete Laplace noise after the
:class:`~app.core.sync.ledger.PrivacyLedger` has agreed to the spend;
:mod:`~app.core.sync.payload` signs the result; :class:`~app.core.sync.outbox.Outbox`
keeps it until a transport (:mod:`~app.core.sync.transport`) delivers it. See
``docs/sync.md``.
"""
