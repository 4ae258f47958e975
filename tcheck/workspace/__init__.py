"""The project around the documents: which files belong together (:mod:`.discovery`),
the config file (:mod:`.config`), the baseline (:mod:`.baseline`) and the
glossary (:mod:`.glossary`). Nothing here reads a document's text."""
