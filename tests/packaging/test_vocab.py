"""Where the pruned embedder's pieces come from (packaging/models/vocab.py)."""

from __future__ import annotations

import pytest

from inference.embed import CHARS_PER_TOKEN, DEFAULT_MAX_LENGTH
from inference.registry import load_registry, resolve
from inference.vocab_prune import Piece, read_recipe, required_ids
from packaging.models import vocab
from packaging.models.corpus import REPO_ROOT
from packaging.models.entry import PARENT_ID, RECIPE_NAME


def test_number_words_include_fraction_words_as_answers_write_them() -> None:
    words = set(vocab.number_words())
    assert {"seven", "sevenths", "halves", "five-sevenths", "three halves", "Quarters",
            "twentieth"} <= words


def test_long_texts_are_also_cut_where_the_app_s_engine_cuts_them() -> None:
    cut = DEFAULT_MAX_LENGTH * CHARS_PER_TOKEN
    long = "word " * cut
    assert vocab.as_embedded(["short", long]) == ["short", long, long[:cut]]


def test_rule_based_pieces_han_and_numbers() -> None:
    pieces = [Piece("<unk>", 0, 2), Piece("\u2581分数", -5, 1), Piece("分", -4, 1),
              Piece("\u2581cat", -6, 1), Piece("\u258112", -7, 1), Piece("/14", -8, 1),
              Piece("2-3", -8, 1), Piece("a1b", -9, 1), Piece("中a", -9, 1)]
    assert vocab.han_pieces(pieces) == [1, 2]
    assert vocab.number_pieces(pieces) == [4, 5, 6]


def test_every_starter_pack_text_is_found_in_both_languages() -> None:
    texts = vocab.pack_texts()
    assert any("分数" in t for t in texts) and any("fraction" in t for t in texts)
    assert any("photosynthesis" in t.lower() for t in texts)
    assert len(texts) == len(set(texts)) > 500


def test_held_out_texts_are_the_evaluation_sets_without_identifiers() -> None:
    held = vocab.held_out_texts()
    assert "What is a fraction?" in held  # retrieval_cross_language.toml
    assert not any(t.startswith("fractions-") or t in {"fractions", "en", "zh"} for t in held)


@pytest.mark.slow
def test_the_committed_recipe_holds_every_starter_pack_piece() -> None:
    """What the gate relies on: every piece of every starter-pack text is kept, so those
    texts are segmented, and embedded, exactly as by the parent."""
    parent = resolve(load_registry().get(PARENT_ID)) / "model.onnx"
    tokenizer = vocab.Tokenizer(parent)
    from inference.vocab_prune import sentencepiece_pieces

    pieces = sentencepiece_pieces(tokenizer.model_proto)
    kept = set(read_recipe(REPO_ROOT / "assets" / "models" / RECIPE_NAME).tolist())
    kept |= required_ids(pieces)
    needed = set(tokenizer.ids(vocab.as_embedded(vocab.pack_texts())).tolist())
    assert needed <= kept
    assert len(kept) < 0.45 * len(pieces)
