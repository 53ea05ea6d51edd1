"""The reference implementation of the student contract (``labs.stylegan.contract``)."""
from labs.stylegan.conventions import seed_to_z
from labs.stylegan.generate import generate

__all__ = ["generate", "seed_to_z"]
