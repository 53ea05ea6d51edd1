"""Empty: the manifest above asks the grader to import labs.perceptron instead."""
