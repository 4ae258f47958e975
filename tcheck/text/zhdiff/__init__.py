"""zh-Hans vs zh-Hant diff engine: which differences go beyond script and regional wording.

Both texts are brought to one key form (:mod:`.side`), diffed character by
character (:mod:`.hunks`), and each local difference is judged (:mod:`.judge`):
a number, a negation, a name, a clause, or plain wording. :mod:`.changes`
finds numbers and negations changed inside reworded sentences.
"""

from __future__ import annotations

from .changes import changed_negations, changed_numbers
from .hunks import diff_hunks
from .judge import _OTHER as OTHER
from .judge import Terms, changed_name, judge
from .side import _Side as Side

__all__ = ["OTHER", "Side", "Terms", "changed_name", "changed_negations", "changed_numbers", "diff_hunks", "judge"]
