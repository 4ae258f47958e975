"""English word lists the name finder uses (data only)."""

from .calendar_names import MONTHS, WEEKDAYS_EN

_CONNECTORS = {"of", "&", "for", "de", "du", "des", "la", "le", "von", "van", "der", "di", "da"}
# function words that are capitalised only because they start a name phrase
_DETERMINERS = {
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "our",
    "your",
    "its",
    "their",
    "his",
    "her",
    "my",
    "all",
    "any",
    "each",
    "every",
    "some",
    "no",
}
# words that open a sentence or clause; capitalised there, never a name on their own
_FUNCTION = {
    "while",
    "when",
    "where",
    "whether",
    "if",
    "although",
    "though",
    "because",
    "since",
    "unless",
    "until",
    "after",
    "before",
    "once",
    "also",
    "however",
    "then",
    "thus",
    "therefore",
    "but",
    "and",
    "or",
    "nor",
    "so",
    "yet",
    "for",
    "in",
    "on",
    "at",
    "by",
    "with",
    "from",
    "to",
    "as",
    "of",
    "into",
    "upon",
    "under",
    "over",
    "about",
    "through",
    "during",
    "without",
    "within",
    "please",
    "note",
    "here",
    "there",
    "we",
    "you",
    "they",
    "it",
    "he",
    "she",
    "i",
    "not",
    "do",
    "does",
    "is",
    "are",
    "be",
    "can",
    "may",
    "will",
    "should",
    "must",
    "what",
    "which",
    "who",
    "how",
    "why",
}

# month and weekday names: capitalised in any position, never a product or company name
CALENDAR = set(MONTHS) | set(WEEKDAYS_EN)

# verbs that begin an instruction in documentation ("Import Web3Auth and …", "Install MetaMask"):
# capitalised at the start of a sentence, never part of the name that follows
IMPERATIVE_VERBS = frozenset(
    """add build call change check choose click configure connect copy create define delete deploy
    disable download edit enable enter fetch fill find follow generate get go import initialize install
    launch load log navigate open paste pass press register remove replace restart return run save
    select send set sign start stop submit switch try type update upgrade upload use verify visit
    wait write""".split()
)
