"""Documents the extractor cannot read, and lines it must not choke on.

A document whose language is not given and whose text is in none of German, Russian and
English is named in one ``warning:`` line by ``build``, ``extract`` and ``add`` (and is read
with the English grammar, or the Russian one for Cyrillic letters); a language given in
``sources.yaml`` is never questioned; a text too short to tell is not reported. A line
without any sentence end gives quotes of at most ``QUOTE_LIMIT`` characters that hold their
claim, in memory that grows with the line, not with its square.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import tracemalloc

import pytest

from claimkb.core.errors import ClaimkbWarning
from claimkb.core.models import Source
from claimkb.extract.langdetect import identify_language, unsupported_message
from claimkb.extract.pipeline import extract_document
from claimkb.extract.sentences import QUOTE_LIMIT, quote_around
from tests.hostile import Case

#: One sentence per language about a power plant, a port or a factory, with a number in it.
FOREIGN = {
    "fr": "Le gouvernement a annoncé que la nouvelle centrale produira 300 mégawatts dès "
    "l'année prochaine, selon le ministre de l'énergie.",
    "es": "El ministro dijo que la empresa construirá 40 aerogeneradores en la costa y que el "
    "proyecto costará unos 200 millones de euros.",
    "it": "Il sindaco ha detto che la città avrà 12 nuovi autobus elettrici entro la fine "
    "dell'anno e che il costo sarà di circa 8 milioni.",
    "pt": "O presidente da empresa disse que a fábrica vai produzir 500 carros por dia a "
    "partir do próximo ano, segundo o jornal.",
    "nl": "De minister zegt dat het nieuwe windpark 150 megawatt zal leveren en dat de bouw "
    "volgend jaar begint, maar de kosten zijn nog niet bekend.",
    "pl": "Prezes spółki powiedział, że fabryka będzie produkować 300 samochodów dziennie i "
    "że inwestycja jest warta około 2 miliardów złotych.",
    "cs": "Ministr řekl, že nová elektrárna bude mít výkon 600 megawattů a že stavba začne "
    "podle plánu už příští rok.",
    "sv": "Företaget säger att den nya fabriken kommer att ha 400 anställda och att "
    "produktionen ska starta i början av nästa år.",
    "tr": "Bakan, yeni santralin 500 megavat elektrik üreteceğini ve inşaatın gelecek yıl "
    "başlayacağını söyledi, ama maliyet henüz belli değil.",
    "ro": "Ministrul a spus că noua centrală va avea o putere de 300 de megawați și că "
    "lucrările vor începe în primăvara anului viitor.",
    "hu": "A miniszter szerint az új erőmű 400 megawatt teljesítményű lesz, és az építkezés "
    "már jövőre elkezdődik, de a költség még nem ismert.",
    "fi": "Ministeri sanoi, että uusi voimala tuottaa noin 300 megawattia ja että "
    "rakentaminen alkaa ensi vuonna, mutta hinta ei ole vielä tiedossa.",
    "id": "Menteri mengatakan bahwa pembangkit listrik yang baru akan menghasilkan 200 "
    "megawatt dan pembangunan akan dimulai tahun depan.",
    "uk": "Міністр сказав, що нова електростанція вироблятиме 300 мегават і що будівництво "
    "почнеться наступного року, але ціна ще невідома.",
    "bg": "Министърът каза, че новата електроцентрала ще има мощност от 300 мегавата и че "
    "строителството ще започне следващата година.",
    "zh": "部长说，新电站每年将发电三百兆瓦，明年开始建设。",
    "ja": "大臣によると、新しい発電所は来年から三百メガワットの電力を供給する予定です。",
    "ko": "장관은 새 발전소가 내년부터 300메가와트의 전력을 생산할 것이라고 말했다.",
    "ar": "قال الوزير إن المحطة الجديدة ستنتج 300 ميغاواط من الكهرباء ابتداء من العام المقبل.",
    "he": "השר אמר שתחנת הכוח החדשה תייצר 300 מגוואט החל מהשנה הבאה.",
    "el": "Ο υπουργός είπε ότι ο νέος σταθμός θα παράγει 300 μεγαβάτ από τον επόμενο χρόνο.",
    "hi": "मंत्री ने कहा कि नया बिजलीघर अगले साल से 300 मेगावाट बिजली बनाएगा।",
    "th": "รัฐมนตรีกล่าวว่าโรงไฟฟ้าแห่งใหม่จะผลิตไฟฟ้า 300 เมกะวัตต์ตั้งแต่ปีหน้า",
}
#: The grammar each is read with: Russian's for Cyrillic letters, English's for the rest.
CYRILLIC = {"uk", "bg"}
READ = {
    "de": "Der Minister sagte, dass das neue Kraftwerk ab dem nächsten Jahr 300 Megawatt "
    "liefern wird, aber die Kosten sind noch nicht bekannt.",
    "en": "The minister said that the new plant will produce 300 megawatts from next year, "
    "but the cost is not yet known.",
    "ru": "Министр сказал, что новая электростанция будет производить 300 мегаватт со "
    "следующего года, но цена пока неизвестна.",
}
FRENCH = FOREIGN["fr"] + "\n"
FRENCH_WARNING = (
    "warning: sources/parc.txt: the text looks like French (fr), which claimkb does not "
    "read; read as English"
)


@pytest.mark.parametrize("code", sorted(FOREIGN))
def test_a_language_claimkb_does_not_read_is_named(code: str) -> None:
    found = identify_language(FOREIGN[code])
    assert (found.code, found.reading) == (code, "ru" if code in CYRILLIC else "en")
    assert found.unsupported


@pytest.mark.parametrize("code", sorted(READ))
def test_the_three_languages_read_are_not_reported(code: str) -> None:
    found = identify_language(READ[code])
    assert (found.code, found.reading) == (code, code)
    assert unsupported_message("x.txt", found) is None


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("2026: 40, 200, 300.\n", id="numbers-only"),
        pytest.param("12 345 678\n9,5 %\n", id="numbers-and-signs"),
        pytest.param("Merci : 40 MW\n", id="two-french-words"),
        pytest.param("Gracias por los 300 votos\n", id="four-spanish-words"),
        pytest.param("東京 5\n", id="two-ideographs"),
        pytest.param("", id="empty"),
    ],
)
def test_a_text_too_short_to_tell_is_not_reported(text: str) -> None:
    found = identify_language(text)
    assert found.code is None and found.reading == "en"
    assert unsupported_message("x.txt", found) is None


def test_english_quoting_a_french_sentence_is_english() -> None:
    text = (
        "The mayor was asked about the plan. She answered in French, 'nous aurons 20 bus', "
        "and then said that the city will buy the buses from a company in the north of the "
        "country and that the first ones are expected by the end of the year."
    )
    assert identify_language(text).code == "en"


def test_french_with_english_names_is_french() -> None:
    text = (
        "Selon le directeur de Northwind Energy, le parc offshore Blue Harbour aura 60 "
        "turbines et la mise en service est prévue pour la fin de l'année prochaine."
    )
    assert identify_language(text).code == "fr"


def test_russian_naming_a_ukrainian_city_is_russian() -> None:
    text = (
        "По словам мэра, в Києві построят 15 новых подстанций, и работы начнутся уже в "
        "следующем году, если город получит кредит от банка."
    )
    assert identify_language(text).code == "ru"


def test_english_headlines_without_function_words_are_not_reported() -> None:
    """A list of names and figures holds few function words; under 30 words it is too
    little to call it no language."""
    text = (
        "Harbour deliveries 435,000 tonnes\nFerry orders strong\nQuay extension slow\n"
        "Crane fleet 40 units\nDredging budget 12 million euros\nPilot station 2027\n"
        "Container terminal capacity 2 million TEU\n"
    )
    found = identify_language(text)
    assert (found.code, found.reading) == ("en", "en")
    assert unsupported_message("x.txt", found) is None


def test_letters_of_no_known_language_are_undetermined() -> None:
    """32 words, none of them a function word of any language known here."""
    text = (
        "Kuru ombali wanda tiki morolo sena paku lirama osito wenu kambalo riti sanu polema "
        "gatoro wisu mekana lumpo dirati osaka venu tolomi kasura 40 pelu, torami weku "
        "salino dupa kerimo vatu losika penu."
    )
    found = identify_language(text)
    assert found.code == "und"
    assert unsupported_message("x.txt", found) == (
        "x.txt: the text is in no language claimkb recognises (it reads German, Russian and "
        "English); read as English"
    )


def test_extract_document_warns_once_and_reads_as_english() -> None:
    source = Source(id="parc", file="parc.txt")
    with pytest.warns(ClaimkbWarning) as caught:
        claims = extract_document(source, FRENCH + FRENCH)
    assert [str(w.message) for w in caught] == [
        "parc.txt: the text looks like French (fr), which claimkb does not read; read as English"
    ]
    assert {claim.lang for claim in claims} == {"en"}


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("warning:")]


def test_build_warns_once_per_document_in_another_language(case: Case) -> None:
    case.write("sources/parc.txt", FRENCH)
    case.append_source("- id: parc\n  file: parc.txt\n")
    result = case.run("build", "--date", "2026-12-01")
    assert result.exit_code == 0, result.stderr
    assert _warnings(result.stderr) == [FRENCH_WARNING]


def test_build_reads_ukrainian_as_russian_and_says_so(case: Case) -> None:
    case.write("sources/misto.txt", FOREIGN["uk"] + "\n")
    case.append_source("- id: misto\n  file: misto.txt\n")
    result = case.run("build", "--date", "2026-12-01")
    assert result.exit_code == 0, result.stderr
    assert _warnings(result.stderr) == [
        "warning: sources/misto.txt: the text looks like Ukrainian (uk), which claimkb does "
        "not read; read as Russian"
    ]


def test_a_language_given_in_sources_yaml_is_not_questioned(case: Case) -> None:
    case.write("sources/parc.txt", FRENCH)
    case.append_source("- id: parc\n  file: parc.txt\n  language: en\n")
    result = case.run("build", "--date", "2026-12-01")
    assert result.exit_code == 0, result.stderr
    assert _warnings(result.stderr) == []


def test_extract_warns_naming_the_document(case: Case) -> None:
    path = case.write("sources/parc.txt", FRENCH)
    result = case.run("extract", str(path))
    assert result.exit_code == 0, result.stderr
    assert _warnings(result.stderr) == [FRENCH_WARNING]
    assert '"lang": "en"' in result.stdout


def test_add_warns_and_records_english(case: Case) -> None:
    path = case.outside / "parc.txt"
    path.write_text(FRENCH, encoding="utf-8")
    result = case.run("add", str(path))
    assert result.exit_code == 0, result.stderr
    assert _warnings(result.stderr) == [
        f"warning: {path}: the text looks like French (fr), which claimkb does not read; "
        "read as English (language not recognised as one of de, en, ru; give --lang to "
        "choose)"
    ]
    assert "  language: en\n" in case.project.sources_yaml.read_text(encoding="utf-8")


def test_add_with_a_language_given_does_not_warn(case: Case) -> None:
    path = case.outside / "parc.txt"
    path.write_text(FRENCH, encoding="utf-8")
    result = case.run("add", str(path), "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert _warnings(result.stderr) == []


# --- quotes of long lines -----------------------------------------------------------------

UNIT = "the plant has 40 turbines with 200 MW and about 300 engineers work there "


def test_quotes_of_a_200_kb_line_are_capped_and_hold_their_claim() -> None:
    line = (UNIT * (200_000 // len(UNIT) + 1))[:200_000] + "\n"
    source = Source(id="long", file="long.txt", language="en")
    extract_document(source, "Warm-up: 5 MW.\n")  # the grammar's tables, loaded once
    tracemalloc.start()
    try:
        claims = extract_document(source, line)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # The 73-character unit 2,739 times and its first 53 characters, which still hold its
    # three claims (40, 200 MW, about 300).
    assert len(claims) == 3 * 2_740
    assert all(len(claim.quote) <= QUOTE_LIMIT for claim in claims)
    assert all(claim.surface in claim.quote for claim in claims)
    assert all(claim.quote.startswith("…") or claim.start < QUOTE_LIMIT for claim in claims)
    assert peak < 200 * 2**20


@pytest.mark.parametrize(
    "text, claim, expected",
    [
        pytest.param("  We build 40 turbines.  ", "40", "We build 40 turbines.", id="short"),
        pytest.param(
            "word " * 100 + "X 40 Y " + "word " * 100,
            "40",
            "…" + "word " * 39 + "X 40 Y" + " word" * 39 + "…",
            id="middle-of-a-long-line",
        ),
        pytest.param(
            "40 MW " + "word " * 200,
            "40 MW",
            "40 MW" + " word" * 78 + "…",
            id="start-of-a-long-line",
        ),
        pytest.param(
            "a" * 1000 + " 7 MW " + "b" * 1000,
            "7 MW",
            "…7 MW…",
            id="words-longer-than-the-room-are-left-out",
        ),
        pytest.param(
            "a" * 1000 + "7" + "b" * 1000,
            "7",
            "…" + "a" * 198 + "7" + "b" * 199 + "…",
            id="no-space-to-cut-at",
        ),
    ],
)
def test_a_long_sentence_is_quoted_around_the_claim(text: str, claim: str, expected: str) -> None:
    at = text.index(claim)
    quote = quote_around(text, 0, len(text), at, at + len(claim))
    assert quote == expected
    assert len(quote) <= QUOTE_LIMIT
