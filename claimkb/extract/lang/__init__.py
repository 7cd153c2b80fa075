"""Per-language word tables, kept as YAML data beside this file (one folder per language)."""
