"""An attack: import the reference under a name built at run time (no static check sees it)."""
import importlib


def train(desired, coeff=0.7, iterations=1000, seed=None):
    name = "".join(["la", "bs", ".", "percep", "tron"])
    found = []
    for module in (name, name + ".train"):
        try:
            return importlib.import_module(module).train(desired, coeff, iterations, seed)
        except (ImportError, AttributeError) as error:
            found.append(f"{module}: {type(error).__name__}: {error}")
    raise RuntimeError("REFERENCE NOT REACHED: " + "; ".join(found))
