"""Chinese word segmentation never reads or writes jieba's cache file in the shared temp folder."""

import json
import marshal
import os
import subprocess
import sys

_PROBE = """
import json, tempfile
from tcheck.text.segmenter import tokenizer
from tcheck.rules.broken_spacing import _tokenizer as spacing
from tcheck.text.zhdiff.words import _proper
tok = tokenizer()
print(json.dumps({
    "words": tok.lcut("我们会保护您的个人信息", HMM=False),
    "shared": spacing() is tok,
    "proper": _proper(["北京"]),
    "tempdir": tempfile.gettempdir(),
}))
"""


def test_a_planted_jieba_cache_is_neither_read_nor_written(tmp_path):
    planted = tmp_path / "jieba.cache"
    # a dictionary that knows no word: read, it would cut the text into single characters
    planted.write_bytes(marshal.dumps(({"我": 1}, 1)))
    before = planted.read_bytes()
    env = dict(os.environ, TMPDIR=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, check=True)
    got = json.loads(out.stdout)
    assert got["tempdir"] == str(tmp_path)  # jieba would have looked here
    assert got["words"] == ["我们", "会", "保护", "您", "的", "个人信息"]
    assert got["shared"] is True  # one dictionary for every rule of the process
    assert got["proper"] is True  # 北京 is a place name (jieba.posseg reads the same tokenizer)
    assert planted.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["jieba.cache"]  # nothing written
