"""Build the one compiled piece: the batched perceptron's fused loop (labs/perceptron/_kernel.c).

Optional: where no C compiler is found the install still succeeds and ``train_many`` uses
its numpy loop (same runs, slower). Everything else is declared in pyproject.toml.
"""
from setuptools import Extension, setup

setup(ext_modules=[Extension("labs.perceptron._kernel", ["labs/perceptron/_kernel.c"],
                             extra_compile_args=["-O3", "-ffinite-math-only", "-fno-signed-zeros"], optional=True)])
