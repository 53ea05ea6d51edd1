"""An attack: 8 processes of 300 MB each, every one under the per-process memory limit."""
import multiprocessing
import time


def hog(_):
    block = bytearray(300 * 1024 * 1024)  # touched: real memory, not address space only
    for i in range(0, len(block), 4096):
        block[i] = 1
    time.sleep(2)
    return len(block)


def train(desired, coeff=0.7, iterations=1000, seed=None):
    context = multiprocessing.get_context("fork")
    processes = [context.Process(target=hog, args=(i,)) for i in range(8)]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
    codes = [process.exitcode for process in processes]
    raise RuntimeError(f"EXIT CODES {codes}")
