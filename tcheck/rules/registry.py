"""The one explicit list of rules, in the order they are listed and run.

Adding a rule = writing its module and adding its class here.
"""

from __future__ import annotations

from .base import Rule
from .broken_spacing import BrokenSpacing
from .duplicate_paragraph import DuplicateParagraph
from .entity_mismatch import EntityMismatch
from .glossary_violation import GlossaryViolation
from .hans_hant_divergence import HansHantDivergence
from .link_mismatch import LinkMismatch
from .meaning_flip import MeaningFlip
from .missing_paragraph import MissingParagraph
from .missing_sentence import MissingSentence
from .name_variant import NameVariant
from .number_mismatch import NumberMismatch
from .odd_version import OddVersion
from .regional_vocabulary import RegionalVocabulary
from .script_mix import ScriptMix
from .semantic_drift import SemanticDrift
from .stale_translation import StaleTranslation
from .unrelated_versions import UnrelatedVersions
from .untranslated import Untranslated

RULES: tuple[type[Rule], ...] = (
    UnrelatedVersions,
    StaleTranslation,
    MissingParagraph,
    MissingSentence,
    SemanticDrift,
    OddVersion,
    MeaningFlip,
    EntityMismatch,
    NameVariant,
    NumberMismatch,
    LinkMismatch,
    Untranslated,
    ScriptMix,
    HansHantDivergence,
    DuplicateParagraph,
    BrokenSpacing,
    GlossaryViolation,
    RegionalVocabulary,
)


def _check(rules: tuple[type[Rule], ...]) -> dict[str, type[Rule]]:
    out: dict[str, type[Rule]] = {}
    for cls in rules:
        if not cls.id or cls.id in out:
            raise RuntimeError(f"rule {cls.__name__}: missing or duplicate id {cls.id!r}")
        out[cls.id] = cls
    for cls in rules:
        unknown = set(cls.yields_to) - set(out)
        if unknown:
            raise RuntimeError(f"rule {cls.id} yields to unknown rules {sorted(unknown)}")
    return out


BY_ID: dict[str, type[Rule]] = _check(RULES)


def all_rules() -> dict[str, type[Rule]]:
    """{id: class} in listing order."""
    return dict(BY_ID)
