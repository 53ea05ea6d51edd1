"""Points per spec, for every lab: the one table that says what a grade is made of.

A lab may be a part of one (``td2/stylegan``); grading the whole lab (``td2``) uses the
tables of its parts. Keys are spec ids relative to ``specs/<lab>/``: ``file.py::test_name``
gives those points to every parametrised case of the test, ``file.py::test_name[case]`` to
one case only (an exact key wins). A hidden spec counts in the score but its details are
withheld from the feedback (Gradescope ``visibility: hidden``). A spec that ``requires``
other entries counts only when at least one case of one of them passed: a check that a
constant answer also passes ("XOR's error stays high") earns nothing from a submission
that does not train at all. A ``bonus`` spec checks a part the lab does not ask for: its
points add to the score when it passes and are never in the maximum, so it cannot lower a
grade. A spec ``after`` other entries builds on their result (psi on the uint8 image):
when one of them failed on an answer the submission gave, this one's failure is reported
as explained by it and leaves the maximum, so that one mistake costs its points once.
``tests/grading/test_grading_points.py`` checks that every
collected spec of a lab in this table has an entry, and every entry a spec.
A lab with specs but no table here is graded at ``DEFAULT`` points per spec, with a
warning in its feedback.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Points:
    points: float
    hidden: bool = False
    requires: tuple[str, ...] = ()  # keys of the same table; one passing case of one suffices
    bonus: bool = False  # not asked by the lab: earns its points, never counts in the maximum
    after: tuple[str, ...] = ()  # keys of the same table whose failure explains this one's


DEFAULT = Points(1.0)

# TD 1: "the submission trains for real": it learns AND or OR, or its initial weights follow
# its seed. Neither holds for a function that returns constants.
_TRAINS = ("test_convergence.py::test_and_or_reproduce_the_truth_table",
           "test_determinism.py::test_different_seeds_different_initial_weights")


def if_trained(points: float, hidden: bool = False) -> Points:
    """TD 1 points that count only when the submission trains for real."""
    return Points(points, hidden, _TRAINS)


def bonus(points: float) -> Points:
    """Points for a part the lab does not ask for: earned when passed, never lost."""
    return Points(points, bonus=True)


# TD 2 GAN: "the generator trains for real": one preset run lowers the JS divergence. An
# untrained generator (its optimiser never steps) or one minimising the wrong term passes
# determinism, the noise-dimension shapes, "no hidden layer cannot fit" and the 5:1 specs
# all the same, so those count only behind this gate; the data and noise specs do not.
_GAN_TRAINS = tuple(f"test_presets.py::test_training_with_a_preset_lowers_the_js_divergence[{p}]"
                    for p in ("gaussians", "ring", "line"))


def if_gan_trained(points: float) -> Points:
    return Points(points, requires=_GAN_TRAINS)


# TD 2 StyleGAN: "the generator draws seed-dependent images": a generate() returning one
# constant image passes the psi = 0 and same-seed checks too.
_STYLEGAN_DRAWS = ("test_stylegan_same_seed_same_image.py::"
                   "test_different_seeds_give_different_images",)


# the specs whose failure explains a later image spec's: the uint8 conversion and the latents
_PIXELS = ("test_stylegan_uint8.py::test_uint8_conversion_matches_the_formula",)
_LATENTS = ("test_stylegan_latents.py::test_report_seed_latents_match_golden",)
# a float32 latent differs from numpy's float64 by 1e-7 and changes no pixel (the network
# casts z to float32): the dtype spec charges it; the exact-value specs then say so and
# leave the maximum instead of charging it three times
_FLOAT64 = ("test_stylegan_latents.py::test_latent_is_float64_of_shape_1_by_512",)
_CONVENTION = ("test_stylegan_latents.py::test_latent_equals_the_numpy_convention",)
_PERPLEXITY = ("test_perplexity.py::test_perplexity_is_exp_of_the_loss_exactly",)
_FIFTEEN_PERCENT = ("test_collator.py::test_about_15_percent_of_tokens_are_selected",)


# TD 3: "the model trains for real": its validation loss falls epoch after epoch. A model
# that never learns cannot beat the bound and gives the same losses for the same seed.
_LM_TRAINS = ("test_training.py::test_validation_loss_decreases_every_epoch",)


def if_lm_trained(points: float) -> Points:
    return Points(points, requires=_LM_TRAINS)


POINTS: dict[str, dict[str, Points]] = {
    "td1": {  # 100 points asked (47 specs, 3 of them bonus)
        # AND and OR converge (30): the lab's headline, AND and OR are learned, 16 of them
        # (docs/grading.md, "Weights follow the lab")
        "test_convergence.py::test_and_or_reproduce_the_truth_table": Points(8),
        "test_convergence.py::test_and_or_error_goes_to_about_0_01": if_trained(2),
        "test_convergence.py::test_symmetric_inputs_get_equal_weights": if_trained(2),
        "test_convergence.py::test_and_bias_dominates_one_input_not_two": if_trained(3),
        "test_convergence.py::test_or_each_input_beats_the_bias": if_trained(3),
        "test_convergence.py::test_weights_keep_growing_after_convergence": if_trained(1),
        # XOR stalls (21): the headline, XOR is not learned, 15; the first spec checks a fact
        # of the lab, not the submission
        "test_xor.py::test_no_single_neuron_separates_xor": Points(0),
        "test_xor.py::test_xor_final_weights_get_at_most_3_of_4_right": if_trained(15),
        "test_xor.py::test_xor_error_stays_high": if_trained(2),
        "test_xor.py::test_xor_weights_swing_within_every_iteration": if_trained(2),
        "test_xor.py::test_and_weights_settle_where_xor_swings": if_trained(2),
        # hyper-parameters (16)
        "test_hyperparameters.py::test_small_coeff_under_fits": if_trained(3),
        "test_hyperparameters.py::test_large_coeff_converges_at_once": if_trained(3),
        "test_hyperparameters.py::test_large_coeff_breaks_symmetry": if_trained(3),
        "test_hyperparameters.py::test_too_few_iterations_stop_before_convergence": if_trained(3),
        # the report's table, row by row: hidden, so that nobody tunes to the numbers (12)
        "test_report_table.py::test_report_table_row": if_trained(2, hidden=True),
        # determinism (8); a constant function is deterministic too, hence only 2 points there
        "test_determinism.py::test_same_seed_same_run_to_the_bit": if_trained(2),
        "test_determinism.py::test_different_seeds_different_initial_weights": Points(2),
        "test_determinism.py::test_initial_weights_follow_the_seed_convention": if_trained(3),
        # weights.csv, which the lab's program writes: asked (8)
        "test_weights_csv.py::test_weights_csv_round_trips": Points(2),
        "test_weights_csv.py::test_weights_csv_has_one_weight_per_line_w0_first": Points(2),
        "test_weights_csv.py::test_reader_rejects_a_malformed_file_clearly": Points(2),
        "test_weights_csv.py::test_reader_accepts_one_comma_separated_row": Points(1),
        "test_weights_csv.py::test_reader_rejects_extra_rows": Points(1),
        # beyond one neuron: not asked by the lab, bonus (6 more)
        "test_beyond_one_neuron.py::test_mlp_solves_xor": bonus(3),
        "test_beyond_one_neuron.py::test_predict_is_the_sigmoid_of_the_neuron": bonus(2),
        "test_beyond_one_neuron.py::test_train_many_equals_separate_runs": bonus(1),
        # how the weights learn, and what coeff and iterations do to them (8); the report's
        # readings a faithful run does not reproduce are expected failures (0)
        "test_learning_dynamics.py::test_weights_grow_fastest_in_the_first_200_iterations": if_trained(1),
        "test_learning_dynamics.py::test_bias_weight_stays_above_the_input_weights": if_trained(1),
        "test_learning_dynamics.py::test_and_bias_weight_is_1_52_times_an_input_weight": if_trained(1),
        "test_learning_dynamics.py::test_or_converges_faster_than_and": if_trained(1),
        "test_learning_dynamics.py::test_xor_is_badly_wrong_on_two_patterns": if_trained(1),
        "test_hyperparameter_effects.py::test_small_coeff_weights_grow_steadily": if_trained(1),
        "test_hyperparameter_effects.py::test_large_coeff_weights_jump_within_two_iterations": if_trained(1),
        "test_hyperparameter_effects.py::test_fifty_iterations_leave_small_oscillating_weights": if_trained(1),
        "test_hyperparameter_effects.py::test_small_coeff_error_rises_first": Points(0),
        "test_hyperparameter_effects.py::test_small_coeff_final_weights_match_the_report": Points(0),
        "test_hyperparameter_effects.py::test_large_coeff_oscillates_and_is_unstable": Points(0),
    },
    "td2/gan": {  # 100 points asked (the user drawing is bonus); the expected failures (not reproduced by the reference) count 0
        # GAN Lab's real distributions (14)
        "test_real_distributions.py::test_line_is_gan_labs_segment": Points(2),
        "test_real_distributions.py::test_gaussians_are_gan_labs_mixture": Points(1.5),
        "test_real_distributions.py::test_gaussians_modes_have_their_own_spreads": Points(0.5),
        "test_real_distributions.py::test_ring_is_gan_labs_ellipse": Points(1.5),
        "test_real_distributions.py::test_ring_covers_every_angle": Points(0.5),
        "test_real_distributions.py::test_disjoint_is_three_equal_blobs": Points(2),
        "test_real_distributions.py::test_user_points_are_jittered_copies": bonus(2),
        "test_real_distributions.py::test_same_seed_same_points": Points(1),
        # noise (12)
        "test_noise.py::test_gaussian_noise_concentrates_near_the_centre": Points(3),
        "test_noise.py::test_noise_is_seeded": Points(1),
        "test_noise.py::test_noise_lives_in_the_unit_interval_centred_on_half": Points(1),
        # the documented effects of the hyper-parameters (60); but for the presets themselves,
        # they count only if the generator trains (a preset lowers the JS divergence)
        "test_noise_dimension.py::test_one_dimensional_noise_gives_a_curve": if_gan_trained(6),
        "test_noise_dimension.py::test_two_dimensional_noise_fills_the_region": if_gan_trained(5),
        "test_presets.py::test_training_with_a_preset_lowers_the_js_divergence": Points(0),
        # the lab's headline, the generator learns the target distribution (15)
        "test_presets.py::test_training_with_a_preset_lowers_the_js_divergence[gaussians]": Points(5),
        "test_presets.py::test_training_with_a_preset_lowers_the_js_divergence[ring]": Points(5),
        "test_presets.py::test_training_with_a_preset_lowers_the_js_divergence[line]": Points(5),
        "test_generator_capacity.py::test_no_hidden_layer_cannot_fit_the_shape": if_gan_trained(3.5),
        "test_generator_capacity.py::test_preset_generator_gets_far_lower": Points(0),
        "test_discriminator_strength.py::test_strong_discriminator_starves_the_generator_with_the_saturating_loss": if_gan_trained(4),
        "test_discriminator_strength.py::test_weak_discriminator_is_fooled_while_samples_stay_poor": if_gan_trained(4),
        "test_update_ratio.py::test_five_to_one_keeps_the_discriminator_loss_lower": if_gan_trained(4),
        "test_update_ratio.py::test_five_to_one_keeps_the_discriminator_accuracy_higher": if_gan_trained(4),
        "test_determinism.py::test_same_seed_gives_the_same_run_to_the_bit": if_gan_trained(3),
        "test_determinism.py::test_different_seeds_give_different_runs": if_gan_trained(3),
        # what the losses are, and uniform noise (3)
        "test_losses.py::test_losses_are_log_losses_not_shares": if_gan_trained(2),
        "test_uniform_noise.py::test_uniform_noise_spreads_evenly": Points(0.5),
        # learning rates must be balanced (2); the report's readings a faithful run does not
        # reproduce run by run are expected failures (0)
        "test_learning_rate_balance.py::test_unbalanced_learning_rates_train_worse": if_gan_trained(2),
        "test_mode_collapse.py::test_far_stronger_discriminator_covers_fewer_modes": Points(0),
        "test_update_ratio_stability.py::test_one_to_one_is_less_stable_than_five_to_one": Points(0),
        "test_update_ratio_stability.py::test_five_to_one_gives_the_generator_clearer_guidance": Points(0),
        "test_large_generator.py::test_much_larger_generator_trains_slower_or_less_stably": Points(0),
        # every field of the config acts where it should, and the reported values follow
        # their formulas (12; issue 24: each slip here passed every other spec); like the
        # other training specs, they count only if the generator trains
        "test_config_fields.py::test_each_field_changes_what_it_should": if_gan_trained(1),
        "test_config_fields.py::test_generator_sizes_shape_the_points": if_gan_trained(0.5),
        "test_config_fields.py::test_sample_draws_the_configured_noise": if_gan_trained(0.5),
        "test_config_fields.py::test_reported_losses_follow_their_formulas": if_gan_trained(0.5),
        "test_config_fields.py::test_accuracy_counts_the_configured_batch": if_gan_trained(1),
        "test_config_fields.py::test_accuracy_is_high_once_the_discriminator_has_learnt": if_gan_trained(0.5),
        # training from given weights follows the formulas, update by update (4; issue 24:
        # the slips that survived every spec above). Exact checks on inputs drawn from the
        # spec seed: no gate, a submission that does not train cannot pass them
        "test_given_weights.py::test_updates_from_given_weights_follow_the_formulas": Points(1),
        "test_given_weights.py::test_reported_values_at_given_weights_follow_the_formulas": Points(0.25),
    },
    "td2/stylegan": {  # 100 points; specs of the project's own code and of a GPU count 0
        # the lab's headline, same seed same image by NVIDIA's convention (16): the latent
        # of a seed is NVIDIA's; the golden latents build on it, so a wrong convention is
        # charged here, once
        "test_stylegan_latents.py::test_latent_equals_the_numpy_convention": Points(2, after=_FLOAT64),
        "test_stylegan_latents.py::test_latent_is_float64_of_shape_1_by_512": Points(2),
        "test_stylegan_latents.py::test_default_z_dim_is_512": Points(3),
        "test_stylegan_latents.py::test_drawing_a_latent_leaves_numpy_global_state_alone": Points(5),
        "test_stylegan_latents.py::test_report_seed_latents_match_golden": Points(10, after=_FLOAT64 + _CONVENTION),
        "test_stylegan_same_seed_same_image.py::test_image_equals_gen_images_pipeline": Points(2, after=_PIXELS),
        "test_stylegan_same_seed_same_image.py::test_same_seed_gives_the_same_image_on_a_rebuilt_network": Points(2),
        "test_stylegan_same_seed_same_image.py::test_different_seeds_give_different_images": Points(5),
        "test_stylegan_golden_images.py::test_report_seed_images_match_golden": Points(2, after=_PIXELS + _LATENTS),
        "test_stylegan_truncation.py::test_psi_0_gives_the_same_image_for_every_seed": Points(6, requires=_STYLEGAN_DRAWS),
        "test_stylegan_truncation.py::test_psi_1_leaves_w_unchanged": Points(5, after=_PIXELS),
        "test_stylegan_truncation.py::test_psi_between_0_and_1_moves_towards_the_average": Points(4),
        "test_stylegan_uint8.py::test_uint8_conversion_matches_the_formula": Points(5),
        "test_stylegan_uint8.py::test_uint8_edge_values": Points(1),
        "test_stylegan_two_processes.py::test_same_seed_gives_byte_identical_pngs_in_two_processes": Points(0),
        "test_stylegan_two_processes.py::test_different_seeds_give_different_pngs": Points(0),
        "test_stylegan_two_processes.py::test_file_names_follow_gen_images": Points(0),
        "test_stylegan_real_network_gpu.py::test_real_network_same_seed_gives_identical_bytes_twice": Points(0),
        "test_stylegan_real_network_gpu.py::test_real_network_matches_your_golden_images": Points(0),
        # NVIDIA's StyleGAN3 code on CPU: the project's path (0) and the student's generate on
        # NVIDIA's generator (where the checkout is absent its skip is "not graded on this
        # machine", marker needs_stylegan3, and leaves the maximum, like a GPU spec's)
        "test_stylegan_nvidia_generate.py::test_generate_on_stylegan3_equals_gen_images": Points(4, after=_PIXELS),
        "test_stylegan_nvidia_cpu.py::test_report_seeds_equal_gen_images_byte_for_byte": Points(0),
        "test_stylegan_nvidia_cpu.py::test_same_seed_gives_byte_identical_pngs_in_two_processes": Points(0),
        "test_stylegan_nvidia_cpu.py::test_file_names_follow_gen_images_and_seeds_differ": Points(0),
        "test_stylegan_nvidia_cpu.py::test_psi_0_gives_one_image_for_all_seeds": Points(0),
        "test_stylegan_nvidia_cpu.py::test_truncation_equals_gen_images": Points(0),
        "test_stylegan_nvidia_cpu.py::test_translate_rotate_equal_gen_images": Points(0),
        "test_stylegan_nvidia_cpu.py::test_cpu_run_says_images_are_not_promised_to_equal_gpu_images": Points(0),
    },
    "td3": {  # 100 points asked; build_model's causality specs are bonus; the GPU recipe 0
        "test_blocks.py::test_every_block_has_block_size_tokens": Points(1),
        "test_blocks.py::test_labels_equal_inputs": Points(1.5),
        "test_blocks.py::test_blocks_are_the_concatenated_text_in_order": Points(1.5),
        "test_blocks.py::test_a_batch_shorter_than_a_block_gives_no_block": Points(1.5),
        "test_blocks.py::test_labels_are_copies_not_the_same_lists": Points(1),
        "test_blocks.py::test_block_count_around_multiples_of_the_block_size": Points(0.25),
        # the lab's headline number, perplexity = exp(evaluation loss) (15; overflow and a
        # run's own perplexity build on it and leave the maximum when it fails: charged once)
        "test_perplexity.py::test_perplexity_is_exp_of_the_loss_exactly": Points(15),
        "test_perplexity.py::test_perplexity_is_infinite_on_overflow": Points(2, after=_PERPLEXITY),
        # the masked model's masking, the other headline: 15% of tokens (15), split 80/10/10 (15)
        "test_collator.py::test_about_15_percent_of_tokens_are_selected": Points(15),
        "test_collator.py::test_selected_tokens_split_80_10_10": Points(15),
        "test_collator.py::test_labels_hold_the_original_tokens_exactly_where_selected": Points(3),
        "test_collator.py::test_unselected_tokens_are_left_alone": Points(3),
        "test_collator.py::test_special_tokens_are_never_selected": Points(3),
        # a collator that ignores its seed makes every evaluation of the masked model draw
        # new masks: the report's own MLM mistake
        "test_collator.py::test_the_same_seed_draws_the_same_masks": Points(5),
        "test_causality.py::test_the_causal_model_cannot_see_the_future": bonus(7),
        "test_causality.py::test_the_masked_model_sees_the_right_hand_side": bonus(7),
        "test_run_perplexity.py::test_runs_report_exp_of_their_final_evaluation": Points(4, after=_PERPLEXITY),
        "test_run_perplexity.py::test_evaluating_again_gives_the_last_epochs_loss": Points(3),
        "test_training.py::test_validation_loss_decreases_every_epoch": Points(2),
        "test_training.py::test_the_same_seed_gives_the_same_losses": if_lm_trained(2),
        "test_training.py::test_the_causal_model_cannot_beat_the_truth": if_lm_trained(2),
        "test_training.py::test_the_causal_model_lands_within_the_documented_factor_of_the_bound": if_lm_trained(2),
        "test_training.py::test_the_masked_model_beats_word_frequencies": if_lm_trained(2),
        "test_gpu_recipe.py::test_the_notebook_recipe_on_a_gpu": Points(0),
        # dynamic masking, and why the two perplexities are not comparable (4); the
        # tokenizers are the lab's own, not the submission's: a fact, 0 points
        "test_masks_every_epoch.py::test_masks_are_redrawn_every_epoch": Points(3),
        # its share of labelled positions is the selection rate: a wrong rate is charged there
        "test_mlm_perplexity_not_comparable.py::test_masked_loss_counts_only_the_selected_tokens": Points(1, after=_FIFTEEN_PERCENT),
        "test_mlm_perplexity_not_comparable.py::test_the_two_tokenizers_cut_the_text_differently": Points(0),
    },
}

# Each lab's headline behaviours: what the lab is about, so each weighs at least HEADLINE_POINTS
# in the default rubric, and a mistake in one is charged there, once (the specs building on
# it are "after" it). Reasons in docs/grading.md, "Weights follow the lab".
HEADLINE_POINTS = 15
# what each lab asks, in the default rubric: its asked points sum to this (bonus comes on top)
ASKED_POINTS = 100
HEADLINES: dict[str, dict[str, tuple[str, ...]]] = {
    "td1": {"AND and OR are learned": ("test_convergence.py::test_and_or_reproduce_the_truth_table",),
            "XOR is not learned": ("test_xor.py::test_xor_final_weights_get_at_most_3_of_4_right",)},
    "td2/gan": {"the generator learns the target distribution": _GAN_TRAINS},
    "td2/stylegan": {"same seed, same image, by NVIDIA's convention (the seed's latent)":
                     ("test_stylegan_latents.py::test_latent_equals_the_numpy_convention",)},
    "td3": {"perplexity = exp(evaluation loss)": _PERPLEXITY,
            "the masked model selects 15% of the tokens": _FIFTEEN_PERCENT,
            "the selected tokens are split 80/10/10":
                ("test_collator.py::test_selected_tokens_split_80_10_10",)},
}

Rubric = dict[str, dict[str, Points]]  # table (lab or part) -> key -> points

_CASE = re.compile(r"\[.*\]$")


def lookup(lab: str, spec: str, rubric: Rubric = POINTS) -> tuple[str, str] | None:
    """(the table, its key) that give ``spec`` its points, or None."""
    table = rubric.get(lab, {})
    for key in (spec, _CASE.sub("", spec)):
        if key in table:
            return lab, key
    part, _, rest = spec.partition("/")  # "td2" + "stylegan/test_x.py::..." -> "td2/stylegan"
    return lookup(f"{lab}/{part}", rest, rubric) if rest and "::" not in part else None


def entry_for(lab: str, spec: str, rubric: Rubric = POINTS) -> str | None:
    """The key of the table that gives ``spec`` its points, or None when none does."""
    found = lookup(lab, spec, rubric)
    return None if found is None else found[1]


def points_for(lab: str, spec: str, rubric: Rubric = POINTS) -> Points:
    found = lookup(lab, spec, rubric)
    return DEFAULT if found is None else rubric[found[0]][found[1]]


def tables_of(lab: str, rubric: Rubric = POINTS) -> list[str]:
    """The tables that grade ``lab``: its own, or those of its parts (``td2/gan`` ...)."""
    return [name for name in rubric if name == lab or name.startswith(lab + "/")]


def markdown_table(lab: str) -> str:
    """The table of one lab as Markdown (for docs/grading.md)."""
    lines = ["| spec | points per case | asked or bonus | hidden | counts only if |",
             "|---|---|---|---|---|"]
    lines += [f"| `{key}` | {p.points:g} | {'bonus' if p.bonus else 'asked'} | "
              f"{'yes' if p.hidden else ''} | {', '.join(_short(r) for r in p.requires)} |"
              for key, p in POINTS[lab].items()]
    return "\n".join(lines)


def _short(key: str) -> str:
    return key.partition("::")[2].removeprefix("test_") or key


if __name__ == "__main__":
    import sys

    for lab in sys.argv[1:] or sorted(POINTS):
        print(f"{lab}:\n\n{markdown_table(lab)}\n")
