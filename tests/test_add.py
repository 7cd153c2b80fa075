"""`claimkb add`: every format into a fresh project, what is stored, what the build makes
of it (speakers, cue times), and hostile ids and paths that must leave the project as it
was. Every document here is written for this test; expected values are worked out by hand
in the comments."""

from __future__ import annotations

import datetime as dt
import http.server
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
import yaml
from click.testing import CliRunner, Result

from claimkb.build.scaffold import init_project
from claimkb.build.stages import build, project_knowledge_base
from claimkb.cli import main
from claimkb.core.errors import ClaimkbError
from claimkb.core.models import Claim, Source
from claimkb.core.project import Project
from claimkb.ingest import IngestError
from claimkb.ingest.fetch import fetch
from claimkb.ingest.identity import slugify
from claimkb.ledger.ledger import load_ledger
from claimkb.ledger.sources import load_sources
from claimkb.pages.common import claim_page
from claimkb.pages.site import generate_pages

# --- documents -------------------------------------------------------------------------

BRIEFING = "Anna Weber: We will build 40 turbines, about 200 MW, by 2028.\r\nThat is all.\r\n"
# Stored text: CRLF -> LF, BOM dropped; "Anna Weber: We will build " is 26 characters.
BRIEFING_TEXT = "Anna Weber: We will build 40 turbines, about 200 MW, by 2028.\nThat is all.\n"

NOTES_MD = (
    "# Windpark Nord\n\n"
    "Die Firma will bis 2030 insgesamt 25 Windräder aufstellen, sagte die Sprecherin.\n"
)

PAGE = """<!DOCTYPE html>
<html lang="de"><head>
<meta charset="utf-8">
<title>Speicher im Hafen | Nordkurier Online</title>
<meta name="author" content="Jana Krüger">
<meta property="og:title" content="Speicher im Hafen">
<meta property="article:published_time" content="2026-10-14T09:30:00+02:00">
</head><body>
<nav><ul><li><a href="/">Startseite</a></li><li><a href="/politik">Politik</a></li>
<li><a href="/top10">Top 10 der Woche</a></li></ul></nav>
<div class="share-bar">Teilen 4.321 · Tweets 876 · Kommentare 55</div>
<main><article>
<h1>Speicher im Hafen</h1>
<p>Die Stadtwerke wollen im Hafen einen Batteriespeicher mit 120 Megawattstunden bauen.
Die Anlage soll nach ihren Angaben rund 85 Millionen Euro kosten und im Jahr 2027 in
Betrieb gehen.</p>
<p>Der Speicher könne etwa 30.000 Haushalte einen Abend lang versorgen, sagte die
Geschäftsführerin bei der Vorstellung des Projekts im Rathaus.</p>
</article></main>
<footer><p>© 2026 Nordkurier Medien GmbH · 312 Mitarbeiter · Impressum · Datenschutz</p>
</footer>
</body></html>
"""

TALK_VTT = """WEBVTT

NOTE written for the claimkb tests

1
00:00:01.000 --> 00:00:04.000
<v Bob Stone>How many turbines will you build?</v>

2
00:00:04.500 --> 00:00:09.250 align:start
<v Anna Weber>We plan 40 turbines
with about 200 MW.</v>

3
00:01:02.000 --> 00:01:05.000
<v Anna Weber>The cost is 300 million euros.
"""
# Text: one line per cue, "Name: " in front.
TALK_TEXT = (
    "Bob Stone: How many turbines will you build?\n"  # 0..45
    "Anna Weber: We plan 40 turbines with about 200 MW.\n"  # 45..96
    "Anna Weber: The cost is 300 million euros.\n"  # 96..139
)

PAGE_RU = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>Новая подстанция</title></head><body>
<nav><a href="/">Главная</a> <a href="/news">Новости 24</a></nav>
<article><h1>Новая подстанция</h1>
<p>Компания построит подстанцию мощностью 250 МВт за два года, сообщил директор на встрече с
журналистами в понедельник. Стоимость проекта составит около 4 миллиардов рублей.</p>
</article>
<footer>Все права защищены, 2026</footer></body></html>
"""

INTERVIEW_SRT = """1
00:00:02,000 --> 00:00:05,000
ИГОРЬ ПЕТРОВ: Сколько будет стоить новая станция?

2
00:00:05,500 --> 00:00:09,000
АННА ВЕБЕР: <i>Около</i> 300 миллионов евро.

3
00:00:09,200 --> 00:00:12,800
Мы построим 40 турбин к 2028 году.
"""
INTERVIEW_TEXT = (
    "Игорь Петров: Сколько будет стоить новая станция?\n"
    "Анна Вебер: Около 300 миллионов евро.\n"
    "Мы построим 40 турбин к 2028 году.\n"
)


# --- helpers ---------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return init_project(tmp_path / "p")


def run(project: Project, *args: str) -> Result:
    return CliRunner().invoke(main, ["--project", str(project.root), "add", *args])


def snapshot(project: Project) -> dict[str, bytes]:
    """Every file of the project's sources/, by name, with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(project.sources_dir.iterdir())}


def sources(project: Project) -> dict[str, Source]:
    return {s.id: s for s in load_sources(project.sources_yaml)}


def built_claims(project: Project) -> dict[str, list[Claim]]:
    build(project)
    result: dict[str, list[Claim]] = {}
    for located in load_ledger(project.claims_dir).extracted:
        result.setdefault(located.record.source, []).append(located.record)
    return result


def claim_with(claims: list[Claim], surface: str) -> Claim:
    found = [c for c in claims if c.surface == surface]
    assert len(found) == 1, [c.surface for c in claims]
    return found[0]


# --- formats ---------------------------------------------------------------------------


def test_text_file_is_normalised_and_the_original_kept(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "Briefing Notes.txt"
    path.write_bytes(b"\xef\xbb\xbf" + BRIEFING.encode("utf-8"))
    result = run(
        project, str(path), "--speaker", "Anna Weber", "--lang", "en", "--published", "2026-11-30"
    )
    assert result.exit_code == 0, result.output
    folder = project.sources_dir
    assert (folder / "briefing-notes.txt").read_bytes() == BRIEFING_TEXT.encode("utf-8")
    assert (folder / "briefing-notes.orig.txt").read_bytes() == path.read_bytes()
    source = sources(project)["briefing-notes"]
    assert source.file == "briefing-notes.txt"
    assert source.original == "briefing-notes.orig.txt"
    assert source.language == "en"
    assert source.published == dt.date(2026, 11, 30)
    assert source.covers_interview is not None
    assert source.covers_interview.speakers == ["Anna Weber"]
    assert source.cues is None and source.retrieved is None
    # The comments init wrote stay; the empty list `[]` is gone.
    listing = project.sources_yaml.read_text(encoding="utf-8")
    assert listing.startswith("# The documents of this project")
    assert "\n[]\n" not in listing

    claims = built_claims(project)["briefing-notes"]
    forty = claim_with(claims, "40")
    assert (forty.start, forty.end) == (26, 28)
    assert forty.speaker == "Anna Weber"
    assert forty.cue is None
    ledger = (project.extracted_dir / "briefing-notes.yaml").read_text(encoding="utf-8")
    assert "cue:" not in ledger  # no cue, no line: ledgers of plain texts are unchanged


def test_markdown_kept_as_is_language_detected(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "windpark.md"
    path.write_text(NOTES_MD, encoding="utf-8")
    result = run(project, str(path))
    assert result.exit_code == 0, result.output
    assert (project.sources_dir / "windpark.txt").read_text(encoding="utf-8") == NOTES_MD
    # Byte for byte the same: the text is the original, no second copy.
    assert not (project.sources_dir / "windpark.orig.md").exists()
    source = sources(project)["windpark"]
    assert source.language == "de"
    assert source.original == "windpark.txt"
    assert source.covers_interview is None
    assert "warning" not in result.output
    claims = built_claims(project)["windpark"]
    # "# Windpark Nord\n" is 16 characters, the blank line 1, "Die Firma will bis 2030
    # insgesamt " 34: 25 starts at 51.
    assert claim_with(claims, "25").start == 51


def test_html_article_without_navigation_share_counters_and_footer(
    project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "speicher.html"
    path.write_text(PAGE, encoding="utf-8")
    result = run(project, str(path), "--author", "Redaktion Nord")
    assert result.exit_code == 0, result.output
    text = (project.sources_dir / "speicher.txt").read_text(encoding="utf-8")
    assert "120 Megawattstunden" in text
    assert "30.000 Haushalte" in text
    for chrome in ("Startseite", "Top 10", "4.321", "876", "Kommentare", "312", "Impressum"):
        assert chrome not in text, chrome
    assert (project.sources_dir / "speicher.orig.html").read_text(encoding="utf-8") == PAGE
    source = sources(project)["speicher"]
    assert source.title == "Speicher im Hafen"
    assert source.author == "Redaktion Nord"  # the option wins over the page's meta
    assert source.published == dt.date(2026, 10, 14)
    assert source.language == "de"
    assert source.kind == "web-page"
    surfaces = {c.surface for c in built_claims(project)["speicher"]}
    assert "120 Megawattstunden" in surfaces
    assert not surfaces & {"4.321", "876", "55", "312", "10"}


def test_html_metadata_from_the_page(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "speicher.htm"
    path.write_text(PAGE, encoding="utf-8")
    assert run(project, str(path), "--title", "Eigener Titel").exit_code == 0
    source = sources(project)["speicher"]
    assert source.title == "Eigener Titel"
    assert source.author == "Jana Krüger"
    assert source.original == "speicher.orig.htm"


def test_vtt_voices_become_turns_speakers_and_cue_times(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "talk.vtt"
    path.write_text(TALK_VTT, encoding="utf-8")
    result = run(project, str(path), "--interviewer", "Bob Stone", "--published", "2026-11-02")
    assert result.exit_code == 0, result.output
    assert (project.sources_dir / "talk.txt").read_text(encoding="utf-8") == TALK_TEXT
    assert (project.sources_dir / "talk.orig.vtt").read_text(encoding="utf-8") == TALK_VTT
    source = sources(project)["talk"]
    assert source.kind == "transcript"
    assert source.cues == "talk.cues.yaml"
    assert source.covers_interview is not None
    assert source.covers_interview.speakers == ["Anna Weber"]
    assert source.covers_interview.interviewers == ["Bob Stone"]
    cues = yaml.safe_load((project.sources_dir / "talk.cues.yaml").read_text(encoding="utf-8"))
    assert cues["cues"] == [
        {"start": 0, "end": 45, "time": "00:00:01.000"},
        {"start": 45, "end": 96, "time": "00:00:04.500"},
        {"start": 96, "end": 139, "time": "00:01:02.000"},
    ]
    claims = built_claims(project)["talk"]
    forty = claim_with(claims, "40")
    # "Anna Weber: We plan " is 20 characters; the line starts at 45.
    assert (forty.start, forty.end) == (65, 67)
    assert (forty.speaker, forty.cue) == ("Anna Weber", "00:00:04.500")
    millions = [c for c in claims if c.start >= 96]
    assert millions and all(c.cue == "00:01:02.000" for c in millions)
    assert all(c.speaker == "Anna Weber" for c in millions)
    assert all(c.cue is not None for c in claims)

    # The claim page shows the cue time.
    kb = project_knowledge_base(project)
    docs = project.root / "docs"
    generate_pages(kb, [], docs, dt.date(2026, 12, 1), project.config)
    page = (docs / claim_page(forty.id)).read_text(encoding="utf-8")
    assert "<dt>Cue</dt>" in page or "Cue" in page
    assert "<time>00:00:04.500</time>" in page


def test_srt_name_labels_in_capitals(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "интервью.srt"
    path.write_text(INTERVIEW_SRT, encoding="utf-8")
    result = run(project, str(path), "--speaker", "Анна Вебер", "--interviewer", "Игорь Петров")
    assert result.exit_code == 0, result.output
    # Cyrillic file names are spelt in Latin letters for the id.
    source = sources(project)["intervyu"]
    assert source.language == "ru"
    text = (project.sources_dir / "intervyu.txt").read_text(encoding="utf-8")
    assert text == INTERVIEW_TEXT
    claims = built_claims(project)["intervyu"]
    by_surface = {c.surface: c for c in claims}
    forty = next(c for s, c in by_surface.items() if s.startswith("40"))
    # The third cue has no label: it continues Анна Вебер's turn.
    assert forty.speaker == "Анна Вебер"
    assert forty.cue == "00:00:09.200"  # SubRip's comma becomes a dot
    cost = next(c for s, c in by_surface.items() if "300" in s)
    assert (cost.speaker, cost.cue) == ("Анна Вебер", "00:00:05.500")


def test_srt_voices_become_speakers_when_not_given(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "x.srt"
    path.write_text(INTERVIEW_SRT, encoding="utf-8")
    assert run(project, str(path), "--id", "petrov-weber").exit_code == 0
    interview = sources(project)["petrov-weber"].covers_interview
    assert interview is not None
    # "ИГОРЬ ПЕТРОВ" in capitals becomes "Игорь Петров"; first heard, first listed.
    assert interview.speakers == ["Игорь Петров", "Анна Вебер"]
    assert interview.interviewers == []


# --- URLs ------------------------------------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    pages: ClassVar[dict[str, tuple[str, bytes]]] = {
        "/news/hafen-speicher.html": ("text/html; charset=utf-8", PAGE.encode("utf-8")),
        "/plain": ("text/plain; charset=utf-8", BRIEFING_TEXT.encode("utf-8")),
        "/image.png": ("image/png", b"\x89PNG\r\n"),
        "/ru/podstantsiya": ("text/html", PAGE_RU.encode("cp1251")),
        "/to-file": ("", b""),
    }

    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(1.0)
        if self.path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
            return
        if self.path not in self.pages:
            self.send_error(404)
            return
        content_type, body = self.pages[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "*")
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def test_url_is_kept_as_a_dated_snapshot(project: Project, server: str) -> None:
    url = f"{server}/news/hafen-speicher.html"
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    result = run(project, url)
    assert result.exit_code == 0, result.output
    source = sources(project)["hafen-speicher"]
    assert source.url == url
    assert source.retrieved is not None
    assert before <= source.retrieved <= dt.datetime.now(dt.UTC)
    assert source.title == "Speicher im Hafen"
    assert source.original == "hafen-speicher.orig.html"
    stored = project.sources_dir / "hafen-speicher.orig.html"
    assert stored.read_text(encoding="utf-8") == PAGE
    assert "4.321" not in (project.sources_dir / "hafen-speicher.txt").read_text("utf-8")
    # The plain-text page: the content type decides; the id comes from the path.
    assert run(project, f"{server}/plain", "--speaker", "Anna Weber").exit_code == 0
    assert sources(project)["plain"].original == "plain.txt"
    claims = built_claims(project)
    assert claim_with(claims["plain"], "40").speaker == "Anna Weber"


def test_url_charset_from_the_page(project: Project, server: str) -> None:
    # No charset in the HTTP header: the page's <meta> says windows-1251.
    assert run(project, f"{server}/ru/podstantsiya").exit_code == 0
    source = sources(project)["podstantsiya"]
    assert (source.language, source.title) == ("ru", "Новая подстанция")
    text = (project.sources_dir / "podstantsiya.txt").read_text(encoding="utf-8")
    assert "250 МВт" in text and "Главная" not in text
    original = (project.sources_dir / "podstantsiya.orig.html").read_bytes()
    assert original == PAGE_RU.encode("cp1251")  # the snapshot is the bytes as served


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "HTTP 404"),
        ("/image.png", "'image/png' is not a document"),
        ("/to-file", "file:///etc/passwd"),
    ],
)
def test_bad_urls_write_nothing(project: Project, server: str, path: str, message: str) -> None:
    before = snapshot(project)
    result = run(project, f"{server}{path}")
    assert result.exit_code == 1
    assert message in result.output and f"{server}{path}" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert snapshot(project) == before


def test_fetch_time_out_and_size_limit(server: str) -> None:
    with pytest.raises(IngestError, match=r"/slow: cannot be fetched \(.*timed out"):
        fetch(f"{server}/slow", timeout=0.2)
    with pytest.raises(IngestError, match="larger than 50 bytes; not added"):
        fetch(f"{server}/plain", max_bytes=50)
    assert fetch(f"{server}/plain", max_bytes=len(BRIEFING_TEXT)).data == BRIEFING_TEXT.encode()


@pytest.mark.parametrize("url", ["ftp://example.org/a.txt", "file:///etc/passwd"])
def test_only_http_and_https(project: Project, url: str) -> None:
    before = snapshot(project)
    result = run(project, url)
    assert result.exit_code == 1
    assert "only http and https" in result.output
    assert snapshot(project) == before


# --- language --------------------------------------------------------------------------


def test_language_outside_the_project_is_a_warning(tmp_path: Path) -> None:
    project = init_project(tmp_path / "p")
    config = project.config_path.read_text(encoding="utf-8")
    project.config_path.write_text(config + "languages: [en]\n", encoding="utf-8")
    project = Project.load(project.root)
    path = tmp_path / "windpark.md"
    path.write_text(NOTES_MD, encoding="utf-8")
    result = run(project, str(path))
    assert result.exit_code == 0
    assert "warning:" in result.stderr
    assert str(path) in result.stderr and "'de'" in result.stderr
    assert "warning" not in result.stdout


def test_unrecognised_language_is_a_warning(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "parc.txt"
    path.write_text(
        "Le parc éolien comptera 40 turbines. Les travaux commencent au printemps prochain "
        "selon la mairie de la commune.\n",
        encoding="utf-8",
    )
    result = run(project, str(path))
    assert result.exit_code == 0
    assert "language not recognised" in result.stderr and str(path) in result.stderr


# --- ids and paths ---------------------------------------------------------------------


@pytest.mark.parametrize("bad_id", ["../x", "/etc/x", "a/b", "a\x00b", "", "X", ".x", "x."])
def test_hostile_ids_write_nothing(project: Project, tmp_path: Path, bad_id: str) -> None:
    path = tmp_path / "briefing.txt"
    path.write_text(BRIEFING_TEXT, encoding="utf-8")
    before = snapshot(project)
    result = run(project, str(path), "--id", bad_id)
    assert result.exit_code == 1
    assert "not a valid source id" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert snapshot(project) == before
    assert not (tmp_path / "x.txt").exists() and not Path("/etc/x.txt").exists()


def test_taken_id_and_existing_files(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "briefing.txt"
    path.write_text(BRIEFING_TEXT, encoding="utf-8")
    assert run(project, str(path)).exit_code == 0
    before = snapshot(project)
    result = run(project, str(path), "--id", "briefing")
    assert result.exit_code == 1 and "exists in sources/sources.yaml" in result.output
    # A file not listed but in the way is refused too.
    (project.sources_dir / "stray.txt").write_text("x\n", encoding="utf-8")
    before = snapshot(project)
    result = run(project, str(path), "--id", "stray")
    assert result.exit_code == 1 and "sources/stray.txt exists already" in result.output
    assert snapshot(project) == before
    # A made id is numbered instead.
    assert run(project, str(path)).exit_code == 0
    assert set(sources(project)) == {"briefing", "briefing-2"}


def _hostile_path(kind: str, tmp_path: Path, project: Project) -> Path:
    if kind == "symlink-outside":
        secret = tmp_path / "secret.txt"
        secret.write_text("Der Schlüssel hat 12 Zeichen.\n", encoding="utf-8")
        link = project.root / "link.txt"
        link.symlink_to(secret)
        return link
    if kind == "directory":
        folder = tmp_path / "folder.txt"
        folder.mkdir()
        return folder
    if kind == "missing":
        return tmp_path / "missing.txt"
    if kind == "etc":
        return Path("/etc/x")
    if kind == "no-article":
        page = tmp_path / "menu.html"
        page.write_text("<html><body><script>var a = 40;</script></body></html>\n", "utf-8")
        return page
    if kind == "bad-vtt":
        vtt = tmp_path / "notes.vtt"
        vtt.write_text("Not a transcript at all.\n", encoding="utf-8")
        return vtt
    path = tmp_path / f"{kind}.txt"
    data = {
        "empty": b"",
        "blank": b" \n\t\n",
        "binary": b"40 MW\x00\x01\x02",
        "latin1": "Die Anlage kostet 85 Millionen \u20ac und hat 12 Räder.\n".encode("cp1252"),
        "unknown-kind": b"",
    }[kind]
    if kind == "unknown-kind":
        path = tmp_path / "slides.pdf"
        data = b"%PDF-1.4\n"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("symlink-outside", "outside the project"),
        ("directory", "is a directory"),
        ("missing", "no such file"),
        ("etc", "no such file"),
        ("empty", "empty file"),
        ("blank", "no text in it"),
        ("binary", "binary file"),
        ("latin1", "not utf-8 text"),
        ("unknown-kind", "unknown kind of document"),
        ("no-article", "no article text found"),
        ("bad-vtt", "not a WebVTT file"),
    ],
)
def test_unusable_paths_write_nothing(
    project: Project, tmp_path: Path, kind: str, message: str
) -> None:
    path = _hostile_path(kind, tmp_path, project)
    before = snapshot(project)
    result = run(project, str(path))
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1
    assert message in result.output and str(path) in result.output
    assert snapshot(project) == before


def test_symlink_inside_the_project_is_read(project: Project) -> None:
    target = project.root / "drafts" / "memo.txt"
    target.parent.mkdir()
    target.write_text(BRIEFING_TEXT, encoding="utf-8")
    link = project.root / "memo-link.txt"
    link.symlink_to(target)
    assert run(project, str(link)).exit_code == 0
    assert "memo-link" in sources(project)


def test_nul_in_a_path(project: Project) -> None:
    before = snapshot(project)
    result = run(project, "brief\x00ing.txt")
    assert result.exit_code == 1 and "NUL" in result.output
    assert snapshot(project) == before


def test_one_bad_document_of_several_writes_nothing(project: Project, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(BRIEFING_TEXT, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe broken")
    before = snapshot(project)
    result = run(project, str(good), str(bad))
    assert result.exit_code == 1 and str(bad) in result.output
    assert snapshot(project) == before
    # Several good ones at once are all added, each with its own id.
    other = tmp_path / "sub" / "good.txt"
    other.parent.mkdir()
    other.write_text(NOTES_MD, encoding="utf-8")
    assert run(project, str(good), str(other)).exit_code == 0
    assert set(sources(project)) == {"good", "good-2"}


def test_a_failed_write_is_rolled_back(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "talk.vtt"
    path.write_text(TALK_VTT, encoding="utf-8")
    before = snapshot(project)
    real_replace = os.replace

    def failing_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if str(dst).endswith("sources.yaml"):
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError, match="No space left"):
        from claimkb.ingest import add_documents

        add_documents(project, [str(path)])
    assert snapshot(project) == before


def test_comments_and_entries_written_by_hand_are_kept(project: Project, tmp_path: Path) -> None:
    hand = "# Our sources.\n- id: old-memo   # written by hand\n  file: old-memo.txt\n"
    hand += "  language: de\n"
    project.sources_yaml.write_text(hand, encoding="utf-8")
    (project.sources_dir / "old-memo.txt").write_text(NOTES_MD, encoding="utf-8")
    path = tmp_path / "old-memo.txt"
    path.write_text(BRIEFING_TEXT, encoding="utf-8")
    assert run(project, str(path)).exit_code == 0
    listing = project.sources_yaml.read_text(encoding="utf-8")
    assert listing.startswith(hand)
    assert list(sources(project)) == ["old-memo", "old-memo-2"]


def test_a_broken_listing_is_reported_not_overwritten(project: Project, tmp_path: Path) -> None:
    project.sources_yaml.write_text("- id: [unclosed\n", encoding="utf-8")
    path = tmp_path / "briefing.txt"
    path.write_text(BRIEFING_TEXT, encoding="utf-8")
    before = snapshot(project)
    result = run(project, str(path))
    assert result.exit_code == 1 and "sources.yaml" in result.output
    assert snapshot(project) == before


def test_id_and_url_name_one_document(project: Project, tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(BRIEFING_TEXT, encoding="utf-8")
    b.write_text(BRIEFING_TEXT, encoding="utf-8")
    result = run(project, str(a), str(b), "--id", "both")
    assert result.exit_code == 1 and "--id" in result.output


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Windpark Nord: 40 Turbinen!", "windpark-nord-40-turbinen"),
        ("Über Größe", "ueber-groesse"),
        ("Интервью с Анной", "intervyu-s-annoy"),
        ("../x", "x"),
        ("..", ""),
        ("town_hall 2026.de", "town_hall-2026.de"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


@pytest.mark.parametrize("field", ["cues", "original"])
def test_listing_cannot_point_outside_sources(project: Project, field: str) -> None:
    project.sources_yaml.write_text(
        f"- id: memo\n  file: memo.txt\n  {field}: ../../claimkb.yaml\n", encoding="utf-8"
    )
    with pytest.raises(ClaimkbError, match=r"sources\.yaml:1: .*not a file name in sources/"):
        load_sources(project.sources_yaml)


def test_cue_file_symlinked_outside_is_refused(project: Project, tmp_path: Path) -> None:
    (project.sources_dir / "memo.txt").write_text(BRIEFING_TEXT, encoding="utf-8")
    outside = tmp_path / "cues.yaml"
    outside.write_text("source: memo\ncues: []\n", encoding="utf-8")
    (project.sources_dir / "memo.cues.yaml").symlink_to(outside)
    project.sources_yaml.write_text(
        "- id: memo\n  file: memo.txt\n  cues: memo.cues.yaml\n", encoding="utf-8"
    )
    with pytest.raises(
        ClaimkbError,
        match=r"^sources/sources\.yaml:1: cues: 'memo\.cues\.yaml' is a symlink that leads "
        "outside sources/",
    ):
        build(project)


def test_a_stray_original_in_the_way_numbers_the_id(project: Project, tmp_path: Path) -> None:
    (project.sources_dir / "speicher.orig.html").write_text("old\n", encoding="utf-8")
    path = tmp_path / "speicher.html"
    path.write_text(PAGE, encoding="utf-8")
    assert run(project, str(path)).exit_code == 0
    assert list(sources(project)) == ["speicher-2"]
    assert (project.sources_dir / "speicher.orig.html").read_text(encoding="utf-8") == "old\n"


def test_listing_changed_meanwhile_is_not_overwritten(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claimkb.ingest.add as add_module

    path = tmp_path / "briefing.txt"
    path.write_text(BRIEFING_TEXT, encoding="utf-8")
    other = "- id: other\n  file: other.txt\n"
    check = add_module._check_listing

    def meanwhile(*args: object, **kwargs: object) -> None:
        check(*args, **kwargs)  # type: ignore[arg-type]
        project.sources_yaml.write_text(other, encoding="utf-8")  # another writer

    monkeypatch.setattr(add_module, "_check_listing", meanwhile)
    before = snapshot(project)
    result = run(project, str(path))
    assert result.exit_code == 1 and "changed while documents were being added" in result.output
    after = snapshot(project)
    assert after == {**before, "sources.yaml": other.encode("utf-8")}
