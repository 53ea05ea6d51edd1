"""An attack: 100 MB of notes, appended to the worker's own list of notes (found through
the garbage collector), to swell results.json and the teacher's terminal."""
import gc


def train(desired, coeff=0.7, iterations=1000, seed=None):
    for thing in gc.get_objects():
        notes = getattr(thing, "notes", None) if type(thing).__name__ == "_Loader" else None
        if isinstance(notes, list):
            notes += ["n" * (1 << 20)] * 100
    return {"weights": [0.0, 0.0, 0.0], "errors": [0.5] * iterations}
