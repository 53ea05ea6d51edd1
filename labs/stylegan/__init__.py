"""TD 2, part 2: StyleGAN seeds. Same seed, same network -> same image, with gen_images.py's
conventions, checked on CPU with a miniature generator the project builds.

Modules: ``conventions`` (seed lists, seed -> latent, file names), ``images`` (to uint8,
PNG), ``transform``, ``layers``/``mapping``/``synthesis``/``miniature`` (the miniature
generator), ``pipeline`` (seed -> image), ``real_network`` (StyleGAN3 on CUDA),
``contract`` (what a student's ``stylegan.py`` provides).

The package is the reference of that contract: it exports ``seed_to_z`` and ``generate``,
loaded on first use (PEP 562), so that the command-line parser, which imports this
package, stays fast (``generate`` loads torch).
"""
__all__ = ["generate", "seed_to_z"]

_EXPORTS = {"seed_to_z": "labs.stylegan.conventions", "generate": "labs.stylegan.pipeline"}


def __getattr__(name: str):
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'labs.stylegan' has no attribute {name!r}")
