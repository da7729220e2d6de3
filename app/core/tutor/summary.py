"""Lesson summaries: five bullet points, written by the model once, then cached.

The cache key is the pack version, the lesson, the model file's sha256 and the prompt
version, so a new pack, model or prompt gives a fresh summary. Bullets that fail the
safety filter or state a false arithmetic claim (``claims``) are dropped; missing
bullets are filled with the first sentence of lesson sections the model left out, so
the learner always gets five.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from app.atomic import write_text_atomic
from app.core.content.model import Lesson, Pack
from app.core.content.passages import lesson_passages
from app.core.content.tokenize import has_cjk
from app.core.prompts import load_prompt, render_prompt
from app.core.tutor.claims import false_claims
from app.core.tutor.conversation import ChatModel
from app.core.tutor.policy import LANGUAGE_INSTRUCTION
from app.core.tutor.safety import SafetyFilter
from inference.cancel import CancelToken
from inference.params import GenerationParams

BULLETS = 5
# The lesson text the model reads: about 750 tokens either way (Qwen2.5 reads about four
# English characters a token, under one and a half Chinese ones), so the prompt and the
# bullets fit the tutor's context window (inference.llm.TUTOR_CONTEXT) with room to spare.
SOURCE_CHARS = {"latin": 3000, "cjk": 1000}
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+(.+?)\s*$")
_SENTENCES = re.compile(r"(?<=[.!?。！？])\s*")


def cache_key(pack: Pack, lesson: Lesson, model_sha256: str) -> str:
    _, version = load_prompt("lesson_summary")
    raw = f"{pack.info.key}|{lesson.id}|{model_sha256}|v{version}"
    return hashlib.sha256(raw.encode()).hexdigest()[:24]


def summarise(pack: Pack, lesson: Lesson, *, chat: ChatModel, safety: SafetyFilter,
              model_sha256: str, cache_dir: Path,
              cancel: CancelToken | None = None) -> list[str]:
    """Five bullet points for ``lesson``, from the cache when possible.

    Raises :class:`~inference.errors.Cancelled` when ``cancel`` is set during the
    generation; nothing is cached then.
    """
    path = cache_dir / "summaries" / f"{cache_key(pack, lesson, model_sha256)}.json"
    try:
        cached = json.loads(path.read_text("utf-8"))
        if isinstance(cached, list) and len(cached) == BULLETS:
            return [str(b) for b in cached]
    except (OSError, ValueError):
        pass
    bullets = _generate(pack, lesson, chat, safety, cancel)
    write_text_atomic(path, json.dumps(bullets, ensure_ascii=False))
    return bullets


def _generate(pack: Pack, lesson: Lesson, chat: ChatModel, safety: SafetyFilter,
              cancel: CancelToken | None) -> list[str]:
    language = "zh-Hans" if pack.info.language.startswith("zh") else "en"
    passages = lesson_passages(lesson, pack_id=pack.info.id)
    text = "\n".join(p.text for p in passages)
    text = text[:SOURCE_CHARS["cjk" if has_cjk(text) else "latin"]]
    prompt = render_prompt("lesson_summary", language=LANGUAGE_INSTRUCTION[language],
                           title=lesson.title, text=text)
    params = GenerationParams(max_tokens=220, temperature=0.0, seed=7)
    text = "".join(chat.stream_chat([{"role": "user", "content": prompt}], params, cancel))
    if cancel is not None:
        cancel.raise_if_cancelled()  # a cut-off summary is not cached
    # A bullet with a false arithmetic claim is dropped like an unsafe one.
    bullets = [b for b in parse_bullets(text)
               if safety.check(b).safe and not false_claims(b)][:BULLETS]
    for sentence in lesson_sentences([p.text for p in passages]):  # where the model fell short
        if len(bullets) >= BULLETS:
            break
        if sentence not in bullets:
            bullets.append(sentence)
    return bullets[:BULLETS]


def parse_bullets(text: str) -> list[str]:
    found = [m[1] for line in text.splitlines() if (m := _BULLET.match(line))]
    return [b for b in dict.fromkeys(found) if len(b) > 3]


def lesson_sentences(sections: list[str]) -> list[str]:
    """Every section's first sentence, then every section's second, and so on."""
    split = [[s for s in _SENTENCES.split(" ".join(t.split())) if len(s) > 3] for t in sections]
    longest = max((len(s) for s in split), default=0)
    return [part[i] for i in range(longest) for part in split if i < len(part)]
