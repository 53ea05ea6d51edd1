"""Every number the docs state about the product's settings and rules is the code's (issue 23).

Each fact is a statement the docs make (a regex over README.md and docs/*.md, whitespace
folded, so a statement wrapped over two lines is found), and the one constant of the code
that defines it. Every occurrence must equal the constant, and at least one must be found,
so a reworded doc cannot escape silently: reword the pattern with it. The handouts
(docs/handouts/) are generated from the code; tests/grading/test_handout.py checks they are
not stale. Measured figures (timings, scores, calibration results) are not settings and are
not checked here. Only constants are imported: nothing is run.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Callable

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
NUMBER = r"(\d[\d,]*(?:\.\d+)?(?:e-?\d+)?(?:\^\d+)?)"  # 0.7, 2,000, 1e-7, 10^6


def number(text: str) -> float:
    """A number as the docs write it: thousands separators, ``1e-7``, ``10^6``."""
    text = text.replace(",", "")
    if "^" in text:
        base, power = text.split("^")
        return float(base) ** float(power)
    return float(text)


@cache
def folded(path: Path) -> str:
    return re.sub(r"\s+", " ", path.read_text(encoding="utf-8"))


def statements(pattern: str) -> list[tuple[str, tuple[float, ...]]]:
    """(file, the numbers of the statement) for every occurrence in the docs."""
    found = []
    for path in DOCS:
        for match in re.finditer(pattern.replace("{N}", NUMBER), folded(path)):
            found.append((path.name, tuple(number(group) for group in match.groups() if group is not None)))
    return found


@dataclass(frozen=True)
class Fact:
    id: str
    pattern: str  # {N} is one number; every group is a number
    source: Callable[[], tuple[float, ...]]  # the code's values, imported when checked


# --- the sources (imported lazily: only constants, but some modules import torch) ---------

def limits(lab: str, *names: str) -> Callable[[], tuple[float, ...]]:
    def values() -> tuple[float, ...]:
        from labs.sandbox.limits import limits_for
        return tuple(getattr(limits_for(lab), name) for name in names)
    return values


def const(module: str, *names: str, scale: float = 1) -> Callable[[], tuple[float, ...]]:
    """Module constants (``NAME`` or ``NAME[key]``), each divided by ``scale``."""
    def values() -> tuple[float, ...]:
        import importlib
        namespace = importlib.import_module(module)
        out = []
        for name in names:
            base, _, key = name.partition("[")
            value = getattr(namespace, base)
            if key:
                value = value[key.rstrip("]").strip("'\"")]
            out.append(value / scale if scale != 1 else value)
        return tuple(out)
    return values


def default(module: str, cls: str, *names: str) -> Callable[[], tuple[float, ...]]:
    """Dataclass field defaults."""
    def values() -> tuple[float, ...]:
        import dataclasses
        import importlib
        fields = {f.name: f.default for f in dataclasses.fields(getattr(importlib.import_module(module), cls))}
        return tuple(fields[name] for name in names)
    return values


def points(lab: str, *keys: str) -> Callable[[], tuple[float, ...]]:
    def values() -> tuple[float, ...]:
        from labs.grading.points import POINTS
        return tuple(POINTS[lab][key].points for key in keys)
    return values


def preset(name: str) -> Callable[[], tuple[float, ...]]:
    """``G layers x neurons, D layers x neurons, SGD g_lr / d_lr, k = k_d``."""
    def values() -> tuple[float, ...]:
        from labs.gan.config import PRESETS
        p = PRESETS[name]
        return (p["g_layers"], p["g_neurons"], p["d_layers"], p["d_neurons"], p["g_lr"], p["d_lr"], p["k_d"])
    return values


def split() -> tuple[float, ...]:
    """Of the selected tokens, % shown as [MASK], as a random token, as themselves."""
    from labs.lm.mask_channel import MASK_REPLACE_PROB, RANDOM_REPLACE_PROB
    return (100 * MASK_REPLACE_PROB, 100 * RANDOM_REPLACE_PROB, 100 * (1 - MASK_REPLACE_PROB - RANDOM_REPLACE_PROB))


CAUSALITY = points("td3", "test_causality.py::test_the_causal_model_cannot_see_the_future",
                   "test_causality.py::test_the_masked_model_sees_the_right_hand_side")


def w_avg_samples() -> tuple[float, ...]:
    import inspect

    from labs.stylegan.mapping import MappingNetwork
    return (inspect.signature(MappingNetwork.track_w_avg).parameters["samples"].default,)


def tmpfs_mb() -> tuple[float, ...]:
    from labs.sandbox.jail import TMP_MB, TMP_SIZE
    assert TMP_SIZE == f"size={TMP_MB}m"
    return (TMP_MB,)


MIB = 1024 * 1024
LIMITS, UNTRUSTED, WIRE, JAIL = ("labs.sandbox.limits", "labs.sandbox.untrusted", "labs.sandbox.wire",
                                 "labs.sandbox.jail")
STAGING, GATES, GAN_CONFIG, LM_RUN = ("labs.sandbox.staging", "labs.perceptron.gates", "labs.gan.config",
                                      "labs.lm.run_config")
MASKING, SPEC_CASES, FIELDS = "labs.lm.mask_channel", "labs.gan.spec_cases", "labs.gan.field_cases"

FACTS = [
    # --- the sandbox's limits per lab: labs/sandbox/limits.py (Limits' defaults, LAB_LIMITS) ---
    Fact("limits: README option table, call timeout", r"`--call-timeout SECONDS` \| the lab's: TD 1 {N}, others {N}",
         lambda: limits("td1", "call_timeout")() + limits("td3", "call_timeout")()),
    Fact("limits: README option table, total budget", r"`--total-budget SECONDS` \| the lab's: TD 1 {N}, others {N}",
         lambda: limits("td1", "total_budget")() + limits("td3", "total_budget")()),
    Fact("limits: README option table, memory", r"`--memory-mb MB` \| the lab's: TD 3 {N}, others {N}",
         lambda: limits("td3", "memory_mb")() + limits("td1", "memory_mb")()),
    Fact("limits: README option table, file and start-up", r"`--file-mb MB`, `--startup-timeout SECONDS` \| {N}, {N}",
         limits("td1", "file_mb", "startup_timeout")),
    Fact("limits: TD 1 per call and in all", r"TD 1 {N} s per call and {N} s in all",
         limits("td1", "call_timeout", "total_budget")),
    Fact("limits: the other labs' defaults", r"otherwise {N} s, {N} s and {N} MB \(the defaults of `Limits`\)",
         limits("td2", "call_timeout", "total_budget", "memory_mb")),
    Fact("limits: TD 1's call timeout, in examples",
         r"(?:timed out after|every XOR call times out \(|each looping folder costs one)\s?{N} s",
         limits("td1", "call_timeout")),
    Fact("limits: the default address space in MB",
         r"(?:`RLIMIT_AS`, {N} MB by default|suite's default {N} MB|at {N} MB its child)",
         limits("td1", "memory_mb")),
    Fact("limits: the default address space in GiB",
         r"(?:`RLIMIT_AS` \(default |sandbox's default |processes x ){N} GiB",
         lambda: (limits("td1", "memory_mb")()[0] / 1024,)),
    Fact("limits: TD 3's address space",
         r"(?:TD 3 |TD 3's limit is |its limit is |`--memory-mb` \(){N} MB(?: of address space|\b)",
         limits("td3", "memory_mb")),
    Fact("limits: the largest file", r"`RLIMIT_FSIZE` {N} MB", limits("td1", "file_mb")),
    Fact("grading: a spec run is killed after the budget plus", r"killed after budget \+ {N} s",
         const("labs.grading.run", "STARTUP_MARGIN")),
    Fact("suite: the golden figures' tolerance", r"RMS tolerance \({N} on 0-255 pixel values\)",
         const("labs.suite.golden", "FIGURE_TOLERANCE")),
    Fact("sandbox: the captured output shown with a failure", r"the last {N} bytes shown",
         const("labs.sandbox.child", "OUTPUT_TAIL_BYTES")),
    # --- the text boundary: labs/sandbox/untrusted.py ---
    Fact("text: per message, data string, submission; notes kept",
         r"bounded \({N} characters a message, {N} a string of data, {N} for one submission's child; at most {N} notes\)",
         const(UNTRUSTED, "MESSAGE_CHARS", "DATA_CHARS", "SUBMISSION_CHARS", "MAX_NOTES")),
    # --- the wire: labs/sandbox/wire.py ---
    Fact("wire: the message cap, MB", r"(?:a message of at most |a message over |read first: ){N} MB",
         const(WIRE, "ENVELOPE_CAP", scale=MIB)),
    Fact("wire: the arrays cap, MB", r"(?:arrays of at most |MB of message, ){N} MB(?: as raw| of arrays)",
         const(WIRE, "PAYLOAD_CAP", scale=MIB)),
    Fact("wire: the containers built", r"at most {N} lists and maps", const(WIRE, "MAX_CONTAINERS")),
    # --- staging: labs/sandbox/staging.py ---
    Fact("staging: file, total, entries, depth",
         r"files over {N} MB, anything past {N} MB in all, {N} entries or {N} levels of folders",
         lambda: const(STAGING, "MAX_FILE_BYTES", "MAX_TOTAL_BYTES", scale=MIB)()
         + const(STAGING, "MAX_ENTRIES", "MAX_DEPTH")()),
    # --- the jail: labs/sandbox/jail.py ---
    Fact("jail: private tmpfs size", r"private tmpfs for each, {N} MB each", tmpfs_mb),
    Fact("jail: processes", r"(?:at most {N} processes|`RLIMIT_NPROC` {N}|\| {N} processes x)", const(JAIL, "MAX_PROCESSES")),
    Fact("jail: user id base", r"\({N} \+ the grading pytest's pid\)", const(JAIL, "UID_BASE")),
    Fact("grading: the secret offset's range", r"secret spec-seed offset, from {N} to {N} - 1,",
         lambda: (1, const("labs.grading.seeds", "MAX_SPEC_SEED")()[0])),
    # --- points: labs/grading/points.py ---
    Fact("points: headline weight", r"(?:weigh|carry) at least {N} points", const("labs.grading.points", "HEADLINE_POINTS")),
    Fact("points: each lab asks",
         r"(?:Each lab's {N} points are what the lab|asked \({N} points\)|each lab still asking {N}|on top of the {N} asked)",
         lambda: (const("labs.grading.points", "ASKED_POINTS")()[0],)),
    Fact("points: TD 1's bonus parts", r"`predict` \({N}\), `train_many` \({N}\), `train_mlp` \({N}\)",
         points("td1", "test_beyond_one_neuron.py::test_predict_is_the_sigmoid_of_the_neuron",
                "test_beyond_one_neuron.py::test_train_many_equals_separate_runs",
                "test_beyond_one_neuron.py::test_mlp_solves_xor")),
    Fact("points: the GAN's bonus user drawing", r'`sample_real\("drawing", ...\)` \({N}\)',
         points("td2/gan", "test_real_distributions.py::test_user_points_are_jittered_copies")),
    Fact("points: TD 3's bonus causality specs",
         r"causality specs \({N} \+ {N}\)", CAUSALITY),
    Fact("points: TD 3's bonus causality specs, each", r"causality specs, {N} points each",
         lambda: tuple(set(CAUSALITY()))),  # one number for both: they must be equal
    Fact("points: TD 3's perplexity headline, charged once", r"it costs the headline's {N} points, once",
         points("td3", "test_perplexity.py::test_perplexity_is_exp_of_the_loss_exactly")),
    Fact("points: TD 3's 15% headline, charged once", r"a 50% collator fails both: {N} points, once",
         points("td3", "test_collator.py::test_about_15_percent_of_tokens_are_selected")),
    # --- TD 1: labs/perceptron/gates.py (train's, the contract's and the command's defaults) ---
    Fact("td1: train's defaults", r"def train\(desired, coeff={N}, iterations={N}, seed=None\)",
         const(GATES, "COEFF", "ITERATIONS")),
    Fact("td1: the report's run", r"--coeff {N} --iterations {N}", const(GATES, "COEFF", "ITERATIONS")),
    Fact("td1: a default run's iterations", r"a {N}-iteration perceptron", const(GATES, "ITERATIONS")),
    # --- TD 2 GAN: labs/gan ---
    Fact("gan: Adam's betas", r"betas \(?{N}, {N}\)", const("labs.gan.optimizers", "BETA1", "BETA2")),
    Fact("gan: Adam's epsilon", r"TensorFlow.js's epsilon {N}", const("labs.gan.optimizers", "EPSILON")),
    Fact("gan: batch size", r"(?:presets, batch |in batches of ){N}", default(GAN_CONFIG, "GANConfig", "batch_size")),
    Fact("gan: pre-drawn real points and noise", r"pre-draws {N} real points and {N} noise vectors",
         const(GAN_CONFIG, "ATLAS_SIZE", "ATLAS_SIZE")),
    Fact("gan: pre-drawn rows (cross-check)", r"cycling {N} pre-drawn rows", const(GAN_CONFIG, "ATLAS_SIZE")),
    Fact("gan: the log loss's real weight", r"(?:real term weighted {N}|the {N} real weight)",
         const("labs.gan.losses", "REAL_WEIGHT")),
    Fact("gan: the divergence grid", r"{N} x {N} grid", const("labs.gan.metrics", "GRID_CELLS", "GRID_CELLS")),
    Fact("gan: the divergence's epsilon per cell", r"(?:epsilon {N} per cell|{N} added to every cell)",
         const("labs.gan.metrics", "EPSILON")),
    Fact("gan: evaluation points", r"\({N} real and generated points by default",
         default(GAN_CONFIG, "GANConfig", "eval_samples")),
    Fact("gan: the user points' jitter", r"(?:jittered by |a uniformly chosen user point \+ ){N}",
         const("labs.gan.distributions", "DRAWING_NOISE")),
    Fact("gan: layers and neurons", r"\({N}-{N} hidden layers, {N}-{N} neurons\)",
         lambda: (0, const(GAN_CONFIG, "MAX_LAYERS")()[0], 1, const(GAN_CONFIG, "MAX_NEURONS")()[0])),
    Fact("gan: layers, the true count", r"{N} to {N} layers, the true count",
         lambda: (0, const(GAN_CONFIG, "MAX_LAYERS")()[0])),
    Fact("gan: gaussian noise", r"mean {N}, (?:sd|standard deviation) {N}, truncated at {N} (?:sd|standard)",
         const("labs.gan.noise", "GAUSSIAN_MEAN", "GAUSSIAN_SD", "TRUNCATION")),
    Fact("gan: the ring preset", r"\*\*ring\*\* = GAN Lab's `pretrained_ring.json` exactly \(G {N} x {N}, D {N} x {N}, "
         r"SGD {N} / {N}, k = {N}", preset("ring")),
    Fact("gan: the line preset", r"Line \(G {N} x {N}, D {N} x {N}, SGD {N} / {N}, k = {N}", preset("line")),
    Fact("gan: the disjoint preset", r"Disjoint \(G {N} x {N}, D {N} x {N}, SGD {N} / {N}, k = {N}", preset("disjoint")),
    Fact("gan: the gaussians preset", r"start page \(SGD, D {N} x {N}, k = {N}\) with G alike, G learning rate {N}",
         lambda: tuple(preset("gaussians")()[i] for i in (2, 3, 6, 4))),
    Fact("gan: the presets spec's steps", r"before and after {N} steps, largest drop",
         lambda: tuple(set(const(SPEC_CASES, "PRESET_STEPS")()[0].values()))),
    Fact("gan: the no-hidden-layer spec's steps", r"its JS stays high after {N} steps",
         const(SPEC_CASES, "NO_HIDDEN_LAYER_STEPS")),
    Fact("gan: the update-ratio spec's window and seeds", r"over steps {N}-{N}, same seeds, the largest gap over five seeds",
         lambda: (const(SPEC_CASES, "UPDATE_RATIO_WINDOW")()[0].start, const(SPEC_CASES, "UPDATE_RATIO_STEPS")()[0])),
    Fact("gan: the config-field specs' steps", r"ring preset, {N} steps: `k_g = 0`", const(FIELDS, "FIELD_STEPS")),
    Fact("gan: the paired-steps spec", r"`k = 2` for {N} steps equals `k = 1` for {N}",
         lambda: (const(FIELDS, "PAIRED_STEPS")()[0], 2 * const(FIELDS, "PAIRED_STEPS")()[0])),
    Fact("gan: the accuracy spec's batch", r"`d_accuracy` counts a batch of {N}", const(FIELDS, "BATCH")),
    Fact("gan: the accuracy spec's steps", r"in steps of 1/{N} at batch {N}",
         lambda: (2 * const(FIELDS, "BATCH")()[0], const(FIELDS, "BATCH")()[0])),
    Fact("gan: the accuracy spec's retry", r"at batch \d+ \({N} more runs when the first has no step",
         const(FIELDS, "BATCH_RETRY_RUNS")),
    Fact("gan: the given-weights probe", r"3 steps of `k_d = {N}`, `k_g = {N}` at batch {N} on {N} real and {N} noise rows",
         lambda: tuple(const("labs.gan.given_weights", name)()[0]
                       for name in ("K_D", "K_G", "BATCH", "REAL_ROWS", "NOISE_ROWS"))),
    Fact("gan: the given-weights tolerances", r"final weights within {N} beyond {N} times what float32",
         lambda: (const("labs.gan.given_weights", "WEIGHT_TOLERANCE")()[0],
                  const("labs.gan.given_weights", "SPREAD_FACTOR")()[0])),
    Fact("gan: the noise's kurtosis", r"kurtosis is the noise's \({N} uniform, {N} gaussian\)",
         lambda: tuple(round(const(FIELDS, "KURTOSIS")()[0][kind], 2) for kind in ("uniform", "gaussian"))),
    Fact("gan: preset seeds", r"largest drop (?:of JS )?over {N} seeds",
         const("labs.gan.spec_cases", "PRESET_SEEDS")),
    # --- TD 2 StyleGAN: labs/stylegan ---
    Fact("stylegan: the latent size", r"(?:z_dim=|randn\(1, ){N}\)", const("labs.stylegan.network_constants", "Z_DIM")),
    Fact("stylegan: the report's seeds", r"(?:from seeds|golden values of seeds|images of seeds|seeds) {N}, {N},? (?:and )?{N}\b",
         lambda: tuple(const("labs.stylegan.conventions", "REPORT_SEEDS")()[0])),
    Fact("stylegan: the miniature's resolutions", r"--resolution 32 --out DIR # {N}, {N} or {N}",
         lambda: const("labs.stylegan.synthesis", "RESOLUTIONS")()[0]),
    Fact("stylegan: w_avg's latents", r"mean w of {N} seeded latents", w_avg_samples),
    # --- TD 3: labs/lm ---
    Fact("td3: the share of tokens selected, mlm_probability", r"mlm_probability={N}", const(MASKING, "MLM_PROBABILITY")),
    Fact("td3: the share of tokens selected, %",
         r"(?:selects about|about|selects|from the) {N}% (?:\(a calibrated|of tokens|of the non-special|of the tokens|it masks|of tokens it masks)|{N}% masking split",
         const(MASKING, "MLM_PROBABILITY", scale=0.01)),
    Fact("td3: the split, 80/10/10", r"(?<![\d.]){N}/{N}/{N}(?![\d.])",
         split),
    Fact("td3: the split, in words",
         r"(?:{N}% `\[MASK\]` / {N}% random / {N}% kept|{N}% replaced by the mask token, {N}% by a random token, {N}% left"
         r"|`\[MASK\]` {N}%, a random token {N}%, itself {N}%)",
         split),
    Fact("td3: the notebook's block size", r"(?:block_size={N}\)|blocks of {N} tokens|blocks of {N} and 2e|blocks of {N}, 3 epochs)",
         const("labs.lm.data", "BLOCK_SIZE")),
    Fact("td3: the tiny masked model's blocks and epochs", r"masked blocks of {N} and {N} epochs",
         const(LM_RUN, "TINY_BLOCK_SIZE['mlm']", "TINY_EPOCHS['mlm']")),
    Fact("td3: the tiny masked model's blocks", r"blocks of {N} \(twice the optimiser", const(LM_RUN, "TINY_BLOCK_SIZE['mlm']")),
    Fact("td3: the tiny masked model's epochs", r"and {N} epochs \(3 left seed", const(LM_RUN, "TINY_EPOCHS['mlm']")),
    Fact("td3: the notebook's epochs",
         r"(?:Trainer, |built-in corpus, |keeps |recipe \(|blocks of 128, |128 tokens, |lr 2e-5, ){N} epochs",
         const(LM_RUN, "NOTEBOOK_EPOCHS")),
    Fact("td3: weight decay", r"weight decay {N}", default(LM_RUN, "RunConfig", "weight_decay")),
    Fact("td3: the notebook's learning rate",
         r"(?:blocks of 128 and |epochs, learning rate |lr |weight decay 0.01, ){N}(?:;|,)",
         const(LM_RUN, "NOTEBOOK_LEARNING_RATE")),
    Fact("td3: the tiny learning rates and warm-up",
         r"learning rate {N}; for the masked model learning rate {N} warmed up over the first {N}% of the steps",
         lambda: const(LM_RUN, "TINY_LEARNING_RATE['clm']", "TINY_LEARNING_RATE['mlm']")()
         + const(LM_RUN, "TINY_WARMUP['mlm']", scale=0.01)()),
    Fact("td3: the built-in corpus's articles", r"default {N} training and {N} validation articles",
         default("labs.lm.corpus", "CorpusSpec", "train_articles", "validation_articles")),
    Fact("td3: the training articles (the causal model's epoch)", r"twice the articles \({N}\)",
         default("labs.lm.corpus", "CorpusSpec", "train_articles")),
    Fact("td3: the corpus's topics", r"(?:\(|one of ){N} topics", default("labs.lm.corpus", "CorpusSpec", "topics")),
    Fact("td3: the causal model's bound factor", r"within {N} times it", const("labs.lm.spec_cases", "BOUND_FACTOR")),
    Fact("td3: the masked model below word frequencies", r"at least {N} nats below word frequencies",
         const("labs.lm.spec_cases", "BELOW_WORD_FREQUENCIES")),
    Fact("td3: the masked model's runs", r"in one of up to {N} runs", const("labs.lm.spec_cases", "MASKED_RUNS")),
    Fact("td3: the masked model's rise between epochs", r"settle by up to {N} nats",
         const("labs.lm.spec_cases", "MLM_EPOCH_RISE")),
]


def test_the_facts_have_distinct_ids():
    assert len({fact.id for fact in FACTS}) == len(FACTS)


@pytest.mark.parametrize("fact", FACTS, ids=[fact.id for fact in FACTS])
def test_every_number_the_docs_state_is_the_codes(fact):
    found = statements(fact.pattern)
    assert found, f"no doc states {fact.id!r} any more (pattern {fact.pattern!r}): reword the pattern with the doc"
    expected = tuple(float(value) for value in fact.source())
    wrong = [(name, values) for name, values in found
             if len(values) != len(expected)
             or not all(math.isclose(v, e, rel_tol=1e-9) for v, e in zip(values, expected))]
    assert not wrong, f"{fact.id}: the code says {expected}, the docs say {wrong}"


@pytest.mark.parametrize("lab", ["td1", "td2/gan", "td2/stylegan", "td3"])
def test_the_points_tables_of_grading_md_are_the_rubrics(lab):
    """docs/grading.md's table of each lab is ``python -m labs.grading.points LAB``'s, so every
    spec's points, asked or bonus, hidden and gate are those of labs/grading/points.py."""
    from labs.grading.points import POINTS, markdown_table

    assert set(POINTS) == {"td1", "td2/gan", "td2/stylegan", "td3"}, "a lab was added: list it here"
    assert markdown_table(lab) in (ROOT / "docs" / "grading.md").read_text(encoding="utf-8"), (
        f"docs/grading.md's {lab} table is stale: python -m labs.grading.points {lab}")


def test_the_dask_settings_grading_a_class_md_exports_are_quiet_workers():
    """The ``export DASK_...=...`` lines of docs/grading-a-class.md are exactly
    ``environment_variables(QUIET_WORKERS)`` (labs/grading/executors.py), every one of them."""
    from labs.grading.executors import QUIET_WORKERS, environment_variables

    text = (ROOT / "docs" / "grading-a-class.md").read_text(encoding="utf-8")
    exported = dict(re.findall(r"^export (DASK_\w+)=(\S+)$", text, re.MULTILINE))
    assert exported == environment_variables(QUIET_WORKERS)
