"""The suite's pytest machinery lives in labs.suite (plugin and benchmark mode), shared by every lab."""
import os

# no window ever opens: set before anything imports matplotlib (no import here, it is slow)
os.environ["MPLBACKEND"] = "Agg"

pytest_plugins = ["labs.suite.plugin", "labs.suite.benchmarking"]
