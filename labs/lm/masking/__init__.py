"""TD 3: probes for dynamic masking and for comparing the two models' losses (``contract``)."""
