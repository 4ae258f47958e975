"""Reading a file into text: decoding and line-ending normalisation.

Accepted: UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK and Big5
(chosen by which reading looks like plausible zh/en text). Only regular files
up to a size cap are read, so a FIFO, a device or a huge file never hangs a run.
"""

from __future__ import annotations

import re

from ..limits import MAX_FILE_SIZE, read_bytes
from ..model import InputError
from ..text.han import han_count

__all__ = ["MAX_FILE_SIZE", "decode", "read_bytes", "read_text"]


def decode(data: bytes, path: str) -> str:
    """Decode a file's bytes; InputError when it is empty, binary or undecodable."""
    if not data.strip():
        raise InputError(f"{path}: file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        return _checked(data[3:], "utf-8", path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _checked(data, "utf-16", path)
    if b"\x00" in data:
        raise InputError(f"{path}: looks like a binary file (contains NUL bytes), not a text document")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and not _utf8_suspicious(text):
        return text
    candidates = []
    for enc in ("gb18030", "big5"):
        try:
            candidates.append((enc, data.decode(enc)))
        except UnicodeDecodeError:
            continue
    if text is not None:  # valid UTF-8 but reads like mojibake: keep it unless GB/Big5 reads clean
        rare = dict(zip(("gb18030", "big5"), _rare_pairs(data)))
        clean = [t for enc, t in candidates if not rare[enc] and not _oddness(t) and han_count(t)]
        return clean[0] if clean else text
    if not candidates:
        raise InputError(f"{path}: cannot decode the file (not UTF-8, UTF-16, GB18030/GBK or Big5)")
    if len(candidates) == 1:
        return candidates[0][1]
    return _gb_or_big5(data, dict(candidates))


def _gb_or_big5(data: bytes, readings: dict[str, str]) -> str:
    """Choose between the GB18030 and Big5 readings of bytes valid in both.

    The reading with the lower badness wins (GB on a tie); badness counts
    implausible characters (kana, Greek, Cyrillic, box drawing, bopomofo,
    private use, rare CJK: punctuation and the commonest characters of one
    encoding land in such rows of the other), minus the common zh/en
    punctuation it shows (“”，。、), plus byte pairs outside each
    encoding's common rows: common Simplified text uses GB2312 level 1 (lead
    bytes 0xB0-0xD7), which Big5 reads largely as its rare level 2 (lead 0xC9
    and up); common Traditional text uses Big5 level 1 (0xA4-0xC6) and has
    trail bytes 0x40-0x7E in about 40% of its characters, which GB2312 never
    has.
    """
    gb, big5 = readings["gb18030"], readings["big5"]
    rare_gb, rare_big5 = _rare_pairs(data)
    bad_gb = 2 * _oddness(gb) + rare_gb - _common_punct(gb)
    bad_big5 = 2 * _oddness(big5) + rare_big5 - _common_punct(big5)
    return big5 if bad_big5 < bad_gb else gb


_COMMON_PUNCT = frozenset("“”‘’—…、。，：；？！（）《》〈〉「」『』【】·％")


def _common_punct(text: str) -> int:
    return sum(1 for c in text if c in _COMMON_PUNCT)


def _rare_pairs(data: bytes) -> tuple[int, int]:
    """Double-byte pairs outside the common rows of GB2312 and of Big5."""
    rare_gb = rare_big5 = 0
    i, n = 0, len(data)
    while i < n:
        lead = data[i]
        if lead < 0x81 or i + 1 >= n:
            i += 1
            continue
        trail = data[i + 1]
        i += 2
        # GB: common are punctuation rows A1-A3 and level 1 (B0-D7), trail >= A1
        if trail < 0xA1 or not (0xA1 <= lead <= 0xA3 or 0xB0 <= lead <= 0xD7):
            rare_gb += 1
        # Big5: common are symbols A1-A3 and level 1 (A440-C67E)
        if not (0xA1 <= lead <= 0xC5 or (lead == 0xC6 and trail <= 0x7E)):
            rare_big5 += 1
    return rare_gb, rare_big5


def _utf8_suspicious(text: str) -> bool:
    """Valid UTF-8 without Han but with Cyrillic/Greek/rare characters: short
    GBK text can be valid UTF-8 by accident (协 = D0 AD = Cyrillic Э)."""
    return not text.isascii() and han_count(text) == 0 and _oddness(text) > 0


def _checked(data: bytes, enc: str, path: str) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: invalid {enc.upper()} at byte {exc.start}") from None


_ODD_RE = re.compile(
    "[\u0370-\u03ff\u0400-\u04ff\u2500-\u257f\u3040-\u30ff\u3105-\u312f"
    "\u3400-\u4dbf\ue000-\uf8ff\uf900-\ufaff\ufe30-\ufe4f\ufffd]"
)


def _oddness(text: str) -> int:
    """Count characters unlikely in a zh/en policy text: kana, Greek, Cyrillic,
    box drawing, bopomofo, private use, rare CJK blocks."""
    return len(_ODD_RE.findall(text))


def read_text(path: str, max_size: int = MAX_FILE_SIZE) -> str:
    """A file's text with ``\\n`` line endings and no BOM; InputError when it is unusable."""
    text = decode(read_bytes(path, max_size), path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.replace("\u200b", "").replace("\ufeff", "").strip():
        raise InputError(f"{path}: file is empty (only whitespace)")
    return text
