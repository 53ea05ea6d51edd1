"""``default_rng(seed).random(3)`` for many seeds at once, bit for bit, in vectorised numpy.

One ``default_rng(seed)`` costs 16-21 us (a ``SeedSequence``, a ``PCG64`` and a ``Generator``
built in Python), more than a whole batched 1000-iteration run; for 10,000 seeds the loop
alone capped ``train_many`` near 650x the per-sample loop. Here the same three steps run on
arrays of seeds, with only integer arithmetic, so the numbers are the same to the bit (tested
against ``default_rng`` on edge-case seeds):

1. ``SeedSequence(seed)``: the seed's 32-bit words (zero-padded to the pool size of 4, which is
   what numpy's mixing does for a short entropy) go through numpy's ``hashmix``/``mix``
   pool mixing, then ``generate_state(4, uint64)``;
2. ``PCG64``: state and increment from those words (``pcg_setseq_128_srandom_r``), 128-bit
   arithmetic done on pairs of uint64;
3. ``Generator.random``: each double is the top 53 bits of one XSL-RR output.

Hand-written from numpy's own sources (``numpy/random/bit_generator.pyx``,
``numpy/random/src/pcg64``): numpy exposes no vectorised seeding. Seeds outside
[0, 2**64) take the per-seed path, so nothing is lost but speed. Where the compiled loop was
built (``labs/perceptron/_kernel.c``) its C transcription of the same steps runs instead
(0.3 us per seed here, a few ns there); ``compiled=False`` forces the numpy one.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

MASK32 = np.uint64(0xFFFFFFFF)
# numpy.random.bit_generator's SeedSequence constants
INIT_A, MULT_A = 0x43B0D7E5, 0x931E8875
INIT_B, MULT_B = 0x8B51F9DD, 0x58F38DED
MIX_MULT_L, MIX_MULT_R = 0xCA01F9DD, 0x4973F715
POOL_SIZE = 4
# PCG64's default 128-bit multiplier, high and low halves
PCG_MULT = (np.uint64(0x2360ED051FC65DA4), np.uint64(0x4385DF649FCCF645))


def _hashmix(value: np.ndarray, hash_const: int) -> tuple[np.ndarray, int]:
    """numpy's ``hashmix`` on uint32 values held in uint64; returns (value, next hash_const)."""
    value = value ^ np.uint64(hash_const)
    hash_const = (hash_const * MULT_A) & 0xFFFFFFFF
    value = (value * np.uint64(hash_const)) & MASK32
    return value ^ (value >> np.uint64(16)), hash_const


def _mix(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    result = (np.uint64(MIX_MULT_L) * x - np.uint64(MIX_MULT_R) * y) & MASK32
    return result ^ (result >> np.uint64(16))


def _seed_sequence_state(seeds: np.ndarray) -> list[np.ndarray]:
    """``SeedSequence(seed).generate_state(4, np.uint64)`` per seed: four uint64 arrays."""
    words = [seeds & MASK32, seeds >> np.uint64(32)] + [np.zeros_like(seeds)] * (POOL_SIZE - 2)
    hash_const = INIT_A
    pool = []
    for word in words:  # a missing entropy word is hashed as 0, exactly like a zero word
        mixed, hash_const = _hashmix(word, hash_const)
        pool.append(mixed)
    for source in range(POOL_SIZE):
        for target in range(POOL_SIZE):
            if source != target:
                hashed, hash_const = _hashmix(pool[source], hash_const)
                pool[target] = _mix(pool[target], hashed)
    hash_const = INIT_B
    state32 = []
    for index in range(2 * POOL_SIZE):  # generate_state cycles over the pool
        value = pool[index % POOL_SIZE] ^ np.uint64(hash_const)
        hash_const = (hash_const * MULT_B) & 0xFFFFFFFF
        value = (value * np.uint64(hash_const)) & MASK32
        state32.append(value ^ (value >> np.uint64(16)))
    # uint32 words viewed as little-endian uint64
    return [state32[2 * k] | (state32[2 * k + 1] << np.uint64(32)) for k in range(POOL_SIZE)]


def _mul_high(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The high 64 bits of the 128-bit product of two uint64 arrays."""
    a0, a1 = a & MASK32, a >> np.uint64(32)
    b0, b1 = b & MASK32, b >> np.uint64(32)
    low, cross1, cross2 = a0 * b0, a0 * b1, a1 * b0
    middle = (low >> np.uint64(32)) + (cross1 & MASK32) + (cross2 & MASK32)
    return a1 * b1 + (cross1 >> np.uint64(32)) + (cross2 >> np.uint64(32)) + (middle >> np.uint64(32))


def _pcg_step(high: np.ndarray, low: np.ndarray, inc_high: np.ndarray,
              inc_low: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """state * PCG_MULT + inc, modulo 2**128."""
    mult_high, mult_low = PCG_MULT
    new_high = high * mult_low + low * mult_high + _mul_high(low, mult_low)
    new_low = low * mult_low
    return _add128(new_high, new_low, inc_high, inc_low)


def _add128(a_high, a_low, b_high, b_low) -> tuple[np.ndarray, np.ndarray]:
    low = a_low + b_low
    return a_high + b_high + (low < a_low).astype(np.uint64), low


def _uniforms(seeds: np.ndarray, count: int) -> np.ndarray:
    """(len(seeds), count): the first ``count`` doubles of ``default_rng(seed).random``."""
    with np.errstate(over="ignore"):
        seed_high, seed_low, seq_high, seq_low = _seed_sequence_state(seeds)
        inc_high = (seq_high << np.uint64(1)) | (seq_low >> np.uint64(63))
        inc_low = (seq_low << np.uint64(1)) | np.uint64(1)
        zero = np.zeros_like(seeds)
        high, low = _pcg_step(zero, zero, inc_high, inc_low)
        high, low = _add128(high, low, seed_high, seed_low)
        high, low = _pcg_step(high, low, inc_high, inc_low)
        out = np.empty((len(seeds), count))
        for column in range(count):
            high, low = _pcg_step(high, low, inc_high, inc_low)
            mixed = high ^ low
            rotation = high >> np.uint64(58)
            word = (mixed >> rotation) | (mixed << ((np.uint64(64) - rotation) & np.uint64(63)))
            out[:, column] = (word >> np.uint64(11)) * (1.0 / 9007199254740992.0)
    return out


def initial_weights_many(seeds: Sequence[int], compiled: bool = True) -> np.ndarray:
    """(K, 3): row k is ``numpy.random.default_rng(seeds[k]).random(3)``, to the bit."""
    from labs.perceptron.train import initial_weights

    if isinstance(seeds, range) and seeds.start >= 0 and seeds.stop < 2 ** 63:
        return _uniforms_of(np.arange(seeds.start, seeds.stop, seeds.step, dtype=np.uint64),
                            compiled)
    values = list(seeds)
    array = np.array(values) if values else np.zeros(0, dtype=np.int64)
    if array.ndim == 1 and array.dtype.kind in "iu" and (array.size == 0 or array.min() >= 0):
        return _uniforms_of(array.astype(np.uint64), compiled)  # plain integer seeds
    fast = [isinstance(s, (int, np.integer)) and not isinstance(s, (bool, np.bool_))
            and 0 <= s < 2 ** 64 for s in values]
    weights = np.empty((len(values), 3))
    if any(fast):
        index = np.flatnonzero(fast)
        weights[index] = _uniforms_of(np.array([values[i] for i in index], dtype=np.uint64),
                                      compiled)
    for i in np.flatnonzero(~np.array(fast, dtype=bool)):
        weights[i] = initial_weights(values[i])  # None, a huge or a bad seed: numpy decides
    return weights


def _uniforms_of(seeds: np.ndarray, compiled: bool) -> np.ndarray:
    from labs.perceptron.batched import compiled_kernel

    kernel = compiled_kernel() if compiled else None
    if kernel is None:
        return _uniforms(seeds, 3)
    weights = np.empty((len(seeds), 3))
    kernel.initial_weights(np.ascontiguousarray(seeds), weights)
    return weights
