"""How much of a text the ``use-m3`` encoder sees and with how many BLAS threads.

A module of its own (no numpy, no package import): the embedder's version string,
which is part of every cache key, reads ``TOKEN_BUDGET`` on warm runs that load
nothing else. Used by :mod:`tcheck.embed.prepared`.
"""

# Tokens (BOS and EOS included) of one text seen by the encoder; time grows
# with tokens while USE's mean over them changes little past a few hundred.
# Of 20,301 blank-line-separated paragraphs in fixtures/ and 400 corpus files,
# 53 are longer (after use_m3's 2000-character cut); alignment F1 on
# fixtures/gold is unchanged by the cut.
TOKEN_BUDGET = 512
# BLAS threads of the forward pass. Its micro-batches (384 tokens) make GEMMs
# too small for threads to pay: on a 2-core machine shared with other work,
# encoding seed 000 (8k tokens) took 0.4-0.5 s of CPU with one thread and
# 1.9-2.8 s (4-7x the wall time) with two, whose idle threads spin.
BLAS_THREADS = 1
# Micro-batches encoded at once, each in its own Python thread with one BLAS thread (the
# forward pass releases the GIL in numpy): a process that audits alone uses two cores for
# encoding, with results identical to one thread. Encoding seed 000 three times over (16k
# tokens) on this 2-core machine: 1.13 s wall with one, 0.51 s with two, the same CPU. Worker
# processes of --jobs set it to 1 (tcheck.workers): the cores are theirs already.
ENCODE_THREADS = 2
# OpenBLAS computes a small product (M*N*K up to 100**3) with other kernels than a large one, and
# they round a row's last bits differently; past that, a row's result depends on that row alone.
# A micro-batch with few texts or few tokens is padded with one-token dummy texts to these sizes
# (the sentence-level products have M = texts; the smallest weight matrix, 320 x 320, needs 10),
# so a text's vector does not depend on the texts that share its micro-batch: a shard, a warm
# cache or one edited paragraph gets the vector of the whole run, bit for bit. Before, a text
# encoded alone differed from the same text in a big batch in 343 of 347 seed texts (by up to
# 2.5e-7), enough to flip a near-tie in an alignment.
MIN_BATCH_ROWS = 16
MIN_BATCH_TOKENS = 32
# Tokens of one micro-batch (texts in order of length): 1536 rather than the package's 384, so a
# batch of long texts still holds MIN_BATCH_ROWS of them and needs no dummies. Throughput is the
# same from 384 to 3072 tokens (14k tokens a CPU second here); vectors do not depend on it.
MICRO_BATCH_TOKENS = 1536


def encode_threads() -> int:
    """How many micro-batches to encode at once: ``ENCODE_THREADS``, at most the usable CPUs."""
    from ..workers import cpu_count

    return max(1, min(ENCODE_THREADS, cpu_count()))
