"""Hardware fit: model choice against free memory, the 2-second probe, the plain sentence."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from inference import devices
from inference.errors import OutOfMemory
from inference.hardware import (
    choose_model,
    load_fit,
    measure,
    model_choice,
    probe_speed,
    save_fit,
)
from inference.llm import ChatEngine
from inference.registry import Registry, load_registry


def _with_big_model() -> Registry:
    builtin = load_registry()
    small = builtin.default("chat")
    big = replace(small, id="big-tutor", name="Big tutor", ram_mb=8000, default=False)
    return Registry(models=(*builtin.models, big))


def test_the_default_model_is_chosen_when_it_fits_and_bigger_ones_are_named() -> None:
    spec, refused = choose_model(_with_big_model(), free_mb=1000)
    assert spec.id == load_registry().default("chat").id and refused == ["Big tutor"]


def test_a_preferred_model_that_does_not_fit_gives_way_to_one_that_does() -> None:
    spec, refused = choose_model(_with_big_model(), free_mb=1000, preferred="big-tutor")
    assert spec.id != "big-tutor" and "Big tutor" in refused


def test_no_model_fits_is_refused_with_numbers_and_advice() -> None:
    with pytest.raises(OutOfMemory) as info:
        choose_model(load_registry(), free_mb=120)
    assert "only 120 MB is free" in str(info.value) and "school server" in info.value.hint


@pytest.mark.slow
def test_probe_and_plain_sentence_on_the_real_model(chat_engine: ChatEngine,
                                                    tmp_path: Path) -> None:
    words, tokens = probe_speed(chat_engine, seconds=0.5)
    assert words > 0 and tokens >= words / 3
    spec = load_registry().default("chat")
    fit = measure(devices.detect(), load_registry(), chat_engine, spec, seconds=0.5)
    assert fit.words_per_s > 0 and fit.model_label == "the standard tutor"
    assert fit.backend == "cpu" and fit.threads >= 1 and fit.ram_total_mb > 0
    save_fit(fit, tmp_path / "hardware.json")
    assert load_fit(tmp_path / "hardware.json") == fit


def test_missing_or_damaged_fit_file_means_measure_again(tmp_path: Path) -> None:
    assert load_fit(tmp_path / "none.json") is None
    (tmp_path / "bad.json").write_text('{"ram_total_mb": 1')
    assert load_fit(tmp_path / "bad.json") is None


@pytest.mark.slow
def test_the_app_loads_a_smaller_model_when_the_chosen_one_does_not_fit() -> None:
    from app.core.models import LoadState, ModelHost
    from inference.cancel import CancelToken

    builtin = load_registry()
    small = builtin.default("chat")
    huge = replace(small, id="huge-tutor", name="Huge tutor", ram_mb=10**8, default=True)
    registry = Registry(models=(replace(small, default=False), huge,
                                builtin.default("embed")))
    host = ModelHost(registry)
    assert host.status("chat").spec.id == "huge-tutor"
    host.load_all(lambda _m, _f: None, CancelToken())
    status = host.status("chat")
    assert status.state is LoadState.READY and status.spec.id == small.id
    host.close()


@pytest.mark.slow
def test_a_model_too_large_for_free_memory_is_refused_not_crashed() -> None:
    from app.core.models import LoadState, ModelHost
    from inference.cancel import CancelToken

    builtin = load_registry()
    huge = replace(builtin.default("chat"), ram_mb=10**8)
    host = ModelHost(Registry(models=(huge, builtin.default("embed"))))
    host.load_all(lambda _m, _f: None, CancelToken())
    status = host.status("chat")
    assert status.state is LoadState.FAILED and isinstance(status.error, OutOfMemory)
    assert "MB is free" in str(status.error) and status.error.hint
    host.close()


def test_a_laptop_with_little_memory_gets_the_small_tutor_and_is_told_why() -> None:
    registry = load_registry()
    wanted = registry.default("chat")
    choice = model_choice(registry, free_mb=wanted.ram_mb - 1)
    chosen = registry.get(choice["model"])
    assert chosen.ram_mb < wanted.ram_mb and chosen.role == "chat"
    assert wanted.name in choice["why"] and "smaller" in choice["why"]
    assert wanted.name in choice["too_large"]
    roomy = model_choice(registry, free_mb=64_000)
    assert roomy["model"] == wanted.id and "standard tutor" in roomy["why"]
