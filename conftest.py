"""The suite's pytest machinery lives in labs.suite.plugin, shared by every lab."""
import matplotlib

matplotlib.use("Agg")  # no window ever opens, whatever the environment says

pytest_plugins = ["labs.suite.plugin", "labs.suite.benchmarking"]
