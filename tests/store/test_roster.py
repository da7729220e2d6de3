"""The sign-in list read from the index file alone (app.store.roster), against the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.store import ProfileStore, StoreError
from app.store.index import ProfileIndex
from app.store.roster import INDEX_FILE, read_cards
from tests.store.constants import PASSPHRASE


def test_no_index_file_yet_lists_nobody(data_dir: Path) -> None:
    assert read_cards(data_dir / "profiles") == []


def test_the_list_is_the_stores_list_sorted_by_name_ignoring_case(store: ProfileStore) -> None:
    for nickname, avatar in (("zoe", "owl"), ("Anna", "fox"), ("ben", "cat")):
        store.lock(store.create(nickname=nickname, avatar=avatar, passphrase=PASSPHRASE))

    cards = read_cards(store.root)

    assert [c.nickname for c in cards] == ["Anna", "ben", "zoe"]
    assert cards == [entry.card for entry in store.profiles()]
    assert [c.avatar for c in cards] == ["fox", "cat", "owl"]


@pytest.mark.parametrize("text", [
    "not json at all", '{"format": "something-else", "profiles": []}', "[1, 2, 3]",
    '{"format": "lantern-profiles", "profiles": 7}',
    '{"format": "lantern-profiles", "profiles": [{"nickname": "no id"}]}',
    '{"format": "lantern-profiles", "profiles": ["a string"]}', "\x00\xff"])
def test_a_damaged_index_is_one_clear_error_for_the_list_and_the_store(
        data_dir: Path, text: str) -> None:
    root = data_dir / "profiles"
    root.mkdir()
    (root / INDEX_FILE).write_text(text, encoding="utf-8", errors="surrogateescape")

    with pytest.raises(StoreError) as listed:
        read_cards(root)
    with pytest.raises(StoreError) as loaded:
        ProfileIndex.load(root / INDEX_FILE)

    assert "can't read its list of profiles" in listed.value.user_message()
    assert listed.value.user_message() == loaded.value.user_message()
    assert (root / INDEX_FILE).read_text(encoding="utf-8", errors="surrogateescape") == text
