"""Each spec added for issue 24 fails on an implementation that lacks its behaviour (the
slips that mutation testing found surviving). The spec functions are called directly with a
stand-in client that runs the contract's probes on a small implementation in this process:
cheap, and the failure is the spec's own assertion."""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from labs.lm.blocks import group_texts
from labs.suite.contract import run_probe

SPECS = Path(__file__).resolve().parents[2] / "specs"


@lru_cache(maxsize=None)
def spec(path: str):
    location = SPECS / path
    module_spec = importlib.util.spec_from_file_location(f"spec_{location.stem}_issue24", location)
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return module


class Client:
    """The specs' client, reduced to running a probe on ``impl`` in this process."""

    def __init__(self, **functions):
        self.impl = SimpleNamespace(**functions)

    def call(self, probe, *args, **kwargs):
        return run_probe(probe, self.impl, args, kwargs, None)

    def blocks(self, examples, block_size):
        """The TD 3 client's group_texts columns (``LanguageModels.blocks``)."""
        from labs.lm.contract import probe_group_texts
        from labs.suite.client import Fields

        return Fields(self.call(probe_group_texts, examples, block_size), "group_texts", {})


def lenient_reader(path):
    """Reads the first three numbers it finds: an extra line or an extra cell is dropped."""
    text = Path(path).read_text()
    return np.array([float(cell) for cell in text.replace(",", "\n").split()][:3])


def aliasing_group_texts(examples, block_size=128):
    result = group_texts(examples, block_size)
    result["labels"] = result["input_ids"]  # the same lists, not copies
    return result


def group_texts_one_short(examples, block_size=128):
    """Rounds the token count up when one token short of a multiple of the block size."""
    stream = {key: [t for row in rows for t in row] for key, rows in examples.items()}
    total = (len(stream["input_ids"]) + 1) // block_size * block_size
    result = {key: [values[i:i + block_size] for i in range(0, total, block_size)]
              for key, values in stream.items()}
    result["labels"] = [list(block) for block in result["input_ids"]]
    return result


def test_td1_reader_that_drops_extra_rows_fails():
    weights_csv = spec("td1/test_weights_csv.py")
    with pytest.raises(AssertionError, match="more than the three"):
        weights_csv.test_reader_rejects_extra_rows(Client(read_weights_csv=lenient_reader))


def test_td3_labels_aliasing_inputs_fail():
    blocks = spec("td3/test_blocks.py")
    blocks.test_labels_are_copies_not_the_same_lists(Client(group_texts=group_texts))
    with pytest.raises(AssertionError, match="same list"):
        blocks.test_labels_are_copies_not_the_same_lists(Client(group_texts=aliasing_group_texts))


@pytest.mark.parametrize("total", [7, 11])
def test_td3_off_by_one_one_token_short_of_a_multiple_fails(total):
    blocks = spec("td3/test_blocks.py")
    blocks.test_block_count_around_multiples_of_the_block_size(Client(group_texts=group_texts), total)
    with pytest.raises(AssertionError, match="should make"):
        blocks.test_block_count_around_multiples_of_the_block_size(
            Client(group_texts=group_texts_one_short), total)
    # the slip bites only there: at a multiple and one past it, the count is right
    blocks.test_block_count_around_multiples_of_the_block_size(
        Client(group_texts=group_texts_one_short), total + 1)


def reader_off_by_one_line(path):
    """Names the line after the bad one (line numbers counted from 2)."""
    for number, line in enumerate(Path(path).read_text().splitlines(), start=2):
        try:
            float(line)
        except ValueError:
            raise ValueError(f"line {number}: expected a number, found {line!r}") from None
    return np.zeros(3)


def test_td1_reader_naming_the_wrong_line_fails():
    weights_csv = spec("td1/test_weights_csv.py")
    with pytest.raises(AssertionError, match="names line"):
        weights_csv.test_reader_rejects_a_malformed_file_clearly(
            Client(read_weights_csv=reader_off_by_one_line))


def test_td1_predict_spec_does_not_share_the_reference_sigmoid():
    """A sigmoid with the wrong slope fails, even though the spec's own expectation no longer
    comes from the reference (a mutant of the reference's sigmoid used to pass)."""
    beyond = spec("td1/test_beyond_one_neuron.py")

    def steep_predict(weights, inputs):
        return 0.5 * (1.0 + np.tanh(1.5 * (-weights[0] + inputs @ weights[1:])))

    with pytest.raises(AssertionError, match="sigmoid"):
        beyond.test_predict_is_the_sigmoid_of_the_neuron(Client(predict=steep_predict))


def notebook_group_texts(examples, block_size=128):
    """The Hugging Face notebook's own code: labels = input_ids.copy(), a shallow copy."""
    concatenated = {k: sum(examples[k], []) for k in examples.keys()}
    total_length = len(concatenated[list(examples.keys())[0]]) // block_size * block_size
    result = {k: [t[i:i + block_size] for i in range(0, total_length, block_size)]
              for k, t in concatenated.items()}
    result["labels"] = result["input_ids"].copy()
    return result


def test_td3_the_notebooks_shallow_copy_passes():
    spec("td3/test_blocks.py").test_labels_are_copies_not_the_same_lists(
        Client(group_texts=notebook_group_texts))


class Points:
    """A GAN client whose sample_real is the reference's, with one distribution changed."""

    def __init__(self, change):
        self.change = change

    def sample_real(self, name, n, seed):
        from labs.gan import sample_real

        return self.change(name, sample_real(name, n, seed))


def ring_on_a_quarter(name, points):
    """The ring's points all within one quarter of its angles (same radius)."""
    if name != "ring":
        return points
    angle = np.random.default_rng(0).random(len(points)) * np.pi / 2
    return np.stack([0.5 + 0.3 * np.cos(angle), 0.45 + 0.25 * np.sin(angle)], axis=1)


def x_spreads_swapped_between_modes(name, points):
    """Mode (0.3, 0.7) drawn with sd 0.05 in x and mode (0.7, 0.4) with 0.1: the mixture's
    mean and covariance are unchanged (the x variances average the same)."""
    if name != "gaussians":
        return points
    points = points.copy()
    first = points[:, 0] < 0.5
    points[first, 0] = 0.3 + 0.5 * (points[first, 0] - 0.3)
    points[~first, 0] = 0.7 + 2.0 * (points[~first, 0] - 0.7)
    return points


def test_gan_ring_on_one_arc_and_swapped_mode_spreads_fail():
    shapes = spec("td2/gan/test_real_distributions.py")
    with pytest.raises(AssertionError, match="evenly all round"):
        shapes.test_ring_covers_every_angle(Points(ring_on_a_quarter), 0)
    with pytest.raises(AssertionError, match="mode"):
        shapes.test_gaussians_modes_have_their_own_spreads(Points(x_spreads_swapped_between_modes), 0)
    # the mixture's moments spec alone lets the swapped spreads through
    shapes.test_gaussians_are_gan_labs_mixture(Points(x_spreads_swapped_between_modes), 0)
