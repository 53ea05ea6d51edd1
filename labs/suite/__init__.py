"""Shared pytest machinery: options, markers, the lab contracts, golden comparison (the
sandbox that runs a student's code is its own package, ``labs.sandbox``)."""
