"""The LAN tutor server, against a real one: llama-cpp-python's own OpenAI-compatible
``llama_cpp.server`` with the default GGUF on 127.0.0.1 (loopback only).

Up (streams, stops on cancel), down (clear message, local fallback), slow (the server
process is paused with SIGSTOP: the kernel still accepts the connection, nothing answers).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.core.lan import LanChat, lan_loader
from app.core.models import LoadState, ModelHost
from inference.cancel import CancelToken
from inference.llm import GenerationParams
from inference.loader import cpu_choices
from inference.registry import load_registry, resolve
from inference.remote import RemoteChat, ServerConfig, ServerTimeout, ServerUnavailable

pytestmark = pytest.mark.slow
QUESTION = [{"role": "user", "content": "What is a fraction?"}]
PARAMS = GenerationParams.deterministic(max_tokens=24)


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    url: str

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        os.kill(self.process.pid, signal.SIGSTOP)
        try:
            yield
        finally:
            os.kill(self.process.pid, signal.SIGCONT)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(server: Server, log: Path) -> None:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"llama_cpp.server exited: {log.read_text()[-2000:]}")
        try:
            RemoteChat(ServerConfig(server.url, connect_timeout_s=1, read_timeout_s=5))
            return
        except (ServerUnavailable, ServerTimeout):
            time.sleep(0.5)
    pytest.fail("llama_cpp.server did not start in 180 s")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    spec = load_registry().default("chat")
    model = resolve(spec) / spec.file(".gguf").name
    port = _free_port()
    log = tmp_path_factory.mktemp("server") / "server.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host",
             "127.0.0.1", "--port", str(port), "--n_ctx", "1024", "--n_threads", "1"],
            stdout=out, stderr=subprocess.STDOUT)
    running = Server(process, f"http://127.0.0.1:{port}")
    try:
        _wait_until_up(running, log)
        yield running
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_streams_an_answer_from_the_server(server: Server) -> None:
    chat = RemoteChat(ServerConfig(server.url))
    assert chat.info.device == "lan" and chat.model
    pieces = list(chat.stream_chat(QUESTION, PARAMS))
    assert len(pieces) > 5, "the answer must arrive piece by piece"
    assert "".join(pieces).strip()


def test_stop_ends_the_stream_quietly(server: Server) -> None:
    chat = RemoteChat(ServerConfig(server.url))
    cancel = CancelToken()
    pieces = []
    for piece in chat.stream_chat(QUESTION, GenerationParams.deterministic(200), cancel):
        pieces.append(piece)
        cancel.cancel()
    assert len(pieces) == 1


def test_server_down_gives_a_clear_message_and_the_tutor_falls_back_to_local() -> None:
    url = f"http://127.0.0.1:{_free_port()}"  # nothing listens there
    with pytest.raises(ServerUnavailable) as info:
        RemoteChat(ServerConfig(url))
    assert "could not reach the tutor server at 127.0.0.1" in str(info.value)
    assert "This laptop" in info.value.hint
    host = ModelHost(chat_loader=lan_loader(ServerConfig(url)))
    host.load_all(lambda _m, _f: None, CancelToken())
    status = host.status("chat")
    assert status.state is LoadState.READY
    assert "this laptop" in status.summary and "school server not reachable" in status.summary
    assert "".join(host.chat().stream_chat(QUESTION, PARAMS)).strip()
    host.close()


def test_slow_server_times_out_with_a_clear_message(server: Server) -> None:
    chat = RemoteChat(ServerConfig(server.url, read_timeout_s=1.5))
    with server.paused(), pytest.raises(ServerTimeout) as info:
        list(chat.stream_chat(QUESTION, PARAMS))
    assert "taking too long" in str(info.value) and "1.5 seconds" in str(info.value)


def test_stop_while_the_server_is_silent_does_not_wait_for_the_timeout(server: Server) -> None:
    # With a 120 s read timeout, only the cancel watcher can end this stream early;
    # without it the test would hit ServerTimeout (or pytest's own timeout) instead.
    chat = RemoteChat(ServerConfig(server.url, read_timeout_s=120))
    cancel = CancelToken()
    with server.paused():
        threading.Timer(0.5, cancel.cancel).start()
        assert list(chat.stream_chat(QUESTION, PARAMS, cancel)) == []


def test_slow_server_mid_session_answers_from_this_laptop(server: Server) -> None:
    spec = load_registry().default("chat")
    chat = LanChat(ServerConfig(server.url, read_timeout_s=1.0), spec, cpu_choices(1)[0])
    assert "school server 127.0.0.1" in chat.describe()
    with server.paused():
        answer = "".join(chat.stream_chat(QUESTION, PARAMS))
    assert answer.strip() and chat.local is not None
    assert "school server not reachable" in chat.describe()
    chat.close()


def test_a_wrong_address_is_explained() -> None:
    with pytest.raises(ServerUnavailable) as info:
        RemoteChat(ServerConfig("ftp://school-server"))
    assert "is not a server address" in str(info.value)
