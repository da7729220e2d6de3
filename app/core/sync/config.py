"""The teacher's sync settings, kept in the encrypted profile (the token is a secret)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from app.core.sync.privacy import DEFAULT_EPSILON, MAX_EPSILON, MIN_EPSILON


class SyncConfig(BaseModel):
    """Off by default. ``epsilon`` is both one week's budget and what one send costs,
    so a learner's figures leave at most once a week.
    """

    enabled: bool = False
    epsilon: float = Field(default=DEFAULT_EPSILON, ge=MIN_EPSILON, le=MAX_EPSILON)
    hub_url: str = ""
    key_id: str = ""
    token: str = ""
    class_name: str = ""
    approved_shape: str = ""  # shape digest the teacher last approved in the preview
    approved_secure: str = ""  # the same for class rounds (secure aggregation)

    @property
    def enrolled(self) -> bool:
        return bool(self.key_id and self.token)
