"""The language of a new document: the one given, else detected, and a warning whenever
it is one the project does not expect or the extractor cannot read.

``claimkb add`` records the language it settles on in ``sources.yaml``, and a recorded
language is never questioned again; so this is the moment to say that a French page will be
read with the English grammar, in the same words ``extract`` and ``build`` use for an
unlisted document (``extract.langdetect.unsupported_message``).
"""

from __future__ import annotations

from claimkb.extract.langdetect import SUPPORTED, identify_language, unsupported_message


def choose_language(
    text: str, given: str | None, expected: list[str], name: str
) -> tuple[str, list[str]]:
    """The language to record for ``text``, and the warnings to show about it."""
    warnings = []
    if given is None:
        detection = identify_language(text)
        language = detection.reading
        message = unsupported_message(name, detection)
        if message is not None:
            warnings.append(
                f"{message} (language not recognised as one of {', '.join(SUPPORTED)}; "
                "give --lang to choose)"
            )
    else:
        language = given
    if language not in expected:
        how = "given" if given else "detected"
        warnings.append(
            f"{name}: language {language!r} ({how}) is not one of the project's languages "
            f"({', '.join(expected)} in claimkb.yaml)"
        )
    return language, warnings
