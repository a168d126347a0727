"""`kata hint`: one hint at a time, remembered in .kata-state.json, and an honest end."""

from __future__ import annotations

import json

HINTS = ["Use threading.Lock.", "Take it in increment.", "Return the new value."]


def test_each_call_reveals_the_next_hint_and_remembers_it(counter_repo, kata):
    for number, text in enumerate(HINTS, 1):
        code, out, _ = kata(counter_repo, "hint", "counter")
        assert code == 0
        assert f"Hint {number}/3 for counter: {text}" in out
        assert out.count("Hint ") == 1  # only the new one
        state = json.loads((counter_repo / ".kata-state.json").read_text(encoding="utf-8"))
        assert state["hints"] == {"counter": number}
    assert "That was the last hint." in out


def test_says_clearly_when_no_hints_are_left(counter_repo, kata):
    for _ in HINTS:
        kata(counter_repo, "hint", "counter")
    code, out, _ = kata(counter_repo, "hint", "counter")
    assert code == 0
    assert "No hints left for counter: you have seen all 3." in out
    assert "Hint " not in out


def test_all_shows_every_hint_and_counts_them_used(counter_repo, kata):
    kata(counter_repo, "hint", "counter")
    code, out, _ = kata(counter_repo, "hint", "counter", "--all")
    assert code == 0
    for number, text in enumerate(HINTS, 1):
        assert f"Hint {number}/3 for counter: {text}" in out
    _, out, _ = kata(counter_repo, "hint", "counter")
    assert "No hints left" in out


def test_a_damaged_state_file_is_reported_and_left_alone(counter_repo, kata):
    state = counter_repo / ".kata-state.json"
    state.write_text("{not json", encoding="utf-8")
    code, out, err = kata(counter_repo, "hint", "counter")
    assert code == 2
    assert ".kata-state.json cannot be read" in err
    assert "Hint" not in out
    assert state.read_text(encoding="utf-8") == "{not json"


def test_an_unknown_kata_is_a_clear_error(counter_repo, kata):
    code, _, err = kata(counter_repo, "hint", "no_such_kata")
    assert code == 2
    assert "unknown kata 'no_such_kata'" in err
    assert not (counter_repo / ".kata-state.json").exists()
