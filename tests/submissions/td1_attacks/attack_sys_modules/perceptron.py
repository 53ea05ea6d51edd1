"""An attack: take the reference's train from modules the worker already imported."""
import sys


def train(desired, coeff=0.7, iterations=1000, seed=None):
    for name, module in list(sys.modules.items()):
        if name.startswith("labs") and callable(getattr(module, "train", None)):
            return module.train(desired, coeff, iterations, seed)
    raise RuntimeError("no reference train among: "
                       + ", ".join(sorted(n for n in sys.modules if n.startswith("labs"))))
