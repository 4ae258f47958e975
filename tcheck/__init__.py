"""tcheck: translation-consistency auditor for zh-Hans, zh-Hant and en documents."""

# single source of the version (pyproject.toml reads it from here)
__version__ = "0.1.0"
