"""The offline gazetteer: GeoNames places and a curated supplement, built from installed packages.

``build`` makes the committed data (``python -m newsevents.gazetteer.build``), ``index`` loads it
and retrieves candidates by name, ``rank`` chooses among them with an article's context.
"""
