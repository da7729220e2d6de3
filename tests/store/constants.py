"""Constants shared by the store tests and their child processes (kept import-light)."""

from __future__ import annotations

from app.store.keys import KdfParams

# Argon2id with small parameters: stored with each wrap like the calibrated ones, so the
# code path is the same, only faster.
FAST_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1, salt=bytes(16))
PASSPHRASE = "purple tiger jumps high"
