"""Unit tests of the reference perceptron (labs.perceptron.train, gates, batched)."""
from __future__ import annotations

import numpy as np
import pytest

from labs.perceptron import GATES, INPUTS, predict, train, train_many
from labs.perceptron.batched import compiled_kernel


def test_gates_are_the_truth_tables():
    assert GATES["AND"] == (0, 0, 0, 1) and GATES["OR"] == (0, 1, 1, 1)
    for name, table in GATES.items():
        x1, x2 = INPUTS.T.astype(bool)
        expected = {"AND": x1 & x2, "OR": x1 | x2, "XOR": x1 ^ x2, "NAND": ~(x1 & x2),
                    "NOR": ~(x1 | x2), "XNOR": ~(x1 ^ x2)}[name]
        assert np.array_equal(np.array(table, bool), expected), name


def test_shapes_and_history_ends():
    result = train("AND", 0.7, 25, seed=3)
    assert result.weights.shape == (3,) and result.errors.shape == (25,)
    assert result.weight_history.shape == (101, 3)
    assert np.array_equal(result.weight_history[0], np.random.default_rng(3).random(3))
    assert np.array_equal(result.weight_history[-1], result.weights)


def test_one_iteration_by_hand():
    """The report's update rule, written out by hand for one iteration on OR."""
    w = np.random.default_rng(5).random(3)
    worst = 0.0
    for (x1, x2), d in zip(INPUTS, GATES["OR"]):
        x = np.array([-1.0, x1, x2])
        delta = d - 1.0 / (1.0 + np.exp(-(x @ w)))
        w = w + 0.7 * x * delta
        worst = max(worst, abs(delta))
    result = train("OR", 0.7, 1, seed=5)
    np.testing.assert_allclose(result.weights, w, rtol=1e-13)
    np.testing.assert_allclose(result.errors[0], worst, rtol=1e-13)


def test_predict_matches_sigmoid():
    np.testing.assert_allclose(predict([0.5, 1.0, 2.0], INPUTS),
                               1 / (1 + np.exp(-(-0.5 + INPUTS @ [1.0, 2.0]))), rtol=1e-14)


def test_sigmoid_does_not_overflow():
    assert np.all(np.isfinite(predict([1e4, -1e4, -1e4], INPUTS)))


@pytest.mark.parametrize("kwargs, message", [
    ({"desired": "MAYBE"}, "unknown gate 'MAYBE'"),
    ({"desired": [0, 1, 1]}, "shape (4,)"),
    ({"coeff": 0.0}, "coeff must be a positive number, got 0.0"),
    ({"coeff": float("nan")}, "coeff must be a positive number, got nan"),
    ({"iterations": 0}, "iterations must be an integer >= 1, got 0"),
    ({"iterations": 2.5}, "iterations must be an integer >= 1, got 2.5"),
])
def test_bad_input_names_the_bad_value(kwargs, message):
    arguments = {"desired": "AND", "coeff": 0.7, "iterations": 10, **kwargs}
    with pytest.raises(ValueError, match=__import__("re").escape(message)):
        train(**arguments)


BATCH_BACKENDS = [
    "numpy",
    pytest.param("compiled", marks=pytest.mark.skipif(
        compiled_kernel() is None, reason="the compiled loop was not built (no C compiler)")),
]


@pytest.mark.parametrize("backend", BATCH_BACKENDS)
def test_train_many_equals_train_for_mixed_runs(backend):
    coeffs = np.array([0.01, 0.3, 0.7, 2.0, 10.0, 0.7])
    seeds = [0, 1, 2, 3, 4, 1]
    for gate in ("AND", "XOR", "NAND"):
        batch = train_many(gate, coeffs, 400, seeds, backend=backend)
        for k in range(len(seeds)):
            single = train(gate, coeffs[k], 400, seeds[k])
            np.testing.assert_allclose(batch.weights[k], single.weights, rtol=0, atol=1e-12)
            np.testing.assert_allclose(batch.errors[k], single.errors, rtol=0, atol=1e-12)


@pytest.mark.parametrize("backend", BATCH_BACKENDS)
def test_train_many_equals_train_across_blocks_and_threads(backend):
    """More runs than one block of the compiled loop (256) and one thread's chunk (2048),
    a sweep of coeffs, 1000 iterations; spot-checked against train, with and without errors."""
    runs = 4500
    coeffs = np.geomspace(0.01, 10.0, runs)
    seeds = np.arange(runs) * 7919 + 2 ** 40  # seeds of two 32-bit words
    batch = train_many("OR", coeffs, 1000, seeds, backend=backend)
    light = train_many("OR", coeffs, 1000, seeds, record_errors=False, backend=backend)
    np.testing.assert_allclose(light.weights, batch.weights, rtol=0, atol=1e-12)
    for k in (0, 255, 256, 2047, 2048, 4499):
        single = train("OR", coeffs[k], 1000, int(seeds[k]))
        np.testing.assert_allclose(batch.weights[k], single.weights, rtol=0, atol=1e-12)
        np.testing.assert_allclose(batch.errors[k], single.errors, rtol=0, atol=1e-12)


@pytest.mark.parametrize("backend", BATCH_BACKENDS)
def test_train_many_with_huge_steps_stays_equal(backend):
    """coeff 1000 drives |y| past 708, where the compiled loop clamps exp's argument."""
    batch = train_many("XOR", [1000.0, 500.0], 200, [0, 1], backend=backend)
    for k, coeff in enumerate((1000.0, 500.0)):
        single = train("XOR", coeff, 200, k)
        assert np.abs(single.weight_history).max() > 708
        np.testing.assert_allclose(batch.weights[k], single.weights, rtol=1e-13, atol=1e-12)
        np.testing.assert_allclose(batch.errors[k], single.errors, rtol=0, atol=1e-12)


def test_train_many_backends_agree():
    coeffs, seeds = np.geomspace(0.05, 5.0, 300), range(300)
    numpy_batch = train_many("XNOR", coeffs, 300, seeds, backend="numpy")
    if compiled_kernel() is None:
        pytest.skip("the compiled loop was not built")
    compiled = train_many("XNOR", coeffs, 300, seeds, backend="compiled")
    np.testing.assert_allclose(compiled.weights, numpy_batch.weights, rtol=0, atol=1e-12)
    np.testing.assert_allclose(compiled.errors, numpy_batch.errors, rtol=0, atol=1e-12)


def test_train_many_rejects_an_unknown_backend():
    with pytest.raises(ValueError, match="got 'fortran'"):
        train_many("AND", 0.7, 10, [0], backend="fortran")


def test_train_many_without_error_history():
    batch = train_many("OR", 0.7, 50, range(4), record_errors=False)
    assert batch.errors is None and batch.weights.shape == (4, 3)


def test_train_many_rejects_bad_input():
    with pytest.raises(ValueError, match="at least one run"):
        train_many("AND", 0.7, 10, [])
    with pytest.raises(ValueError, match="got -1.0"):
        train_many("AND", [0.7, -1.0], 10, [0, 1])
    with pytest.raises(ValueError, match="got nan"):
        train_many("AND", [0.7, 0.2, float("nan")], 10, [0, 1, 2])
    with pytest.raises(ValueError, match="iterations must be an integer >= 1, got 0"):
        train_many("AND", [0.7, 0.2], 0, [0, 1])


def test_train_many_falls_back_to_numpy_without_the_compiled_loop(monkeypatch):
    """Where no C compiler built the loop: the default is the numpy loop, same runs."""
    import labs.perceptron.batched as batched

    monkeypatch.setattr(batched, "compiled_kernel", lambda: None)
    batch = train_many("OR", [0.7, 3.0], 100, [5, 6])
    for k, coeff in enumerate((0.7, 3.0)):
        np.testing.assert_allclose(batch.weights[k], train("OR", coeff, 100, 5 + k).weights,
                                   rtol=0, atol=1e-12)
    with pytest.raises(RuntimeError, match="the compiled loop was not built"):
        train_many("OR", 0.7, 10, [0], backend="compiled")


@pytest.mark.skipif(compiled_kernel() is None, reason="the compiled loop was not built")
def test_every_copy_of_the_compiled_loop_this_cpu_runs_equals_train():
    """The AVX-512, AVX2 and SSE2 copies are the same C code compiled three ways; the CPU
    picks one, so the others are run here by name."""
    from labs.perceptron.seeded_weights import initial_weights_many

    kernel = compiled_kernel()
    coeffs = np.geomspace(0.05, 10.0, 300)
    target = np.array([0.0, 1.0, 1.0, 0.0])
    assert kernel.instruction_set() in kernel.instruction_sets()
    for name in kernel.instruction_sets():
        weights, errors = initial_weights_many(range(300)), np.empty((300, 200))
        kernel.train(weights, coeffs, target, 200, errors, name)
        for k in (0, 7, 299):  # 299: in the block of 44 runs left after 256, the loop's tail
            single = train("XOR", coeffs[k], 200, k)
            np.testing.assert_allclose(weights[k], single.weights, rtol=0, atol=1e-12)
            np.testing.assert_allclose(errors[k], single.errors, rtol=0, atol=1e-12)
    with pytest.raises(ValueError, match="instruction set sse9"):
        kernel.train(initial_weights_many([0]), np.ones(1), target, 10, None, "sse9")
