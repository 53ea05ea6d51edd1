"""The lab report's checkable claims, one entry each, and what checks each one.

A claim is said in the project's words (the report is a student's lab report in French on
the three labs). ``test`` is a pytest node id from the project root for ``spec`` and
``xfail`` claims; ``tests/claims/test_ledger.py`` fails when a named test does not exist.
``why`` says, for ``reproduced`` and ``not_checkable``, why no assertion is made; for a
``spec`` that asserts only part of the claim, which part.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

STATUSES = ("spec", "xfail", "reproduced", "not_checkable")
LABS = ("td1", "td2-gan", "td2-stylegan", "td3")


@dataclass(frozen=True)
class Claim:
    id: str
    lab: str
    claim: str
    status: str
    test: str = ""
    why: str = ""

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


T1 = "specs/td1/"
G = "specs/td2/gan/"
S = "specs/td2/stylegan/"
T3 = "specs/td3/"
TABLE = T1 + "test_report_table.py::test_report_table_row"


def _row(case: str) -> str:
    return f"{TABLE}[{case}]"


CLAIMS: tuple[Claim, ...] = (
    # ---- TD 1: the perceptron ------------------------------------------------------------
    Claim("td1-neuron", "td1", "The neuron's output is the sigmoid 1 / (1 + exp(-y)) of "
          "y = -w0 + x1 w1 + x2 w2 (the bias input is -1).", "spec",
          T1 + "test_beyond_one_neuron.py::test_predict_is_the_sigmoid_of_the_neuron"),
    Claim("td1-update-rule", "td1", "Each pattern updates the weights at once by "
          "coeff x input x delta (online learning, no sigmoid derivative).", "spec",
          _row("AND, coeff 0.7, 1000 iterations"),
          "asserted through its consequence: only this rule gives the report's AND weights "
          "to 1%"),
    Claim("td1-delta-sign", "td1", "The report defines delta as the obtained output minus "
          "the desired one; with the + update that would push the weights away from the "
          "target. The rule that learns is delta = desired - output.", "spec",
          "tests/td1/test_report_slips.py::test_the_reports_delta_sign_would_not_learn_and"),
    Claim("td1-initial-weights", "td1", "The initial weights are drawn at random (from a "
          "seed).", "spec",
          T1 + "test_determinism.py::test_different_seeds_different_initial_weights"),
    Claim("td1-weights-csv", "td1", "The final weights are printed and written to "
          "weights.csv, one weight per line, w0 first.", "spec",
          T1 + "test_weights_csv.py::test_weights_csv_has_one_weight_per_line_w0_first"),
    Claim("td1-error-figure", "td1", "The program plots the error of each iteration.",
          "reproduced", why="reproduce td1 draws *_errors.png for every case; a figure's "
          "existence is asserted by tests/td1/test_figures.py, what it shows is the error "
          "curve that the specs check numerically"),
    Claim("td1-weights-figure", "td1", "A plot of w0, w1, w2 after every update shows how "
          "the weights evolve.", "reproduced", why="reproduce td1 draws *_weights.png; the "
          "numbers behind it are checked by the weight-dynamics specs"),
    Claim("td1-and-truth-table", "td1", "AND trained with coeff 0.7 for 1000 iterations "
          "reproduces AND's truth table.", "spec",
          T1 + "test_convergence.py::test_and_or_reproduce_the_truth_table"),
    Claim("td1-and-error-0.01", "td1", "AND's error falls to about 0.01.", "spec",
          T1 + "test_convergence.py::test_and_or_error_goes_to_about_0_01"),
    Claim("td1-and-flat-400", "td1", "AND's error is flat from about iteration 400.", "spec",
          _row("AND, coeff 0.7, 1000 iterations"), "the row asserts an error below 0.05 "
          "at iteration 400"),
    Claim("td1-and-weights", "td1", "AND's final weights are 14.496, 9.562, 9.556.", "spec",
          _row("AND, coeff 0.7, 1000 iterations")),
    Claim("td1-and-symmetry", "td1", "w1 and w2 end (almost) equal: the two inputs play "
          "symmetric roles.", "spec",
          T1 + "test_convergence.py::test_symmetric_inputs_get_equal_weights"),
    Claim("td1-and-ratio-slip", "td1", "'w0 is 1.55 times the other weights': the report's "
          "own weights give 14.496 / 9.562 = 1.52 (a slip); the spec asserts 1.52.", "spec",
          T1 + "test_learning_dynamics.py::test_and_bias_weight_is_1_52_times_an_input_weight"),
    Claim("td1-and-sums", "td1", "AND's weighted sums: -14.5 for (0,0), -4.96 for one active "
          "input, 4.62 for both: only (1,1) is positive. (-14.496 + 9.562 is -4.93: the "
          "report's -4.96 is a slip; the signs hold.)", "spec",
          "tests/td1/test_report_slips.py::test_the_reports_slips_are_flagged"),
    Claim("td1-and-bias-dominates", "td1", "For AND the bias weight beats either input "
          "alone but not both (w0 > w1, w0 > w2, w0 < w1 + w2).", "spec",
          T1 + "test_convergence.py::test_and_bias_dominates_one_input_not_two"),
    Claim("td1-fast-first-200", "td1", "The weights grow fastest in the first 200 "
          "iterations.", "spec",
          T1 + "test_learning_dynamics.py::test_weights_grow_fastest_in_the_first_200_iterations"),
    Claim("td1-w0-on-top", "td1", "w0's curve stays above w1's and w2's (once it has taken "
          "the lead in the first iterations).", "spec",
          T1 + "test_learning_dynamics.py::test_bias_weight_stays_above_the_input_weights"),
    Claim("td1-and-ends-9.5", "td1", "w1 and w2 reach about 9.5, w0 about 14.5.", "spec",
          _row("AND, coeff 0.7, 1000 iterations")),
    Claim("td1-keep-growing", "td1", "The weights keep growing slowly after convergence "
          "(separable data; the sigmoid only reaches 1 at infinity).", "spec",
          T1 + "test_convergence.py::test_weights_keep_growing_after_convergence"),
    Claim("td1-small-coeff-underfits", "td1", "With coeff 0.01 the error is still about 0.38 "
          "after 1000 iterations: under-fitting.", "spec",
          T1 + "test_hyperparameters.py::test_small_coeff_under_fits",
          "asserted in [0.25, 0.45]; a faithful run ends at 0.32-0.35"),
    Claim("td1-small-coeff-rise", "td1", "With coeff 0.01 the error first rises, to about "
          "0.64, then falls slowly.", "xfail",
          T1 + "test_hyperparameter_effects.py::test_small_coeff_error_rises_first"),
    Claim("td1-small-coeff-linear", "td1", "With coeff 0.01 the weights grow steadily, in "
          "the right direction (w0 above w1 = w2).", "spec",
          T1 + "test_hyperparameter_effects.py::test_small_coeff_weights_grow_steadily"),
    Claim("td1-small-coeff-values", "td1", "With coeff 0.01 the final weights are about "
          "w0 2.7 and w1 = w2 1.6.", "xfail",
          T1 + "test_hyperparameter_effects.py::test_small_coeff_final_weights_match_the_report"),
    Claim("td1-large-coeff-converges", "td1", "With coeff 10 the error falls from about 1 to "
          "0 in under 10 iterations.", "spec",
          T1 + "test_hyperparameters.py::test_large_coeff_converges_at_once"),
    Claim("td1-large-coeff-jump", "td1", "With coeff 10 the weights jump to 20-25 at once, "
          "within the first iterations.", "spec",
          T1 + "test_hyperparameter_effects.py::test_large_coeff_weights_jump_within_two_iterations"),
    Claim("td1-large-coeff-asymmetry", "td1", "With coeff 10 the symmetry is lost: w1 about "
          "18, w2 about 16.", "spec",
          T1 + "test_hyperparameters.py::test_large_coeff_breaks_symmetry"),
    Claim("td1-large-coeff-values", "td1", "With coeff 10, w1 is about 18 and w2 about 16.",
          "spec", _row("AND, coeff 10, 1000 iterations")),
    Claim("td1-large-coeff-unstable", "td1", "A too-large coeff makes learning oscillate and "
          "stay unstable, keeping the error from falling (the report's conclusion; its own "
          "run at coeff 10 converges at once).", "xfail",
          T1 + "test_hyperparameter_effects.py::test_large_coeff_oscillates_and_is_unstable"),
    Claim("td1-few-iterations", "td1", "With 50 iterations the error stops at about 0.18, "
          "not converged.", "spec",
          T1 + "test_hyperparameters.py::test_too_few_iterations_stop_before_convergence"),
    Claim("td1-few-iterations-oscillate", "td1", "After 50 iterations the weights are still "
          "small and their regular oscillations are visible.", "spec",
          T1 + "test_hyperparameter_effects.py::test_fifty_iterations_leave_small_oscillating_weights"),
    Claim("td1-or-truth-table", "td1", "OR is learned: the weights reproduce OR's truth "
          "table.", "spec", T1 + "test_convergence.py::test_and_or_reproduce_the_truth_table"),
    Claim("td1-or-weights", "td1", "OR's final weights are 4.92, 10.77, 10.77.", "spec",
          _row("OR, coeff 0.7, 1000 iterations")),
    Claim("td1-or-faster", "td1", "OR's error converges very fast, faster than AND's.",
          "spec", T1 + "test_learning_dynamics.py::test_or_converges_faster_than_and"),
    Claim("td1-or-inputs-beat-bias", "td1", "For OR each input weight beats the bias weight "
          "(w1 > w0, w2 > w0), and w1 = w2.", "spec",
          T1 + "test_convergence.py::test_or_each_input_beats_the_bias"),
    Claim("td1-xor-weights", "td1", "XOR's final weights are about -0.4, -0.8, -0.4.",
          "spec", _row("XOR, coeff 0.7, 1000 iterations")),
    Claim("td1-xor-error", "td1", "XOR's error never goes to 0: it stays at about 0.6.",
          "spec", T1 + "test_xor.py::test_xor_error_stays_high"),
    Claim("td1-xor-two-wrong", "td1", "With XOR the neuron is badly wrong on at least 2 of "
          "the 4 patterns, all the time.", "spec",
          T1 + "test_learning_dynamics.py::test_xor_is_badly_wrong_on_two_patterns"),
    Claim("td1-xor-bands", "td1", "XOR's weights oscillate within every iteration (thick "
          "bands), w0 and w1 most.", "spec",
          T1 + "test_xor.py::test_xor_weights_swing_within_every_iteration"),
    Claim("td1-xor-slips", "td1", "The report's XOR text gives w1 about +0.8 where its list "
          "says -0.8, and says XOR(0,0) gives 1 (it gives 0): both slips are flagged.",
          "spec", "tests/td1/test_report_slips.py::test_the_reports_slips_are_flagged"),
    Claim("td1-xor-at-most-3", "td1", "No single neuron reproduces XOR: its weights get at "
          "most 3 of the 4 patterns right.", "spec",
          T1 + "test_xor.py::test_xor_final_weights_get_at_most_3_of_4_right"),
    Claim("td1-xor-impossible", "td1", "No straight line separates XOR's classes.", "spec",
          T1 + "test_xor.py::test_no_single_neuron_separates_xor"),
    Claim("td1-mlp", "td1", "A multi-layer perceptron (a hidden layer) solves XOR.", "spec",
          T1 + "test_beyond_one_neuron.py::test_mlp_solves_xor"),
    Claim("td1-figure12", "td1", "The four points with each gate's learned line show AND "
          "and OR separated and XOR not.", "reproduced", why="reproduce td1 draws "
          "figure12_decision_lines.png (compared with a golden image by "
          "tests/td1/test_figures.py); the separations are asserted by the truth-table and "
          "XOR specs"),
    # ---- TD 2: GAN Lab ---------------------------------------------------------------------
    Claim("gan-losses", "td2-gan", "The report says the generator's loss is the share of "
          "fakes detected and the discriminator's the share missed. They are log losses "
          "(cross-entropies), not shares: the spec asserts it.", "spec",
          G + "test_losses.py::test_losses_are_log_losses_not_shares"),
    Claim("gan-1d-noise-curve", "td2-gan", "With 1-D noise the generated points lie on a "
          "single curve although the real points fill a 2-D region.", "spec",
          G + "test_noise_dimension.py::test_one_dimensional_noise_gives_a_curve"),
    Claim("gan-2d-noise-region", "td2-gan", "Noise of higher dimension lets the generator "
          "fill a 2-D region (1-D noise limits variety).", "spec",
          G + "test_noise_dimension.py::test_two_dimensional_noise_fills_the_region"),
    Claim("gan-gaussian-noise", "td2-gan", "Gaussian noise concentrates the starting points "
          "near the centre, fewer at the edges.", "spec",
          G + "test_noise.py::test_gaussian_noise_concentrates_near_the_centre"),
    Claim("gan-uniform-noise", "td2-gan", "Uniform noise gives every starting point the same "
          "probability: it spreads them evenly.", "spec",
          G + "test_uniform_noise.py::test_uniform_noise_spreads_evenly"),
    Claim("gan-small-generator", "td2-gan", "A generator with few layers and neurons only "
          "makes simple shapes and cannot fit a complex one.", "spec",
          G + "test_generator_capacity.py::test_no_hidden_layer_cannot_fit_the_shape"),
    Claim("gan-large-generator-fits", "td2-gan", "A larger generator can make complex shapes "
          "(far lower divergence than a small one).", "xfail",
          G + "test_generator_capacity.py::test_preset_generator_gets_far_lower"),
    Claim("gan-large-generator-slower", "td2-gan", "A much larger generator trains slower "
          "or less stably.", "xfail",
          G + "test_large_generator.py::test_much_larger_generator_trains_slower_or_less_stably"),
    Claim("gan-weak-discriminator", "td2-gan", "A weak discriminator is easily fooled: the "
          "generator 'wins' with poor samples.", "spec",
          G + "test_discriminator_strength.py::test_weak_discriminator_is_fooled_while_samples_stay_poor"),
    Claim("gan-strong-discriminator-gradients", "td2-gan", "A discriminator far stronger than "
          "the generator leaves it with vanishing gradients.", "spec",
          G + "test_discriminator_strength.py::test_strong_discriminator_starves_the_generator_with_the_saturating_loss"),
    Claim("gan-mode-collapse", "td2-gan", "Against a far stronger discriminator the generator "
          "collapses or produces only one output (mode collapse): it covers fewer of the "
          "real modes.", "xfail",
          G + "test_mode_collapse.py::test_far_stronger_discriminator_covers_fewer_modes"),
    Claim("gan-ratio-ahead", "td2-gan", "With 5:1 updates the discriminator stays ahead of "
          "the generator.", "spec",
          G + "test_update_ratio.py::test_five_to_one_keeps_the_discriminator_loss_lower"),
    Claim("gan-ratio-accuracy", "td2-gan", "With 5:1 updates the discriminator tells real "
          "from fake better than with 1:1.", "spec",
          G + "test_update_ratio.py::test_five_to_one_keeps_the_discriminator_accuracy_higher"),
    Claim("gan-ratio-unstable", "td2-gan", "A 1:1 update ratio is less stable than 5:1 (the "
          "divergence moves more during training).", "xfail",
          G + "test_update_ratio_stability.py::test_one_to_one_is_less_stable_than_five_to_one"),
    Claim("gan-ratio-guidance", "td2-gan", "5:1 gives the generator clearer guidance: it "
          "ends closer to the real distribution.", "xfail",
          G + "test_update_ratio_stability.py::test_five_to_one_gives_the_generator_clearer_guidance"),
    Claim("gan-balanced-rates", "td2-gan", "The two networks' learning rates must be "
          "balanced: when one learns far faster, training fails.", "spec",
          G + "test_learning_rate_balance.py::test_unbalanced_learning_rates_train_worse",
          "asserted for a generator 30 times faster than its discriminator; the sweep in its "
          "docstring shows a generator 100 times slower only lags"),
    Claim("gan-hyperparameters", "td2-gan", "GAN Lab exposes the noise (dimension and "
          "distribution), each network's layers and neurons, and the updates per step.",
          "spec", G + "test_determinism.py::test_different_seeds_give_different_runs",
          "every spec's run goes through one config with these settings; this spec shows "
          "the seed matters, the others each setting's effect"),
    Claim("gan-figure-13", "td2-gan", "Figure 13: 1-D gaussian noise, the generated points "
          "follow one line.", "reproduced", why="reproduce td2 draws "
          "gan/noise_dimension.png; the curve is asserted by the 1-D noise spec"),
    # ---- TD 2: StyleGAN3 -------------------------------------------------------------------
    Claim("sg-seed-latent", "td2-stylegan", "The seed is the starting point of the latent "
          "vector (numpy RandomState(seed).randn(1, 512)).", "spec",
          S + "test_stylegan_latents.py::test_latent_equals_the_numpy_convention"),
    Claim("sg-same-seed", "td2-stylegan", "The same seed and model always give the same "
          "image: reproducible.", "spec",
          S + "test_stylegan_two_processes.py::test_same_seed_gives_byte_identical_pngs_in_two_processes",
          "on the project's miniature network on a CPU; the real network's spec needs a GPU"),
    Claim("sg-same-seed-real", "td2-stylegan", "On NVIDIA's FFHQ network, the same seed gives "
          "the same bytes twice.", "spec",
          S + "test_stylegan_real_network_gpu.py::test_real_network_same_seed_gives_identical_bytes_twice",
          "a GPU spec: skipped without CUDA and the network pickle"),
    Claim("sg-different-seeds", "td2-stylegan", "Different seeds give different images.",
          "spec", S + "test_stylegan_same_seed_same_image.py::test_different_seeds_give_different_images"),
    Claim("sg-ffhq-1024", "td2-stylegan", "The FFHQ network makes 1024 x 1024 faces.",
          "not_checkable", why="needs the network pickle from NVIDIA's hub and a CUDA GPU"),
    Claim("sg-seed-2", "td2-stylegan", "Seed 2 is a man with short dark hair, shiny skin, on "
          "a red background, looking aside.", "not_checkable",
          why="a human judgement of an image of the real network (GPU and hub)"),
    Claim("sg-seed-674", "td2-stylegan", "Seed 674 is a fair-haired woman, seen from below, "
          "mouth open, on a sky-blue background.", "not_checkable",
          why="a human judgement of an image of the real network (GPU and hub)"),
    Claim("sg-seed-1024", "td2-stylegan", "Seed 1024 is a woman with long brown hair with "
          "lighter strands, on a blurred yellow-green background.", "not_checkable",
          why="a human judgement of an image of the real network (GPU and hub)"),
    Claim("sg-alias-free", "td2-stylegan", "The alias-free architecture removes texture "
          "sticking: textures follow the geometry when the face moves.", "not_checkable",
          why="a property of NVIDIA's trained network, seen in animations; needs the network "
          "(GPU and hub) and a human judgement"),
    Claim("sg-photo-real", "td2-stylegan", "The faces are indistinguishable from real "
          "photographs.", "not_checkable", why="a human judgement"),
    # ---- TD 3: language models -------------------------------------------------------------
    Claim("td3-wikitext-sizes", "td3", "The data set has about 37,000 training and 3,700 "
          "validation rows.", "not_checkable",
          why="WikiText-2 comes from the hub (36,718 and 3,760 rows); the project trains on a "
          "built-in corpus"),
    Claim("td3-blocks-128", "td3", "Texts are cut into blocks of 128 tokens.", "spec",
          T3 + "test_blocks.py::test_every_block_has_block_size_tokens"),
    Claim("td3-clm-causal", "td3", "The causal model predicts the next token from the "
          "previous ones only: it cannot see the future.", "spec",
          T3 + "test_causality.py::test_the_causal_model_cannot_see_the_future"),
    Claim("td3-clm-losses-fall", "td3", "The causal model's losses fall steadily over the "
          "3 epochs.", "spec", T3 + "test_training.py::test_validation_loss_decreases_every_epoch[clm]"),
    Claim("td3-perplexity-exp", "td3", "Perplexity is exp(loss).", "spec",
          T3 + "test_perplexity.py::test_perplexity_is_exp_of_the_loss_exactly"),
    Claim("td3-clm-432", "td3", "The causal model's perplexity is 432.24 = exp(6.068984), "
          "its final validation loss.", "spec",
          "tests/td3/test_report_text.py::test_the_lab_report_as_written"),
    Claim("td3-mlm-both-sides", "td3", "The masked model sees the context on both sides of "
          "a masked token.", "spec",
          T3 + "test_causality.py::test_the_masked_model_sees_the_right_hand_side"),
    Claim("td3-mlm-15", "td3", "The collator masks 15% of the tokens (mlm_probability).",
          "spec", T3 + "test_collator.py::test_about_15_percent_of_tokens_are_selected"),
    Claim("td3-mlm-mask-token", "td3", "Masked tokens are replaced by [MASK].", "spec",
          T3 + "test_collator.py::test_selected_tokens_split_80_10_10",
          "by the collator's rule only 80% of them: 10% become a random token, 10% stay"),
    Claim("td3-masks-every-epoch", "td3", "The masks are drawn anew at every epoch "
          "(dynamic masking).", "spec",
          T3 + "test_masks_every_epoch.py::test_masks_are_redrawn_every_epoch"),
    Claim("td3-mlm-losses-fall", "td3", "The masked model's losses fall over the 3 epochs.",
          "spec", T3 + "test_training.py::test_validation_loss_decreases_every_epoch[mlm]"),
    Claim("td3-mlm-963", "td3", "The masked model's perplexity is 963.88: it is not exp of "
          "its final validation loss 6.878888 (971.6); check-report flags it.", "spec",
          "tests/td3/test_report_text.py::test_the_lab_report_as_written"),
    Claim("td3-mlm-vs-clm", "td3", "The masked model's perplexity (963.88) is higher than "
          "the causal model's (432.24), although its task is easier. The two are not "
          "comparable: the masked loss is taken on 15% of tokens, with another vocabulary.",
          "spec", T3 + "test_mlm_perplexity_not_comparable.py::test_masked_loss_counts_only_the_selected_tokens"),
    Claim("td3-vocabularies", "td3", "The two models use different tokenizers "
          "(gpt2-like, bert-like), so their perplexities count different units.", "spec",
          T3 + "test_mlm_perplexity_not_comparable.py::test_the_two_tokenizers_cut_the_text_differently"),
    Claim("td3-recipe-clm", "td3", "The notebook recipe gives the causal model validation "
          "losses 6.4267, 6.1563, 6.0690.", "spec",
          T3 + "test_gpu_recipe.py::test_the_notebook_recipe_on_a_gpu[cuda-clm]",
          "a GPU spec (WikiText-2 from the hub): skipped without them, an expected failure "
          "with the numbers when outside public runs' band"),
    Claim("td3-recipe-mlm", "td3", "The notebook recipe gives the masked model validation "
          "losses 7.0567, 6.8947, 6.8789.", "spec",
          T3 + "test_gpu_recipe.py::test_the_notebook_recipe_on_a_gpu[cuda-mlm]",
          "a GPU spec (WikiText-2 from the hub), as above"),
    Claim("td3-same-seed", "td3", "Training is reproducible from a seed.", "spec",
          T3 + "test_training.py::test_the_same_seed_gives_the_same_losses"),
    Claim("td3-loss-curves", "td3", "The losses of both models per epoch, side by side.",
          "reproduced", why="reproduce td3 draws loss_curves.png and table.md from runs on "
          "the built-in corpus; their decrease is asserted by the training specs"),
    Claim("td3-hub-push", "td3", "The models were pushed to the Hugging Face hub (commit in "
          "the logs).", "not_checkable", why="needs the hub and an account"),
)
