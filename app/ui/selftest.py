"""``python -m app --self-test``: prove an install works, headlessly, in one JSON line.

It builds the real main window (offscreen), loads both models through the same
background operation the app uses, streams a deterministic answer through the same
tutor operation, and checks that the embedding model ranks a paraphrase above an
unrelated sentence. The PyInstaller bundle runs exactly this in CI.
"""

from __future__ import annotations

import json
import logging
import sys
import time
import traceback
from typing import Any

import numpy as np
from PySide6.QtCore import QEventLoop, QTimer

from app.core.content.library import builtin_dir
from app.core.content.loader import load_pack
from app.core.models import LoadState
from app.core.tutor.service import TutorReply
from app.ops import tutor as tutor_ops
from app.ops.context import AppContext
from app.ui.application import create_application
from app.ui.errors import describe_error
from app.ui.i18n import LANGUAGES, SOURCE_LANGUAGE, load_translator
from app.ui.main_window import MainWindow
from inference.cancel import CancelToken
from inference.heap import tune_malloc
from inference.llm import GenerationParams
from inference.registry import ModelSpec, locate, verify_model

log = logging.getLogger(__name__)

MIN_TOKENS = 16
SELF_TEST_PACK = "fractions"
TIMEOUT_MS = 300_000
SENTENCES = ("A fraction names equal parts of a whole.",
             "Fractions describe parts of one whole thing.",
             "Plants take in carbon dioxide through their leaves.")


class SelfTestFailed(Exception):
    pass


def _wait(window: MainWindow, signal: Any, what: str) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    timer = QTimer(window)
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(TIMEOUT_MS)
    loop.exec()
    if not timer.isActive():
        raise SelfTestFailed(f"timed out waiting for {what}")
    timer.stop()


def _generate(window: MainWindow, ctx: AppContext) -> tuple[int, float]:
    """Stream a deterministic answer through the app's own tutor operation."""
    answers: list[str] = []
    errors: list[Exception] = []
    done = window.tutor.answer_finished

    def on_done(reply: TutorReply) -> None:
        answers.append(reply.text)
        done.emit(reply.text)

    def on_error(exc: Exception) -> None:
        errors.append(exc)
        done.emit("")

    pack = ctx.subject = load_pack(builtin_dir() / SELF_TEST_PACK)  # a grounded question
    # Build the lesson index first so that tokens/s measures the tutor, not the indexing.
    ctx.runner.submit("inference", lambda: ctx.tutor.index(
        pack, ctx.models, CancelToken())).result(timeout=TIMEOUT_MS / 1000)
    started = time.perf_counter()
    tutor_ops.ask(parent=window, ctx=ctx, question="What is a fraction?",
                  params=GenerationParams.deterministic(max_tokens=48),
                  on_text=lambda _text: None, on_done=on_done, on_error=on_error)
    _wait(window, done, "the tutor's answer")
    elapsed = time.perf_counter() - started
    if errors:
        raise errors[0]
    tokens = ctx.models.chat().count_tokens(answers[0])
    if tokens < MIN_TOKENS:
        raise SelfTestFailed(f"the tutor produced only {tokens} tokens")
    return tokens, elapsed


def _check_embeddings(ctx: AppContext) -> int:
    vectors = ctx.models.embed().embed(list(SENTENCES))
    close, far = float(vectors[0] @ vectors[1]), float(vectors[0] @ vectors[2])
    if not close > far:
        raise SelfTestFailed(
            f"embeddings rank wrongly (similar {close:.3f} <= unrelated {far:.3f})")
    if not np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3):
        raise SelfTestFailed("embeddings are not unit length")
    return int(vectors.shape[1])


def _verify_files(spec: ModelSpec) -> str:
    """Every file of ``spec`` hashed again (no cached check); its sha256, shortened."""
    verify_model(spec, locate(spec), use_cache=False)
    return spec.files[0].sha256[:16]


def _check_translations() -> list[str]:
    """Every UI language's compiled translation loads (a bundle without its .qm fails)."""
    for language in LANGUAGES:
        translator = load_translator(language)
        if language != SOURCE_LANGUAGE and (translator is None or translator.isEmpty()):
            raise SelfTestFailed(f"the {language} translation (lantern_{language}.qm) is "
                                 "missing: run `make translations`")
    return list(LANGUAGES)


def _run(ctx: AppContext) -> dict[str, Any]:
    create_application()
    window = MainWindow(ctx)
    window.show()
    window.start_loading_models()
    _wait(window, window.models_ready, "the models to load")
    for role in ("chat", "embed"):
        status = ctx.models.status(role)
        if status.state is not LoadState.READY:
            raise status.error or SelfTestFailed(f"the {role} model did not load")
    tokens, seconds = _generate(window, ctx)
    dim = _check_embeddings(ctx)
    languages = _check_translations()
    window.close()
    chat, embed = ctx.models.status("chat"), ctx.models.status("embed")
    return {"ok": True, "chat_model": chat.spec.id, "chat_device": chat.summary,
            "chat_sha256": _verify_files(chat.spec),
            "tokens": tokens, "tokens_per_s": round(tokens / seconds, 1),
            "embed_model": embed.spec.id, "embed_device": embed.summary, "embed_dim": dim,
            "embed_sha256": _verify_files(embed.spec),
            # The pruned default embedder names the model it was built from.
            "embed_derived_from": embed.spec.derived_from or None,
            "ui_languages": languages}


def run_self_test() -> int:
    ctx: AppContext | None = None
    tune_malloc()  # as the app's warm-up does, before any thread starts
    try:
        create_application()
        ctx = AppContext.create()
        result = _run(ctx)
    except Exception as exc:
        log.error("self-test failed", exc_info=exc)
        traceback.print_exc(file=sys.stderr)
        result = {"ok": False, "error": describe_error(exc) if not isinstance(
            exc, SelfTestFailed) else str(exc)}
    finally:
        if ctx is not None:
            ctx.close()
    print(json.dumps(result), flush=True)
    return 0 if result["ok"] else 1
