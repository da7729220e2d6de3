"""The tutor: conversation, grounding with citations, hints, the Socratic guard, safety.

Plain Python (no Qt). The app's ops run these on the inference lane.
"""

from app.core.tutor.conversation import MAX_HISTORY_TURNS, ChatModel, Conversation, Turn

__all__ = ["MAX_HISTORY_TURNS", "ChatModel", "Conversation", "Turn"]
