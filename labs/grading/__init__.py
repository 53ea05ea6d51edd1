"""Grading student submissions with the labs' specs: one folder, a class, or on Gradescope.

The grade of a folder is what ``pytest specs/<lab> --submission DIR`` says, run in a
subprocess (``labs.grading.run``) and turned into points (``labs.grading.points``).
"""
