from __future__ import annotations

import struct
import tracemalloc

import msgpack
import numpy as np
import pytest

from labs.sandbox import untrusted, wire


def frame_of(envelope: bytes, payload: bytes = b"") -> bytes:
    return struct.pack(">4sII", wire.MAGIC, len(envelope), len(payload)) + envelope + payload


def test_arrays_round_trip_to_the_bit():
    value = {"a": np.random.default_rng(0).normal(size=(5, 3)), "b": [1, 2.5, None, "x"],
             "c": np.arange(4, dtype=np.int32), "d": np.float64(np.nan), "e": True,
             "f": np.zeros((0, 3)), "g": [np.ones(2, dtype=np.uint8), {"h": np.int64(7)}]}
    back = wire.decode_frame(wire.encode(value))
    assert np.array_equal(back["a"], value["a"]) and back["a"].dtype == np.float64
    assert back["c"].dtype == np.int32 and back["b"] == [1, 2.5, None, "x"]
    assert np.isnan(back["d"]) and back["e"] is True
    assert back["f"].shape == (0, 3) and back["g"][0].tolist() == [1, 1] and back["g"][1] == {"h": 7}
    assert back["a"].flags.writeable  # a copy, not a view of the frame


def test_object_arrays_are_refused_both_ways():
    with pytest.raises(TypeError, match="dtype object"):
        wire.encode(np.array([object()]))
    header = msgpack.ExtType(1, msgpack.packb(["|O", [0]]))
    with pytest.raises(wire.WireError, match="refusing"):
        wire.decode_frame(frame_of(msgpack.packb(header)))


def test_arbitrary_objects_are_refused():
    with pytest.raises(TypeError, match="cannot be sent back"):
        wire.encode({"f": lambda: 0})


@pytest.mark.parametrize("envelope, payload, reason", [
    (msgpack.packb(msgpack.ExtType(1, msgpack.packb(["<f8", [4]]))), b"\0" * 8,
     "larger than the bytes sent"),
    (msgpack.packb([1]), b"\0" * 8, "with no array to hold them"),
    (msgpack.packb(msgpack.ExtType(1, msgpack.packb(["<f8", [-1]]))), b"", "malformed shape"),
    (msgpack.packb(msgpack.ExtType(9, b"")), b"", "unknown extension"),
    (b"\xc1", b"", "malformed"),
    (b"\x91" * 5000 + b"\x90", b"", "malformed"),  # nesting deeper than msgpack's stack
    (msgpack.packb({1: 2}), b"", "malformed"),  # keys are strings only
])
def test_malformed_frames_are_refused(envelope, payload, reason):
    with pytest.raises(wire.WireError, match=reason):
        wire.decode_frame(frame_of(envelope, payload))


def test_a_header_over_the_caps_is_refused_before_anything_is_read():
    with pytest.raises(wire.WireError, match="above the cap"):
        wire.frame_sizes(struct.pack(">4sII", wire.MAGIC, 30 * 2**20, 0))
    with pytest.raises(wire.WireError, match="above the cap"):
        wire.frame_sizes(struct.pack(">4sII", wire.MAGIC, 10, 100 * 2**20))
    with pytest.raises(wire.WireError, match="not a frame"):
        wire.frame_sizes(b"{\"ok\": [1, 2]}"[:12])


def test_nested_empty_lists_cost_the_reader_little_memory():
    """The amplification attack at its worst within the cap: 4 MB of empty lists would be
    4 million Python lists (about 250 MB); the reader stops at MAX_CONTAINERS."""
    block = b"\xdc" + struct.pack(">H", 65535) + (b"\x9f" + b"\x90" * 15) * 65535
    envelope = b"\x94" + block * 4  # 4 lists of 65,535 lists of 15 empty lists
    assert len(envelope) <= wire.ENVELOPE_CAP
    tracemalloc.start()
    try:
        with pytest.raises(wire.WireError, match="lists and maps"):
            wire.decode(envelope)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50 * 2**20, f"{peak / 2**20:.0f} MB"


def test_text_is_decoded_cleaned_and_bounded():
    budget = untrusted.TextBudget(50)
    assert untrusted.text(b"ok \xff\xfe") == "ok \ufffd\ufffd"
    assert untrusted.text("a\ud800b").strip("ab\ufffd") == ""  # a lone surrogate replaced
    assert untrusted.text("\x1b[2J\x1b]52;c;aGk=\x07PASS\r\nx\x00\u202e") == "PASS\nx"
    assert untrusted.text("y" * 30, limit=10).startswith("y" * 10 + " [... 20 more")
    assert untrusted.text("z" * 40, budget=budget) == "z" * 40
    assert untrusted.text("w" * 40, budget=budget).startswith("w" * 10 + " [the rest left out")
    assert untrusted.text("v", budget=budget).startswith(" [the rest left out")


def test_a_spent_text_budget_never_blanks_an_answers_keys():
    """A long grading (thousands of calls, each answer's keys once counted as text) spent
    the budget, and "ok" came back cut: the grader failed with KeyError. Keys are names,
    cut to a length but never charged; values still are."""
    budget = untrusted.TextBudget(10)
    answers = [untrusted.clean_strings({"id": "a1", "ok": {"d_loss": [1.0], "note": "x" * 8}},
                                       budget) for _ in range(3)]
    assert all(set(a) == {"id", "ok"} and set(a["ok"]) == {"d_loss", "note"} for a in answers)
    assert answers[0]["ok"]["note"] == "x" * 8  # charged: the next ones are cut
    assert answers[2]["ok"]["note"].startswith(" [the rest left out")
    long_key = untrusted.clean_strings({"k" * 500: 1}, untrusted.TextBudget())
    assert all(len(key) < 200 for key in long_key)


def test_the_answer_id_is_never_charged_to_the_text_budget():
    """The id is the grader's (checked equal to the request's): thousands of calls must not
    spend the budget that a student's text is bounded by."""
    from labs.sandbox.child import Child

    child = Child.__new__(Child)  # its request path only: no process
    child.text_budget = untrusted.TextBudget(10)
    child.start = lambda: None
    child._exchange = lambda message, timeout: {"id": "0123456789abcdef", "ok": "xy"}
    answers = [child.request({"probe": "p"}, 1.0) for _ in range(6)]
    assert all(a["id"] == "0123456789abcdef" for a in answers)
    assert [a["ok"] for a in answers[:5]] == ["xy"] * 5  # 10 characters: the budget, exactly
    assert answers[5]["ok"].startswith(" [the rest left out")


def test_student_text_is_shown_quoted():
    assert untrusted.quote("PASS 5/5\nnote: «waived»") == "«PASS 5/5 ⏎ note: ‹waived›»"
    assert untrusted.quote_lines("PASS 5/5\nsecond") == "| PASS 5/5\n| second"
    assert untrusted.name(b"bad\xffname\n".decode("utf-8", "surrogateescape")) == "bad\ufffdname "
