"""``claimkb add``: documents into ``sources/`` and their entries into ``sources.yaml``.

Everything is read, converted and checked first — ids, languages, the new listing read
back with ``load_sources`` — and only then written, through ``store.Batch``, so a refused
document leaves the project exactly as it was. For each document ``<id>`` the folder gets
``<id>.txt`` (the text the extractor reads; claim offsets refer to it), the original as
``<id>.orig.<ext>`` (unless the text is the original byte for byte), and for a transcript
``<id>.cues.yaml`` (the start time of each line of the text).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from pydantic import ValidationError

from claimkb.core.errors import ClaimkbError
from claimkb.core.models import Cue, CueFile, Interview, Source, web_url
from claimkb.core.project import Project, check_inside_project
from claimkb.core.yamlio import dump_yaml
from claimkb.ingest.document import Document
from claimkb.ingest.errors import IngestError
from claimkb.ingest.identity import check_id, make_id
from claimkb.ingest.inputs import load
from claimkb.ingest.language import choose_language
from claimkb.ingest.listing import appended, entry_text
from claimkb.ingest.store import Batch
from claimkb.ledger.sources import load_sources


@dataclass(frozen=True)
class AddOptions:
    """What the command line says about the documents (none of it is required)."""

    id: str | None = None
    lang: str | None = None
    published: dt.date | None = None
    title: str | None = None
    author: str | None = None
    url: str | None = None
    speakers: tuple[str, ...] = ()
    interviewers: tuple[str, ...] = ()
    kind: str | None = None


@dataclass(frozen=True)
class Added:
    """One stored document: its record, the files written, and warnings to show."""

    source: Source
    files: tuple[str, ...]
    characters: int
    warnings: tuple[str, ...] = field(default=())


def add_documents(
    project: Project, arguments: Sequence[str], options: AddOptions = AddOptions()
) -> list[Added]:
    """Add every document of ``arguments`` (paths or http(s) URLs) to ``project``, all or
    none; raises ``IngestError`` (or another ``ClaimkbError``) naming the culprit."""
    if not arguments:
        raise IngestError("give at least one PATH or URL")
    if len(arguments) > 1 and (options.id or options.url):
        raise IngestError("--id and --url name one document; give one PATH or URL with them")
    if options.id is not None:
        check_id(options.id, lambda _: None)  # a bad id is refused before anything is read
    if options.url is not None:
        _check_url(options.url)
    folder = project.sources_dir
    if not folder.is_dir():
        raise IngestError(f"{project.relative(folder)}: no sources folder in the project")
    check_inside_project(folder)  # never write through a symlink to elsewhere
    listing = project.sources_yaml
    before = listing.read_text(encoding="utf-8") if listing.is_file() else None
    existing = load_sources(listing) if listing.exists() else []
    names = {n for s in existing for n in (s.id, s.file, s.original, s.cues) if n}
    ids = {s.id for s in existing}

    known = (*options.speakers, *options.interviewers)
    documents = [load(argument, project.root, known) for argument in arguments]

    planned: list[tuple[Source, Document, dict[str, bytes], tuple[str, ...]]] = []

    def taken(source_id: str, suffix: str) -> str | None:
        if source_id in ids:
            return "a source with this id exists in sources/sources.yaml"
        for name in _file_names(source_id, suffix):
            if name in names or (folder / name).exists():
                return f"sources/{name} exists already"
        return None

    for document in documents:
        source_id = (
            check_id(options.id, partial(taken, suffix=document.suffix))
            if options.id is not None
            else make_id(
                (document.stem, document.title, _host(document.url)),
                partial(taken, suffix=document.suffix),
            )
        )
        ids.add(source_id)
        language, warnings = choose_language(
            document.text, options.lang, project.config.languages, document.name
        )
        files = _files(source_id, document)
        names.update(files)
        names.add(source_id)
        source = _source(source_id, document, language, files, options)
        planned.append((source, document, files, tuple(warnings)))

    batch = Batch(folder)
    try:
        for _, _, files, _ in planned:
            for name, data in files.items():
                batch.add(name, data)
        entries = [entry_text(source, _origin(document.name)) for source, document, _, _ in planned]
        text = appended(before, entries, was_empty=not existing)
        staged = batch.replace(listing.name, text.encode("utf-8"))
        _check_listing(staged, project.relative(listing), [s for s, *_ in planned], len(existing))
        now = listing.read_text(encoding="utf-8") if listing.is_file() else None
        if now != before:  # another `claimkb add` or an editor wrote it meanwhile
            raise IngestError(
                f"{project.relative(listing)}: changed while documents were being added; try again"
            )
        batch.commit()
    except BaseException:
        batch.rollback()
        raise
    return [
        Added(source, tuple(files), len(document.text), warnings)
        for source, document, files, warnings in planned
    ]


def _file_names(source_id: str, suffix: str) -> tuple[str, ...]:
    return (f"{source_id}.txt", f"{source_id}.orig{suffix}", f"{source_id}.cues.yaml")


def _files(source_id: str, document: Document) -> dict[str, bytes]:
    """The files of one document, by name in ``sources/``."""
    text_bytes = document.text.encode("utf-8")
    files = {f"{source_id}.txt": text_bytes}
    if document.original != text_bytes:
        files[f"{source_id}.orig{document.suffix}"] = document.original
    if document.cue_times:
        cues = CueFile(
            source=source_id,
            cues=[Cue(start=s, end=e, time=t) for s, e, t in document.cue_times],
        )
        header = (
            f"# Cue start times of the lines of sources/{source_id}.txt (character offsets),\n"
            "# written by `claimkb add`: a claim keeps the time of the line it is on.\n"
        )
        data = cues.model_dump(mode="json")
        files[f"{source_id}.cues.yaml"] = (header + dump_yaml(data)).encode("utf-8")
    return files


def _source(
    source_id: str, document: Document, language: str, files: dict[str, bytes], o: AddOptions
) -> Source:
    """The ``sources.yaml`` record: options first, then what the document says."""
    voices = [v for v in document.voices if v not in o.speakers and v not in o.interviewers]
    speakers = [*o.speakers, *voices]
    interview = (
        Interview(speakers=speakers, interviewers=list(o.interviewers))
        if speakers or o.interviewers
        else None
    )
    original = next((n for n in files if ".orig." in n), f"{source_id}.txt")
    try:
        return Source.model_validate(
            {
                "id": source_id,
                "file": f"{source_id}.txt",
                "language": language,
                "kind": o.kind or document.kind,
                "title": o.title or document.title,
                "author": o.author or document.author,
                "published": o.published or document.published,
                "url": o.url or document.url,
                "covers_interview": interview,
                "original": original,
                "retrieved": document.retrieved,
                "cues": f"{source_id}.cues.yaml" if document.cue_times else None,
            }
        )
    except ValidationError as error:
        first = error.errors()[0]
        where = " -> ".join(str(part) for part in first["loc"])
        raise IngestError(f"{document.name}: {where}: {first['msg']}") from None


def _check_url(url: str) -> None:
    """``--url`` is an absolute http(s) address, as ``sources.yaml`` requires; refused
    before any document is read."""
    try:
        web_url(url)
    except ValueError as error:
        raise IngestError(f"--url: {error}") from None


def _check_listing(staged: Path, listing: str, new: list[Source], before: int) -> None:
    """Read the new listing back: it must hold the old entries and exactly the new ones
    (its new files are not in place yet, so they are not looked for)."""
    try:
        loaded = load_sources(staged, check_files=False)
    except ClaimkbError as error:
        raise IngestError(
            f"{listing}: the new entries would not read back ({error}); nothing was added"
        ) from None
    if loaded[before:] != new or len(loaded) != before + len(new):
        raise IngestError(f"{listing}: the new entries would not read back; nothing was added")


def _origin(name: str) -> str:
    """Where a document came from, for the comment above its entry: a URL, or a file's
    name (never a path of the user's machine)."""
    return name if "://" in name else PurePosixPath(name.replace("\\", "/")).name


def _host(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None
