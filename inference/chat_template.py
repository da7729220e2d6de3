"""Turn chat messages into the prompt text a GGUF model was trained on.

Order, as in llama-cpp-python: the template stored in the GGUF metadata
(``tokenizer.chat_template``), else ChatML, which most small instruct models use.
Templates run in Jinja2's sandbox: a model file is data and must not run code. The
sandbox stops attribute tricks but not work: ``range(999999999)`` raised an uncaught
``OverflowError`` and two nested loops hung the sideload for minutes. So a render also
has a budget (:class:`Budget`): template lines executed, wall time, output size, and the
size of any number passed to a call, a filter or ``*``; exceeding it is a
:class:`ModelLoadError`, like any other template that cannot be used.
"""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import FrameType
from typing import Any

from inference.errors import ModelLoadError

Message = Mapping[str, str]

CHATML = (
    "{% for message in messages %}"
    "{{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)
CHATML_STOPS = ("<|im_end|>", "<|im_start|>")


@dataclass(frozen=True)
class Budget:
    """What one render may use. A real template renders a 100-message conversation in
    a few thousand steps, a few ms and well under 1 MB."""

    steps: int = 200_000  # template lines executed (loops count every pass)
    seconds: float = 2.0
    output_chars: int = 2_000_000
    number: int = 100_000  # the largest int a call, filter or ``*`` may get


DEFAULT_BUDGET = Budget()
_TEMPLATE_FILE = "<template>"  # Jinja2's file name for code compiled from a string


class _OverBudget(Exception):
    pass


def _check_numbers(budget: Budget, values: Sequence[Any]) -> None:
    for value in values:
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > budget.number:
            raise _OverBudget(f"a number larger than {budget.number:,}")


def _environment(budget: Budget) -> Any:
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class Bounded(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**", "+"})

        def call(__self, __context: Any, __obj: Any, *args: Any,  # noqa: N805 (Jinja's API)
                 **kwargs: Any) -> Any:
            _check_numbers(budget, [*args, *kwargs.values()])
            return super().call(__context, __obj, *args, **kwargs)

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            _check_numbers(budget, [left, right])
            if operator == "**" and isinstance(right, int) and abs(right) > 64:
                raise _OverBudget("a power larger than 64")
            return _sized(budget, super().call_binop(context, operator, left, right))

    env = Bounded(trim_blocks=True, lstrip_blocks=True)
    env.filters = {name: _bounded_filter(fn, budget) for name, fn in env.filters.items()}
    env.globals["raise_exception"] = _raise
    return env


def _sized(budget: Budget, value: Any) -> Any:
    """``value``, unless it is a string or list longer than a whole prompt may be (a
    template doubling a string in a loop would otherwise fill the memory)."""
    if isinstance(value, str | list | tuple) and len(value) > budget.output_chars:
        raise _OverBudget(f"more than {budget.output_chars:,} characters")
    return value


def _bound_joins(template: Any, budget: Budget) -> None:
    """Make ``a ~ b`` in ``template`` check its result's size like ``+`` does.

    Jinja2 compiles ``~`` to a call of ``str_join``/``markup_join`` that the sandbox
    does not intercept; they are looked up in the compiled module's globals.
    """
    names = template.root_render_func.__globals__
    for name in ("str_join", "markup_join"):
        join = names.get(name)
        if join is not None:
            names[name] = functools.partial(_checked_join, join, budget)


def _checked_join(join: Callable[[Any], str], budget: Budget, seq: Any) -> str:
    return str(_sized(budget, join(seq)))


def _bounded_filter(fn: Callable[..., Any], budget: Budget) -> Callable[..., Any]:
    """``fn`` refusing huge numbers (``center(999999999)``); Jinja2's pass_* marks kept."""

    @functools.wraps(fn)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        _check_numbers(budget, [*args[1:], *kwargs.values()])
        return fn(*args, **kwargs)

    return bounded


class _StepCounter:
    """A trace function that counts lines run in template code and stops at the budget.

    Only frames of compiled templates are traced line by line, so the cost elsewhere is
    one call per Python function call during the render.
    """

    def __init__(self, budget: Budget) -> None:
        self.budget, self.steps = budget, 0
        self.deadline = time.monotonic() + budget.seconds

    def __call__(self, frame: FrameType, event: str, arg: Any) -> Any:
        if frame.f_code.co_filename != _TEMPLATE_FILE:
            return None
        return self._line

    def _line(self, frame: FrameType, event: str, arg: Any) -> Any:
        if event == "line":
            self.steps += 1
            if self.steps > self.budget.steps:
                raise _OverBudget(f"more than {self.budget.steps:,} steps")
            if not self.steps % 1024 and time.monotonic() > self.deadline:
                raise _OverBudget(f"more than {self.budget.seconds:g} s")
        return self._line


def _render_bounded(template: Any, budget: Budget, **values: Any) -> str:
    counter, previous = _StepCounter(budget), sys.gettrace()
    parts: list[str] = []
    size = 0
    sys.settrace(counter)
    try:
        for chunk in template.generate(**values):
            size += len(chunk)
            if size > budget.output_chars:
                raise _OverBudget(f"more than {budget.output_chars:,} characters")
            parts.append(chunk)
    finally:
        sys.settrace(previous)
    return "".join(parts)


@dataclass(frozen=True)
class ChatTemplate:
    source: str
    origin: str  # "gguf" or "fallback:chatml"
    bos_token: str = ""
    eos_token: str = ""

    def render(self, messages: Sequence[Message], *, add_generation_prompt: bool = True,
               budget: Budget = DEFAULT_BUDGET) -> str:
        """The prompt text; raises :class:`ModelLoadError` when the template fails or
        would exceed ``budget``."""
        # Jinja2 is imported on first use: the app's start-up path imports `Message` only.
        from jinja2 import TemplateError

        try:
            template = _environment(budget).from_string(self.source)
            _bound_joins(template, budget)
            return _render_bounded(
                template, budget,
                messages=[dict(m) for m in messages],
                add_generation_prompt=add_generation_prompt,
                bos_token=self.bos_token,
                eos_token=self.eos_token,
            )
        except _OverBudget as exc:
            raise ModelLoadError(
                f"The model's chat template asks for too much work ({exc}), so it was "
                "not used.", hint="Use a model whose chat template is an ordinary one, "
                "or ask the model's publisher for a fixed file.") from None
        except (TemplateError, RecursionError, MemoryError, OverflowError,
                ArithmeticError, TypeError, ValueError, LookupError,
                AttributeError) as exc:
            # What a template's own expressions can raise on odd values: the template
            # is data from the model file, so any of these is the file's fault.
            raise ModelLoadError(f"The model's chat template could not be used: "
                                 f"{type(exc).__name__}: {exc}") from None

    @property
    def stops(self) -> tuple[str, ...]:
        stops = list(CHATML_STOPS) if "<|im_start|>" in self.source else []
        if self.eos_token and self.eos_token not in stops:
            stops.append(self.eos_token)
        return tuple(stops)


def _raise(message: str) -> Any:
    from jinja2 import TemplateError  # loaded already: only a rendering template calls this

    raise TemplateError(message)


def from_metadata(metadata: Mapping[str, str], *, bos: str = "", eos: str = "") -> ChatTemplate:
    """The GGUF's own template, or ChatML when the file has none."""
    source = metadata.get("tokenizer.chat_template")
    if source:
        return ChatTemplate(source=source, origin="gguf", bos_token=bos, eos_token=eos)
    return ChatTemplate(source=CHATML, origin="fallback:chatml", bos_token=bos, eos_token=eos)
