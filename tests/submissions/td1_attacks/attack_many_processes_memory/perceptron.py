"""An attack: 8 processes of 300 MB each, every one under the per-process memory limit.

Each holds its memory until it is killed (or for a minute); ``train`` returns as soon as one
of them ends, with every exit code so far, so a kill shows at once and an attack the limits
miss still ends (all eight exit 0 after the minute)."""
import multiprocessing
import multiprocessing.connection
import time


def hog(_):
    block = bytearray(300 * 1024 * 1024)  # touched: real memory, not address space only
    for i in range(0, len(block), 4096):
        block[i] = 1
    time.sleep(60)
    return len(block)


def train(desired, coeff=0.7, iterations=1000, seed=None):
    context = multiprocessing.get_context("fork")
    processes = [context.Process(target=hog, args=(i,)) for i in range(8)]
    for process in processes:
        process.start()
    ready = multiprocessing.connection.wait([process.sentinel for process in processes])
    for process in processes:
        if process.sentinel in ready:
            process.join()  # its sentinel closes as it dies, a moment before its exit code
    codes = [process.exitcode for process in processes]
    for process in processes:
        process.kill()
    raise RuntimeError(f"EXIT CODES {codes}")
