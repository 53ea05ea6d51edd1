/* The batched perceptron's inner loop in C: many TD 1 runs at once, one fused pass per update.
 *
 * Built at install time by setup.py (optional: without a C compiler the package falls back to
 * the numpy loop in labs/perceptron/batched.py, which computes the same runs). Hand-written
 * because no maintained library fuses "sigmoid, delta, three weight updates" per element:
 * numpy and torch pay one pass over memory and one dispatch per operation, which is what
 * capped the numpy loop at 100-350x the per-sample loop (by machine and load).
 *
 * Layout: a block of BLOCK runs lives in three small arrays (w0, w1, w2) in L1 cache; for each
 * of the 4000 updates of a 1000-iteration run, the loop over the block is independent across
 * runs, so the compiler vectorises it (AVX-512, AVX2 + FMA or SSE2 copies of the same code,
 * picked at run time) and the CPU overlaps the long latency of one run's update with others.
 *
 * exp is written out (fdlibm's reduction and rational form, kept as a fraction so that the
 * sigmoid needs one division in all) so that it vectorises without -ffast-math or libmvec;
 * a degree-13 Taylor polynomial instead cost 30% more per update (measured).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#define BLOCK 256

/* exp(x) as a fraction scale * num / den, for |x| <= 708 (where scale = 2^k is a normal
 * number): fdlibm's e_exp.c reduction x = k ln2 + r, |r| <= ln(2)/2, and its rational form
 * exp(r) = (2 + 2r - c) / (2 - c), c = r - r^2 R(r^2), R of degree 4 in r^2 (error below
 * 2^-59). Left as a fraction so that the sigmoid's own division is the only one. */
static inline __attribute__((always_inline)) void exp_fraction(double x, double *scale,
                                                             double *num, double *den) {
    const double log2e = 1.4426950408889634;
    const double ln2_hi = 6.93147180369123816490e-01; /* fdlibm's split: k * ln2_hi is exact */
    const double ln2_lo = 1.90821492927058770002e-10;
    const double shifter = 6755399441055744.0; /* 1.5 * 2^52: adding it rounds to an integer */
    const double P1 = 1.66666666666666019037e-01, P2 = -2.77777777770155933842e-03,
                 P3 = 6.61375632143793436117e-05, P4 = -1.65339022054652515390e-06,
                 P5 = 4.13813679705723846039e-08;
    double kd = x * log2e + shifter;
    double k = kd - shifter;
    double r = (x - k * ln2_hi) - k * ln2_lo;
    double r2 = r * r;
    double c = r - r2 * (P1 + r2 * (P2 + r2 * (P3 + r2 * (P4 + r2 * P5))));
    *num = (2.0 * r + 2.0) - c;
    *den = 2.0 - c;
    /* 2^k from the bits of kd: its low bits hold k (two's complement) */
    int64_t kd_bits, shifter_bits;
    memcpy(&kd_bits, &kd, sizeof kd_bits);
    memcpy(&shifter_bits, &shifter, sizeof shifter_bits);
    int64_t scale_bits = (int64_t)((uint64_t)(kd_bits - shifter_bits + 1023) << 52);
    memcpy(scale, &scale_bits, sizeof *scale);
}

/* One update of every run of the block for the pattern (x1, x2) with desired output d (0 or 1).
 * x1, x2, d and record are constants where this is inlined, so inactive inputs cost nothing. */
static inline __attribute__((always_inline)) void update_block(
        double *restrict w0, double *restrict w1, double *restrict w2,
        const double *restrict coeff, double *restrict worst, int n, const int x1, const int x2,
        const int d, const int record) {
    for (int j = 0; j < n; j++) {
        /* y = -w0 + x1*w1 + x2*w2 in train's order; exp(-y) clamped to a normal range */
        double y = -w0[j];
        if (x1) y += w1[j];
        if (x2) y += w2[j];
        double minus_y = __builtin_fmin(__builtin_fmax(-y, -708.0), 708.0);
        double scale, num, den;
        exp_fraction(minus_y, &scale, &num, &den);
        /* e = exp(-y) = scale num / den; delta = d - 1/(1+e): e/(1+e) for d = 1, -1/(1+e)
         * for d = 0, without cancellation: (scale num or -den) / (den + scale num) */
        double scaled = scale * num;
        double delta = (d ? scaled : -den) / (den + scaled);
        double step = coeff[j] * delta;
        w0[j] -= step;
        if (x1) w1[j] += step;
        if (x2) w2[j] += step;
        if (record) {
            double size = __builtin_fabs(delta);
            worst[j] = size > worst[j] ? size : worst[j];
        }
    }
}

/* The pattern (x1, x2) with d read from the gate: one loop per value of d. */
static inline __attribute__((always_inline)) void update_pattern(
        double *restrict w0, double *restrict w1, double *restrict w2,
        const double *restrict coeff, double *restrict worst, int n, const int x1, const int x2,
        const double d, const int record) {
    if (d == 1.0)
        update_block(w0, w1, w2, coeff, worst, n, x1, x2, 1, record);
    else
        update_block(w0, w1, w2, coeff, worst, n, x1, x2, 0, record);
}

/* Train n <= BLOCK runs in place. w0, w1, w2: weights; coeff: per run; target: the desired
 * outputs (0 or 1) of (0,0), (0,1), (1,0), (1,1); errors: NULL, or the rows (run-major,
 * `iterations` per run) where the largest |delta| of each iteration goes. */
static inline __attribute__((always_inline)) void train_block_body(
        double *restrict w0, double *restrict w1, double *restrict w2,
        const double *restrict coeff, int n, const double *restrict target, long iterations,
        double *restrict errors) {
    double worst[BLOCK];
    for (long it = 0; it < iterations; it++) {
        if (errors) {
            for (int j = 0; j < n; j++) worst[j] = 0.0;
            update_pattern(w0, w1, w2, coeff, worst, n, 0, 0, target[0], 1);
            update_pattern(w0, w1, w2, coeff, worst, n, 0, 1, target[1], 1);
            update_pattern(w0, w1, w2, coeff, worst, n, 1, 0, target[2], 1);
            update_pattern(w0, w1, w2, coeff, worst, n, 1, 1, target[3], 1);
            for (int j = 0; j < n; j++) errors[(long)j * iterations + it] = worst[j];
        } else {
            update_pattern(w0, w1, w2, coeff, worst, n, 0, 0, target[0], 0);
            update_pattern(w0, w1, w2, coeff, worst, n, 0, 1, target[1], 0);
            update_pattern(w0, w1, w2, coeff, worst, n, 1, 0, target[2], 0);
            update_pattern(w0, w1, w2, coeff, worst, n, 1, 1, target[3], 0);
        }
    }
}

/* one copy of the loop per instruction set; the widest the CPU has is picked at run time */
__attribute__((target("avx512f,avx512dq,avx512vl,avx2,fma"))) static void train_block_avx512(
        double *restrict w0, double *restrict w1, double *restrict w2,
        const double *restrict coeff, int n, const double *restrict target, long iterations,
        double *restrict errors) {
    train_block_body(w0, w1, w2, coeff, n, target, iterations, errors);
}

__attribute__((target("avx2,fma"))) static void train_block_avx2(
        double *restrict w0, double *restrict w1, double *restrict w2,
        const double *restrict coeff, int n, const double *restrict target, long iterations,
        double *restrict errors) {
    train_block_body(w0, w1, w2, coeff, n, target, iterations, errors);
}

static void train_block_baseline(
        double *restrict w0, double *restrict w1, double *restrict w2,
        const double *restrict coeff, int n, const double *restrict target, long iterations,
        double *restrict errors) {
    train_block_body(w0, w1, w2, coeff, n, target, iterations, errors);
}

typedef void (*block_fn)(double *restrict, double *restrict, double *restrict,
                         const double *restrict, int, const double *restrict, long,
                         double *restrict);

/* The widest copy this CPU runs, or the one named (NULL: the widest); NULL if named and not
 * supported here. */
static block_fn pick_block_fn(const char **name, const char *wanted) {
    __builtin_cpu_init();
    int avx512 = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
                 __builtin_cpu_supports("avx512vl");
    int avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    if (wanted == NULL) wanted = avx512 ? "avx512" : avx2 ? "avx2" : "baseline";
    *name = wanted;
    if (strcmp(wanted, "avx512") == 0) return avx512 ? train_block_avx512 : NULL;
    if (strcmp(wanted, "avx2") == 0) return avx2 ? train_block_avx2 : NULL;
    if (strcmp(wanted, "baseline") == 0) return train_block_baseline;
    return NULL;
}

static int get_doubles(PyObject *object, Py_buffer *view, int writable, const char *what) {
    int flags = PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0);
    if (PyObject_GetBuffer(object, view, flags) != 0) return -1;
    if (view->itemsize != 8 || view->format == NULL || strcmp(view->format, "d") != 0) {
        PyErr_Format(PyExc_TypeError, "%s must be a contiguous float64 buffer", what);
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

/* train(weights (K, 3) float64, writable; coeffs (K,) float64; target (4,) float64;
 *       iterations; errors (K, iterations) float64 or None[, instruction_set]). Releases
 *       the GIL. instruction_set (avx512, avx2, baseline) forces one copy, for the tests. */
static PyObject *kernel_train(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *weights_obj, *coeff_obj, *target_obj, *errors_obj;
    long iterations;
    const char *wanted = NULL;
    if (!PyArg_ParseTuple(args, "OOOlO|z", &weights_obj, &coeff_obj, &target_obj, &iterations,
                          &errors_obj, &wanted))
        return NULL;
    const char *name;
    block_fn block = pick_block_fn(&name, wanted);
    if (block == NULL) {
        PyErr_Format(PyExc_ValueError, "instruction set %s: unknown or not on this CPU", wanted);
        return NULL;
    }
    Py_buffer weights, coeffs, target, errors = {0};
    if (get_doubles(weights_obj, &weights, 1, "weights") != 0) return NULL;
    if (get_doubles(coeff_obj, &coeffs, 0, "coeffs") != 0) goto release_weights;
    if (get_doubles(target_obj, &target, 0, "target") != 0) goto release_coeffs;
    int record = errors_obj != Py_None;
    if (record && get_doubles(errors_obj, &errors, 1, "errors") != 0) goto release_target;
    Py_ssize_t runs = coeffs.len / 8;
    if (weights.len != runs * 24 || target.len != 32 || iterations < 1 ||
        (record && errors.len != runs * iterations * 8)) {
        PyErr_SetString(PyExc_ValueError, "train: inconsistent sizes");
        goto release_all;
    }
    double *w = weights.buf;
    const double *a = coeffs.buf;
    double *e = record ? errors.buf : NULL;
    Py_BEGIN_ALLOW_THREADS
    double w0[BLOCK], w1[BLOCK], w2[BLOCK];
    for (Py_ssize_t start = 0; start < runs; start += BLOCK) {
        int n = (int)(runs - start < BLOCK ? runs - start : BLOCK);
        for (int j = 0; j < n; j++) {
            w0[j] = w[(start + j) * 3];
            w1[j] = w[(start + j) * 3 + 1];
            w2[j] = w[(start + j) * 3 + 2];
        }
        block(w0, w1, w2, a + start, n, target.buf, iterations,
              e ? e + start * iterations : NULL);
        for (int j = 0; j < n; j++) {
            w[(start + j) * 3] = w0[j];
            w[(start + j) * 3 + 1] = w1[j];
            w[(start + j) * 3 + 2] = w2[j];
        }
    }
    Py_END_ALLOW_THREADS
    if (record) PyBuffer_Release(&errors);
    PyBuffer_Release(&target);
    PyBuffer_Release(&coeffs);
    PyBuffer_Release(&weights);
    Py_RETURN_NONE;
release_all:
    if (record) PyBuffer_Release(&errors);
release_target:
    PyBuffer_Release(&target);
release_coeffs:
    PyBuffer_Release(&coeffs);
release_weights:
    PyBuffer_Release(&weights);
    return NULL;
}

/* default_rng(seed).random(3) for many seeds: numpy's SeedSequence pool mixing, PCG64's
 * seeding and XSL-RR output, as labs/perceptron/seeded_weights.py does them in numpy (both
 * are tested against default_rng to the bit); here to save that module's 0.3 us per seed. */
static uint32_t hashmix(uint32_t value, uint32_t *hash_const) {
    value ^= *hash_const;
    *hash_const *= 0x931E8875u;
    value *= *hash_const;
    return value ^ (value >> 16);
}

static uint32_t mix(uint32_t x, uint32_t y) {
    uint32_t result = 0xCA01F9DDu * x - 0x4973F715u * y;
    return result ^ (result >> 16);
}

static void seeded_uniforms(uint64_t seed, double *out) {
    uint32_t pool[4] = {(uint32_t)seed, (uint32_t)(seed >> 32), 0, 0};
    uint32_t hash_const = 0x43B0D7E5u;
    for (int i = 0; i < 4; i++) pool[i] = hashmix(pool[i], &hash_const);
    for (int source = 0; source < 4; source++)
        for (int target = 0; target < 4; target++)
            if (source != target) pool[target] = mix(pool[target], hashmix(pool[source], &hash_const));
    uint32_t words[8];
    hash_const = 0x8B51F9DDu;
    for (int i = 0; i < 8; i++) {
        uint32_t value = pool[i % 4] ^ hash_const;
        hash_const *= 0x58F38DEDu;
        value *= hash_const;
        words[i] = value ^ (value >> 16);
    }
    uint64_t state64[4];
    for (int k = 0; k < 4; k++) state64[k] = words[2 * k] | ((uint64_t)words[2 * k + 1] << 32);
    typedef unsigned __int128 u128;
    const u128 mult = ((u128)0x2360ED051FC65DA4ULL << 64) | 0x4385DF649FCCF645ULL;
    u128 initstate = ((u128)state64[0] << 64) | state64[1];
    u128 inc = ((((u128)state64[2] << 64) | state64[3]) << 1) | 1u;
    u128 state = inc; /* 0 * mult + inc */
    state = (state + initstate) * mult + inc;
    for (int c = 0; c < 3; c++) {
        state = state * mult + inc;
        uint64_t high = (uint64_t)(state >> 64), mixed = high ^ (uint64_t)state;
        unsigned rotation = (unsigned)(high >> 58);
        uint64_t word = (mixed >> rotation) | (mixed << ((64u - rotation) & 63u));
        out[c] = (double)(word >> 11) * (1.0 / 9007199254740992.0);
    }
}

/* initial_weights(seeds (K,) uint64, out (K, 3) float64, writable) */
static PyObject *kernel_initial_weights(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *seeds_obj, *out_obj;
    if (!PyArg_ParseTuple(args, "OO", &seeds_obj, &out_obj)) return NULL;
    Py_buffer seeds, out;
    if (PyObject_GetBuffer(seeds_obj, &seeds, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) != 0) return NULL;
    if (seeds.itemsize != 8 || seeds.format == NULL || strchr("QLk", seeds.format[0]) == NULL ||
        seeds.format[1] != 0) {
        PyErr_SetString(PyExc_TypeError, "seeds must be a contiguous uint64 buffer");
        PyBuffer_Release(&seeds);
        return NULL;
    }
    if (get_doubles(out_obj, &out, 1, "out") != 0) {
        PyBuffer_Release(&seeds);
        return NULL;
    }
    Py_ssize_t count = seeds.len / 8;
    if (out.len != count * 24) {
        PyErr_SetString(PyExc_ValueError, "initial_weights: out must hold 3 numbers per seed");
        PyBuffer_Release(&out);
        PyBuffer_Release(&seeds);
        return NULL;
    }
    const uint64_t *seed = seeds.buf;
    double *weights = out.buf;
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t k = 0; k < count; k++) seeded_uniforms(seed[k], weights + 3 * k);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&out);
    PyBuffer_Release(&seeds);
    Py_RETURN_NONE;
}

static PyObject *kernel_instruction_set(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    const char *name;
    pick_block_fn(&name, NULL);
    return PyUnicode_FromString(name);
}

static PyObject *kernel_instruction_sets(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    static const char *const all[] = {"avx512", "avx2", "baseline"};
    PyObject *names = PyList_New(0);
    for (int i = 0; names != NULL && i < 3; i++) {
        const char *name;
        if (pick_block_fn(&name, all[i]) == NULL) continue;
        PyObject *text = PyUnicode_FromString(name);
        if (text == NULL || PyList_Append(names, text) != 0) Py_CLEAR(names);
        Py_XDECREF(text);
    }
    return names;
}

static PyMethodDef methods[] = {
    {"train", kernel_train, METH_VARARGS,
     "train(weights, coeffs, target, iterations, errors): train runs in place"},
    {"initial_weights", kernel_initial_weights, METH_VARARGS,
     "initial_weights(seeds, out): default_rng(seed).random(3) per uint64 seed, into out"},
    {"instruction_set", kernel_instruction_set, METH_NOARGS,
     "the copy of the loop this CPU runs: avx512, avx2 or baseline"},
    {"instruction_sets", kernel_instruction_sets, METH_NOARGS,
     "every copy of the loop this CPU can run"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_kernel",
                                    "The batched perceptron's fused C loop.", -1, methods,
                                    NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__kernel(void) { return PyModule_Create(&module); }
