"""Language knowledge, each piece in one place.

``han`` (what a Han character is, Chinese function characters), ``scripts``
(Simplified/Traditional through OpenCC), ``names``, ``name_match``,
``name_gloss`` and ``english_words`` (proper names, abbreviations glossed in
the text, and how they match across versions),
``calendar_names`` (English month and weekday names, for numbers and names),
``numbers`` (quantities in both languages), ``links`` (URLs, e-mail
addresses, phone numbers), ``zhdiff`` (the zh-Hans vs zh-Hant diff engine),
``spans`` (exact source positions), ``snippets`` (excerpts), ``patterns``
(run-time regular expressions compiled once), ``sentences``
and ``markers``/``marker_words`` (sentences of a segment; negation, modality and other
meaning markers).
"""
