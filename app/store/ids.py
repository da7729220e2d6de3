"""The profile id, on its own: the sign-in list (app.store.index) needs it before the
first paint, without the records' pydantic models."""

from typing import NewType

ProfileId = NewType("ProfileId", str)
