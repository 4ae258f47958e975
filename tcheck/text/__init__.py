"""Language knowledge, each piece in one place.

``han`` (what a Han character is), ``scripts`` (Simplified/Traditional via
OpenCC), ``names`` (proper names), ``numbers`` (quantities in both
languages), ``links`` (URLs, e-mail, phone numbers), ``zhdiff`` (zh-Hans vs
zh-Hant diff engine), ``spans`` (exact source positions), ``snippets``
(excerpts), ``stats`` (robust cuts).
"""
