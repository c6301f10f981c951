"""Date formats per language (FORMAT_MODULE_PATH). Templates use the names, not patterns:
|date:"DATE_FORMAT" gives "7 December 2026", "7 de diciembre de 2026", "7 grudnia 2026"
(Polish needs the genitive month, E, which a literal "j F Y" cannot give)."""
