"""Paragraph alignment of two or three versions.

Two versions are aligned by a monotonic dynamic program over "beads"
(1-1, 1-0, 0-1, 1-2, 2-1, 1-3, 3-1, 1-4, 4-1: a paragraph split in up to four),
in the spirit of vecalign and bertalign.
There is no 2-2 bead: at paragraph level it almost always hides two 1-1
pairs and cross-links them. A merged bead whose extra segment does not make
the match better than the bead without it is penalised (the segment is
really unmatched: a deleted paragraph next to its neighbour's translation).

* zh-Hans <-> zh-Hant: both sides are converted to Simplified with OpenCC,
  then compared with rapidfuzz (a character-level ratio).
* zh <-> en: multilingual sentence embeddings. A many-to-one bead uses the
  embedding of the merged segments (normalised sum). Costs are normalised
  per segment by its similarity to random segments of the other side
  (vecalign), so a segment that is similar to everything is not favoured;
  a length prior, calibrated on the document itself, penalises beads whose
  lengths disagree.
* The skip (deletion) cost is calibrated per document from the
  distribution of costs of random pairs (vecalign's percentile idea).
* Long documents are aligned coarse-to-fine: both sides are recursively
  halved (adjacent segments merged), the coarse path is computed, and the
  fine program only looks at a band around it. Time and memory grow
  linearly with length; no dense n x m matrix is built for long inputs.

Three versions: zh-Hans and zh-Hant are aligned first (near-identical
texts), their rows form a pivot, and the pivot is aligned to English.

Post-passes (:mod:`.repair`) then absorb real structure the local bead costs
miss: two unrelated local additions paired 1-1 far below the document's
typical score are split (1-0 + 0-1), swapped or slightly moved neighbours are
joined into one row, and pieces of a split paragraph left unmatched next to
their row are merged into it when that raises the similarity.

Modules, in the order data flows: :mod:`.scorers` (similarity and cost of
merged ranges), :mod:`.dp` (the banded dynamic program), :mod:`.document`
(two or three versions -> rows with their pairwise scores), :mod:`.repair`
(the post-passes), :mod:`.stats` (robust cuts on those scores: which aligned
rows really correspond; which versions are stale against each other).
"""

from __future__ import annotations

from .document import align_document, merged_vector
from .dp import BEADS, Bead, align_pair
from .scorers import EmbeddingScorer, FuzzyScorer, Scorer

__all__ = ["BEADS", "Bead", "EmbeddingScorer", "FuzzyScorer", "Scorer", "align_document", "align_pair", "merged_vector"]
