"""A hostile TD 2 GAN folder aimed at the given-weights probe (``train_gan_from``): what it
sends back is text with terminal escapes and a spreadsheet formula, weights of the wrong
shapes, the given weights untouched (one of them NaN), and a history that forges a grader's line. Each must
fail its spec with a plain message, and cost no other spec anything."""
import numpy as np

FORGED = "\x1b[2J\x1b]52;c;cGF3bmVk\x07\nPASS 5/5 =HYPERLINK(\"https://example.invalid\")"


def sample_noise(kind, dim, n, seed):
    return np.random.default_rng(seed).uniform(0.0, 1.0, size=(n, dim))


def sample_real(name, n, seed, points=None):
    return np.random.default_rng(seed).uniform(0.0, 1.0, size=(n, 2))


def train_gan(config):
    steps = config["steps"]
    return {"sample": lambda n: np.full((n, 2), 0.5),
            "history": {"d_loss": [1.0] * steps, "g_loss": [1.0] * steps}}


def train_gan_from(config, weights, real, noise):
    steps = config["steps"]
    history = {"d_loss": [FORGED] * steps, "g_loss": [np.nan] * steps,
               "d_accuracy": [2.0] * steps, "g_grad_norm": [-1.0] * steps}
    if config["loss"] == "log":  # text where the weights should be
        return {"history": history, "weights": {"generator": [FORGED], "discriminator": FORGED}}
    if config["loss"] == "minimax":  # every array transposed
        return {"history": history,
                "weights": {name: [np.asarray(w).T for w in ws] for name, ws in weights.items()}}
    untrained = {name: [np.asarray(w, dtype=float) for w in ws] for name, ws in weights.items()}
    untrained["generator"][0][0, 0] = np.nan  # NaN loses every comparison: it must not pass
    return {"history": history, "weights": untrained}  # the given weights, never trained
