"""`kata verify`: the reference passes, the skeleton fails each behaviour, each mutant is caught."""

from __future__ import annotations


def test_a_sound_kata_verifies(counter_repo, kata):
    code, out, err = kata(counter_repo, "verify")
    assert code == 0, err
    assert "│ counter │ 2     │ 2/2 │ 2/2  │ 1       │ 1      │ 0    │ 0     │ 100%  │" in out


def test_strict_names_a_behaviour_no_mutant_fails(counter_repo, kata):
    code, _, err = kata(counter_repo, "verify", "--strict")
    assert code == 1  # the counter's only mutant (no_lock) leaves the scenario unproven
    assert "counter: no mutant fails behaviour counts_up_from_the_start" in err


def test_a_mutant_that_passes_everything_is_reported(counter_repo, kata):
    mutants = counter_repo / "specs" / "counter" / "mutants"
    (mutants / "not_a_bug.py").write_text(
        (counter_repo / "specs" / "counter" / "reference.py").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    code, _, err = kata(counter_repo, "verify")
    assert code == 1
    assert "counter: mutant not_a_bug passes every behaviour: the suite misses its bug" in err


def test_a_reference_that_fails_is_reported(counter_repo, kata):
    reference = counter_repo / "specs" / "counter" / "reference.py"
    text = reference.read_text(encoding="utf-8")
    head, _, tail = text.rpartition(
        "return self._value"
    )  # the property: no mutant's diff touches it
    reference.write_text(head + "return self._value + 1" + tail, encoding="utf-8")
    code, _, err = kata(counter_repo, "verify")
    assert code == 1
    assert "counter: the reference passes 0/2 behaviours; failing: counts_up_from_the_start" in err


def test_a_mutant_whose_diff_no_longer_applies_stops_verify_with_its_location(counter_repo, kata):
    reference = counter_repo / "specs" / "counter" / "reference.py"
    text = reference.read_text(encoding="utf-8")
    reference.write_text(
        text.replace("self._value += 1", "self._value = self._value + 1"), encoding="utf-8"
    )
    code, _, err = kata(counter_repo, "verify")
    assert code == 2
    assert "specs/counter/mutants/no_lock.diff:5: the diff no longer applies to reference.py" in err
