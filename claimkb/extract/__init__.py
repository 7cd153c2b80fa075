"""Text → numeric claims, for German, Russian and English.

``find_quantities`` reads quantities out of any text; ``extract_document`` also attributes
speakers and gives each claim its stable id.
"""

from claimkb.extract.api import Mention, extract_document, extract_file, find_quantities

__all__ = ["Mention", "extract_document", "extract_file", "find_quantities"]
