"""tcheck: translation-consistency auditor for zh-Hans, zh-Hant and en documents."""

try:
    from importlib.metadata import version as _v

    __version__ = _v("tcheck")
except Exception:  # pragma: no cover - running from a source tree
    __version__ = "0.1.0"
