"""TD 2, part 2: StyleGAN seeds. Same seed, same network -> same image, with gen_images.py's
conventions, checked on CPU with a miniature generator the project builds."""
from labs.stylegan.generate import generate, write_images
from labs.stylegan.images import png_bytes, read_png, save_png, to_uint8
from labs.stylegan.mapping import truncate
from labs.stylegan.miniature import Generator, miniature_generator
from labs.stylegan.seeds import REPORT_SEEDS, Z_DIM, image_filename, parse_seeds, seed_to_z
from labs.stylegan.transform import make_transform

__all__ = ["REPORT_SEEDS", "Z_DIM", "Generator", "generate", "image_filename", "make_transform",
           "miniature_generator", "parse_seeds", "png_bytes", "read_png", "save_png", "seed_to_z",
           "to_uint8", "truncate", "write_images"]
