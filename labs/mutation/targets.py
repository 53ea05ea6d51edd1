"""What each lab's mutation run mutates, and which specs judge a mutant.

Only the functions that a student's folder also implements (the lab's contract) are mutated:
input validation that the contract leaves to the student (``check_hyperparameters``,
``check_noise``, ...) and the harness around the contract (figures, CLI, sweeps) are not.
"""
from __future__ import annotations

from dataclasses import dataclass

# Plausible slips, by cosmic-ray operator name: arithmetic swapped with its inverse or its
# neighbour, comparisons off by one or inverted, constants nudged, a sign dropped, a loop
# that never runs, a boolean flipped. The other operators (bitwise, ``is``, ``in``,
# exceptions, decorators) make slips no student writes in this code.
OPERATORS = (
    "core/ReplaceBinaryOperator_Add_Sub", "core/ReplaceBinaryOperator_Sub_Add",
    "core/ReplaceBinaryOperator_Add_Mul", "core/ReplaceBinaryOperator_Mul_Add",
    "core/ReplaceBinaryOperator_Mul_Div", "core/ReplaceBinaryOperator_Div_Mul",
    "core/ReplaceBinaryOperator_Pow_Mul", "core/ReplaceBinaryOperator_FloorDiv_Div",
    "core/ReplaceBinaryOperator_Mod_FloorDiv",
    "core/ReplaceComparisonOperator_Lt_LtE", "core/ReplaceComparisonOperator_LtE_Lt",
    "core/ReplaceComparisonOperator_Gt_GtE", "core/ReplaceComparisonOperator_GtE_Gt",
    "core/ReplaceComparisonOperator_Lt_Gt", "core/ReplaceComparisonOperator_Gt_Lt",
    "core/ReplaceComparisonOperator_Eq_NotEq", "core/ReplaceComparisonOperator_NotEq_Eq",
    "core/NumberReplacer", "core/ReplaceUnaryOperator_Delete_USub",
    "core/ReplaceUnaryOperator_Delete_Not",
    "core/ZeroIterationForLoop", "core/ReplaceTrueWithFalse", "core/ReplaceFalseWithTrue",
    "core/ReplaceAndWithOr", "core/ReplaceOrWithAnd",
)


@dataclass(frozen=True)
class LabTarget:
    """One lab: the files and functions mutated, and the specs that judge each mutant."""
    name: str
    specs: str  # the spec folder, relative to the project root
    functions: dict[str, tuple[str, ...]]  # file (relative to the root) -> function names
    timeout: float  # seconds for one spec run of a mutant (longer: killed, as a hang)
    # spec files run first: cheap ones that catch most slips, so that a killed mutant stops
    # early (the first failure ends the run); the verdict is the same in any order
    first: tuple[str, ...] = ()


LABS = {
    "td1": LabTarget("td1", "specs/td1", {
        "labs/perceptron/train.py": ("sigmoid", "initial_weights", "train", "predict"),
        "labs/perceptron/weights_csv.py": ("write_weights_csv", "read_weights_csv"),
        "labs/perceptron/mlp.py": ("MLPResult", "predict", "train_mlp"),
    }, timeout=120.0),
    "gan": LabTarget("gan", "specs/td2/gan", {
        "labs/gan/distributions.py": ("sample_real",),
        "labs/gan/noise.py": ("sample_noise",),
        "labs/gan/networks.py": ("layer_sizes", "init_mlp", "mlp", "generate",
                                 "discriminator_logits"),
        "labs/gan/losses.py": ("discriminator_loss", "generator_loss", "discriminator_loss_grads",
                               "generator_loss_grad", "_mean_grad", "_logsigmoid_grad",
                               "_squared_miss_grad"),
        "labs/gan/optimizers.py": ("init_optimizer", "apply_update"),
        "labs/gan/backprop.py": ("mlp_forward", "mlp_backward", "output_grad",
                                 "generate_forward", "generate_backward", "logits_forward",
                                 "logits_backward"),
        "labs/gan/train.py": ("run_seeds", "next_batch", "network_sizes", "initial_state",
                              "started", "training_step", "sample", "per_step_history",
                              "train_gan"),
    }, timeout=300.0, first=("specs/td2/gan/test_given_weights.py",)),
    "td3": LabTarget("td3", "specs/td3", {
        "labs/lm/blocks.py": ("group_texts",),
        "labs/lm/metrics.py": ("perplexity",),
        "labs/lm/collator.py": ("make_collator",),
        "labs/lm/models.py": ("model_config", "build_model"),
    }, timeout=300.0),
}
