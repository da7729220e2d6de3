"""RemoteChat: the tutor model on a server on the school network (OpenAI-compatible API).

For laptops too weak to run the model, a teacher points Lantern at llama.cpp's
``llama-server``, llama-cpp-python's ``llama_cpp.server``, vLLM or Ollama. RemoteChat has
the interface of :class:`inference.llm.ChatEngine` where the tutor uses it: ``stream_chat``
yields text pieces, stops between pieces once ``cancel`` is set, and every failure is an
:class:`InferenceError` with words a teacher can act on.

Only the standard library's ``http.client`` is used (no extra dependency, no proxy
settings picked up from the environment: the server is on the LAN). A stop while the
server is silent does not wait for the read timeout: a watcher shuts the socket down.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import logging
import socket
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from inference.cancel import CancelToken
from inference.chat_template import Message
from inference.errors import InferenceError
from inference.llm import ChatEngineInfo
from inference.params import GenerationParams

log = logging.getLogger(__name__)

_SWITCH_HINT = ("Check that the server computer is switched on and on the school network, "
                "or choose 'This laptop' for the tutor in Settings.")


class ServerUnavailable(InferenceError):
    default_hint = _SWITCH_HINT


class ServerTimeout(InferenceError):
    default_hint = ("The server may be busy with many students. Try again in a minute, or "
                    "choose 'This laptop' for the tutor in Settings.")


@dataclass(frozen=True)
class ServerConfig:
    url: str  # e.g. "http://192.168.1.20:8080" (a trailing /v1 is optional)
    model: str = ""  # empty: the server's first (or only) model
    connect_timeout_s: float = 3.0
    read_timeout_s: float = 30.0  # longest silence allowed between two pieces

    def parts(self) -> tuple[str, str, int, str]:
        split = urlsplit(self.url if "://" in self.url else f"http://{self.url}")
        if split.scheme not in ("http", "https") or not split.hostname:
            raise ServerUnavailable(f"'{self.url}' is not a server address.",
                                    hint="Type it like http://192.168.1.20:8080")
        base = split.path.rstrip("/")
        base = base if base.endswith("/v1") else base + "/v1"
        port = split.port or (443 if split.scheme == "https" else 80)
        return split.scheme, split.hostname, port, base


class RemoteChat:
    """Stream chat completions from an OpenAI-compatible server.

    Construction checks that the server answers (``GET /v1/models``) and picks the model,
    so a wrong address fails at once with :class:`ServerUnavailable`, not at the first
    question.
    """

    def __init__(self, config: ServerConfig, *, name: str | None = None) -> None:
        self.config = config
        self._scheme, self._host, self._port, self._base = config.parts()
        self.model = config.model or self._first_model()
        self.info = ChatEngineInfo(
            model_name=name or self.model, path=Path(self.model), n_ctx=0, n_threads=0,
            gpu_layers_requested=0, gpu_layers_offloaded=None, template_origin="server",
            device="lan")

    @property
    def address(self) -> str:
        return f"{self._host}:{self._port}"

    def _connection(self, timeout: float) -> http.client.HTTPConnection:
        cls = (http.client.HTTPSConnection if self._scheme == "https"
               else http.client.HTTPConnection)
        conn = cls(self._host, self._port, timeout=self.config.connect_timeout_s)
        try:
            conn.connect()
        except TimeoutError as exc:
            raise ServerTimeout(f"The tutor server at {self.address} did not answer.",
                                hint=_SWITCH_HINT) from exc
        except OSError as exc:
            raise ServerUnavailable(
                f"Lantern could not reach the tutor server at {self.address}.") from exc
        assert conn.sock is not None
        conn.sock.settimeout(timeout)
        return conn

    def _first_model(self) -> str:
        data = self._get_json("/models")
        models = [m.get("id") for m in data.get("data", []) if isinstance(m, dict)]
        if not models:
            raise ServerUnavailable(f"The tutor server at {self.address} offers no model.",
                                    hint="Ask whoever runs the server to load a chat model.")
        return str(models[0])

    def _get_json(self, path: str) -> dict[str, Any]:
        conn = self._connection(self.config.read_timeout_s)
        try:
            conn.request("GET", self._base + path)
            response = self._check(conn.getresponse())
            return dict(json.loads(response.read() or b"{}"))
        except TimeoutError as exc:
            raise self._slow() from exc
        except (OSError, ValueError, http.client.HTTPException) as exc:
            raise ServerUnavailable(
                f"The tutor server at {self.address} gave an answer Lantern cannot read.",
                hint="Check the address points to an OpenAI-compatible server "
                     "(llama-server, vLLM, Ollama).") from exc
        finally:
            conn.close()

    def _check(self, response: http.client.HTTPResponse) -> http.client.HTTPResponse:
        if response.status == 200:
            return response
        body = response.read(2000).decode("utf-8", errors="replace")
        log.warning("server %s answered %s: %s", self.address, response.status, body[:300])
        raise ServerUnavailable(
            f"The tutor server at {self.address} refused the request (error {response.status}).",
            hint="Check the model name in Settings, or ask whoever runs the server.")

    def _slow(self) -> ServerTimeout:
        return ServerTimeout(f"The tutor server at {self.address} is taking too long to answer "
                             f"(nothing for {self.config.read_timeout_s:g} seconds).")

    def stream_chat(self, messages: Sequence[Message], params: GenerationParams | None = None,
                    cancel: CancelToken | None = None) -> Iterator[str]:
        """Yield the reply piece by piece; a stop ends the stream quietly (not an error)."""
        params = params or GenerationParams()
        body = json.dumps(_request_body(self.model, messages, params)).encode("utf-8")
        return self._stream(body, cancel or CancelToken())

    def _stream(self, body: bytes, cancel: CancelToken) -> Iterator[str]:
        conn = self._connection(self.config.read_timeout_s)
        finished = threading.Event()
        watcher = threading.Thread(target=_shutdown_on_cancel, args=(conn, cancel, finished),
                                   name="lantern-remote-cancel", daemon=True)
        watcher.start()
        try:
            conn.request("POST", self._base + "/chat/completions", body=body,
                         headers={"Content-Type": "application/json",
                                  "Accept": "text/event-stream"})
            response = self._check(conn.getresponse())
            yield from _pieces(response, cancel)
        except TimeoutError as exc:
            if not cancel.cancelled:
                raise self._slow() from exc
        except (OSError, http.client.HTTPException) as exc:
            if not cancel.cancelled:
                raise ServerUnavailable(
                    f"The connection to the tutor server at {self.address} was lost.") from exc
        finally:
            finished.set()
            conn.close()
            watcher.join()

    def count_tokens(self, text: str) -> int:
        """An estimate (about four characters a token): the server holds the tokenizer."""
        return max(1, len(text) // 4) if text else 0

    def close(self) -> None:
        """Nothing to free: each request uses its own connection."""


def _request_body(model: str, messages: Sequence[Message],
                  params: GenerationParams) -> dict[str, Any]:
    body: dict[str, Any] = {
        "model": model, "messages": [dict(m) for m in messages], "stream": True,
        "max_tokens": params.max_tokens, "temperature": params.temperature,
        "top_p": params.top_p, "seed": params.seed,
    }
    if params.stop:
        body["stop"] = list(params.stop)
    return body


def _pieces(response: http.client.HTTPResponse, cancel: CancelToken) -> Iterator[str]:
    """Parse server-sent events: ``data: {json}`` lines, ended by ``data: [DONE]``."""
    while not cancel.cancelled:
        line = response.readline()
        if not line:
            return
        text = line.decode("utf-8", errors="replace").strip()
        if not text.startswith("data:"):
            continue
        payload = text[5:].strip()
        if payload == "[DONE]":
            return
        piece = _delta(payload)
        if piece:
            yield piece


def _delta(payload: str) -> str:
    try:
        choice = json.loads(payload)["choices"][0]
    except (ValueError, KeyError, IndexError, TypeError):
        return ""
    delta = choice.get("delta") or {}
    return str(delta.get("content") or "")


def _shutdown_on_cancel(conn: http.client.HTTPConnection, cancel: CancelToken,
                        finished: threading.Event) -> None:
    while not finished.wait(0.1):
        if cancel.cancelled and conn.sock is not None:
            with contextlib.suppress(OSError):
                conn.sock.shutdown(socket.SHUT_RDWR)
            return
