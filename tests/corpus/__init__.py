"""A corpus of surrogate formulas from papers, peer libraries and textbooks (not the catalog)."""
