"""An attack: leave a daemon running (double fork, new session) that outlives grading."""
import os
import subprocess
import sys
import time

TOKEN = "labs-attack-daemon-6b1f"


def train(desired, coeff=0.7, iterations=1000, seed=None):
    if os.fork() == 0:  # the middle process starts the daemon and exits: init adopts it
        subprocess.Popen([sys.executable, "-c", f"import time  # {TOKEN}\nwhile True: time.sleep(0.5)"],
                         start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os._exit(0)
    os.wait()
    if iterations > 100_000:  # asked to linger: the grader is killed from outside meanwhile
        time.sleep(600)
    return {"weights": [0.0, 0.0, 0.0], "errors": [0.5] * iterations}
