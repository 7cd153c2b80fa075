"""A project's vocabulary: the people its documents quote (``claims/people.yaml``) and the
product names whose numbers are part of the name (``claims/names.yaml``).

Both files are optional; a project without them is read with its languages' data alone.
They live in the project, not in the package, because they are about a corpus: the forms of
one interviewee's name are nobody else's business.
"""

from __future__ import annotations

from pathlib import Path

from claimkb.core.models import NamesFile, PeopleFile, Vocabulary
from claimkb.core.project import load_project_model

PEOPLE_FILE = "people.yaml"
NAMES_FILE = "names.yaml"


def load_vocabulary(claims_dir: Path) -> Vocabulary:
    """The vocabulary in ``claims_dir`` (empty parts where a file is absent)."""
    people, names = claims_dir / PEOPLE_FILE, claims_dir / NAMES_FILE
    return Vocabulary(
        people=tuple(load_project_model(people, PeopleFile).people) if people.is_file() else (),
        names=tuple(load_project_model(names, NamesFile).names) if names.is_file() else (),
    )
