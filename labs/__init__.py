"""Reference implementations of the three labs of the course "IA et Optimisations".

One sub-package per lab (``labs.perceptron`` for TD 1, ...); ``labs.suite`` holds the
pytest machinery shared by every lab's specs (submission loading, seeds, goldens).
"""
