"""TD 2, part 2: StyleGAN seeds. Same seed, same network -> same image, with gen_images.py's
conventions, checked on CPU with a miniature generator the project builds.

Modules: ``conventions`` (seed lists, seed -> latent, file names), ``images`` (to uint8,
PNG), ``transform``, ``layers``/``mapping``/``synthesis``/``miniature`` (the miniature
generator), ``generate`` (seed -> image), ``real_network`` (StyleGAN3 on CUDA), ``reference``
(what the student contract asks for). This file imports nothing, so that the command-line
parser stays fast.
"""
