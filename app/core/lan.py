"""The tutor on a school-network server, falling back to this laptop's model.

:class:`LanChat` is what :class:`app.core.models.ModelHost` gets from its ``chat_loader``
when Settings point the tutor at a LAN server. It streams from the server; when the
server is down or too slow *before the first word arrives*, it loads the local model
(once) and answers from it, and its ``notice`` says so for the status bar. Once part of
an answer has arrived from the server, a failure is reported as an error instead: mixing
two models' words in one answer would confuse a learner.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from inference.cancel import CancelToken
from inference.chat_template import Message
from inference.devices import DeviceChoice
from inference.errors import InferenceError
from inference.params import GenerationParams
from inference.registry import ModelSpec
from inference.remote import RemoteChat, ServerConfig, ServerTimeout, ServerUnavailable

if TYPE_CHECKING:  # the local engine imports llama.cpp: only when falling back to it
    from inference.llm import ChatEngine, ChatEngineInfo

log = logging.getLogger(__name__)

LocalLoader = Callable[[ModelSpec, DeviceChoice], "ChatEngine"]
_SERVER_ERRORS = (ServerUnavailable, ServerTimeout)


class LanChat:
    """A RemoteChat with a local fallback; same interface as ``ChatEngine`` for the tutor."""

    def __init__(self, config: ServerConfig, spec: ModelSpec, choice: DeviceChoice, *,
                 local_loader: LocalLoader | None = None) -> None:
        self._spec, self._choice, self._local_loader = spec, choice, local_loader
        self.remote: RemoteChat | None = None
        self.local: ChatEngine | None = None
        self.notice = ""
        self._local_only = False
        try:
            self.remote = RemoteChat(config)
        except _SERVER_ERRORS as exc:
            log.warning("LAN tutor server unavailable at start: %s", exc)
            self._fall_back(exc)

    @property
    def info(self) -> ChatEngineInfo:
        return self.local.info if self.local is not None else self._remote().info

    def describe(self) -> str:
        """For the status bar: where answers come from right now, and why."""
        if self.local is None:
            remote = self._remote()
            return f"{remote.model} · school server {remote.address}"
        return f"{self._spec.name} · this laptop · {self.notice}"

    def _remote(self) -> RemoteChat:
        assert self.remote is not None
        return self.remote

    def _fall_back(self, error: InferenceError) -> ChatEngine:
        if self.local is None:
            from inference.loader import load_chat

            self.local = (self._local_loader or load_chat)(self._spec, self._choice)
            self.notice = f"school server not reachable ({error})"
        return self.local

    def prefer_local(self) -> None:
        """Answer on this laptop from now on (the server is not trusted for this session).

        The local model loads at the next answer, on the inference lane.
        """
        self._local_only = True

    def stream_chat(self, messages: Sequence[Message], params: GenerationParams | None = None,
                    cancel: CancelToken | None = None) -> Iterator[str]:
        if self.local is None and self._local_only:
            self._fall_back(InferenceError("not used for a learner who does not trust "
                                           "this laptop's class key"))
        if self.local is not None:
            yield from self.local.stream_chat(messages, params, cancel)
            return
        started = False
        try:
            for piece in self._remote().stream_chat(messages, params, cancel):
                started = True
                yield piece
        except _SERVER_ERRORS as exc:
            if started:
                raise
            log.warning("LAN tutor server failed; answering on this laptop: %s", exc)
            try:
                local = self._fall_back(exc)
            except InferenceError:
                raise exc from None  # no local model either: the server's message is clearer
            yield from local.stream_chat(messages, params, cancel)

    def count_tokens(self, text: str) -> int:
        if self.local is not None:
            return self.local.count_tokens(text)
        return self._remote().count_tokens(text)

    def close(self) -> None:
        if self.local is not None:
            self.local.close()


def lan_loader(config: ServerConfig, local_loader: LocalLoader | None = None
               ) -> Callable[[ModelSpec, DeviceChoice], LanChat]:
    """A ``chat_loader`` for :class:`ModelHost` that uses the server at ``config``."""

    def load(spec: ModelSpec, choice: DeviceChoice) -> LanChat:
        return LanChat(config, spec, choice, local_loader=local_loader)

    return load
