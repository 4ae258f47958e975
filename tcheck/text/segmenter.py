"""Chinese word segmentation: jieba's dictionary, loaded once per process, never from a cache file.

jieba keeps its prefix dictionary as a marshal file at a fixed name in the shared temporary
folder (``/tmp/jieba.cache``) and, for its default dictionary, loads whatever file it finds
there: a file another user of the machine can plant. tcheck builds the dictionary from jieba's
own ``dict.txt`` instead, which costs what loading the file does (0.7 s on the 2-core bench
machine), and writes nothing. The rules and :mod:`tcheck.text.zhdiff` share this one tokenizer
(``jieba.dt``; ``jieba.posseg`` reads it too), so a process loads the dictionary once.
"""

from __future__ import annotations

from functools import cache


@cache
def jieba_module():
    """``jieba`` with its default tokenizer initialised from its dictionary, or None without jieba."""
    import logging  # only with jieba (logging costs ~8 ms to import)

    try:
        import jieba
    except ImportError:  # pragma: no cover - jieba is a declared dependency
        return None
    jieba.setLogLevel(logging.WARNING)
    dt = jieba.dt
    with dt.lock:
        if not dt.initialized:
            dt.FREQ, dt.total = dt.gen_pfdict(dt.get_dict_file())
            dt.initialized = True
    return jieba


def tokenizer():
    """jieba's default tokenizer (initialised), or None without jieba."""
    jb = jieba_module()
    return None if jb is None else jb.dt
