"""Constants a network needs without the seed pipeline: the miniature and the stand-in
network import these, so a sandboxed child can build them without ``seed_to_z`` (a
required function of the student contract) being importable there."""
Z_DIM = 512  # the latent size of the FFHQ StyleGAN3 networks
NOISE_MODES = ("const", "random", "none")  # gen_images.py's choices; const is its default
