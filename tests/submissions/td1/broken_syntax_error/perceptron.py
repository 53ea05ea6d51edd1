"""A syntax error on line 3."""
def train(desired, coeff=0.7, iterations=1000, seed=None)
    return None
