"""Guess a document's language when ``sources.yaml`` does not say, and say plainly when it
is none of the three the extractor reads (German, Russian, English).

No statistical model is needed (or could be downloaded): a language is told by its script
and by its most frequent short words, which make up a third of any running text. Scripts
that belong to one language family (Han, Kana, Hangul, Arabic, Hebrew, Greek, Devanagari,
...) name it outright; text in Latin or Cyrillic letters is scored against the function
words of a dozen common languages each (the lists below, written for this module), and a
language wins only by a clear margin over German, English or Russian. Ukrainian and
Belarusian words are told from Russian ones by their own letters (і ї є ґ ў), which Russian
never writes.

A text too short to tell (numbers, a heading) is read as before and is not reported: the
detector would rather say nothing than cry wolf.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from claimkb.extract.tables import GrammarWords, load_language_file

SUPPORTED = ("de", "en", "ru")
"""The languages the extractor has a grammar for."""

NAMES: dict[str, str] = {
    "ar": "Arabic",
    "be": "Belarusian",
    "bg": "Bulgarian",
    "bn": "Bengali",
    "cs": "Czech",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "es": "Spanish",
    "fi": "Finnish",
    "fr": "French",
    "he": "Hebrew",
    "hi": "Hindi",
    "hu": "Hungarian",
    "hy": "Armenian",
    "id": "Indonesian",
    "it": "Italian",
    "ja": "Japanese",
    "ka": "Georgian",
    "ko": "Korean",
    "nl": "Dutch",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sr": "Serbian",
    "sv": "Swedish",
    "ta": "Tamil",
    "th": "Thai",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "vi": "Vietnamese",
    "zh": "Chinese",
}
"""English names of the languages this module can recognise."""

UNDETERMINED = "und"
"""ISO 639-2's code for a text in letters that match no language known here."""

#: Scripts that belong to one language here, as character ranges. Japanese is Han with Kana;
#: a text whose Han characters come with enough Kana is Japanese (``_KANA_SHARE``).
_SCRIPTS: dict[str, str] = {
    "el": "\u0370-\u03ff\u1f00-\u1fff",
    "hy": "\u0530-\u058f",
    "he": "\u0590-\u05ff",
    "ar": "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff",
    "hi": "\u0900-\u097f",
    "bn": "\u0980-\u09ff",
    "ta": "\u0b80-\u0bff",
    "th": "\u0e00-\u0e7f",
    "ka": "\u10a0-\u10ff",
    "ko": "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af",
    "ja": "\u3040-\u30ff",
    "zh": "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff",
}
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_CYRILLIC = "\u0400-\u04ff"
_SCRIPT_PATTERNS = {
    name: re.compile(f"[{ranges}]")
    for name, ranges in {**_SCRIPTS, "latin": _LATIN, "cyrillic": _CYRILLIC}.items()
}
_KANA_SHARE = 0.1
"""Share of Kana among Han and Kana characters from which a text is Japanese."""
_MIN_IDEOGRAPHS = 6
"""Fewest characters of a script that is written without spaces (Han, Kana, Thai) from
which its language is named."""
_MIN_LETTERS = 20
"""Fewest letters of any other script from which its language is named."""

_WORDS = re.compile(r"[^\W\d_]+")
_MIN_WORDS = 8
"""Fewest words of a Latin or Cyrillic text whose function words are weighed."""
_MIN_HITS = 3
"""Fewest function words of a language that name it."""
_MARGIN = 1.5
"""How many times the function words of the supported language of the same script a
foreign language needs, to be named."""
_MIN_SHARE = 0.1
"""Share of the words a foreign language's function words need, to be named."""
_UNKNOWN_WORDS = 30
"""Fewest words of a text that no list matches before it is reported as undetermined."""
_UNKNOWN_SHARE = 0.04
"""Share of known function words below which such a text is undetermined."""

#: The most frequent short words of each language written in Latin letters.
_LATIN_WORDS: dict[str, str] = {
    "en": "a i the and of to in is that it for was on with as by at this be are from have has "
    "not we will they which said would their about but were been an or its he she than "
    "there our",
    "de": "der die das und ist nicht mit von ein eine auf für zu sich den dem des im in es "
    "wir ich sie auch bei wird werden sind hat haben aus nach wie noch dass über um oder einen "
    "einem vor",
    "fr": "le la les de en ne se et est des une un du dans pour que qui pas sur au aux avec "
    "par ce cette sont il elle nous ont plus mais ou selon été son sa ses leur entre",
    "es": "el la los las y es en que del por con una un para se no su sus al lo como más "
    "pero fue ha han está este esta según entre también sobre hasta",
    "it": "il lo la gli le e è di che del della dei delle per con una un non sono nel nella "
    "al alla si come più ma anche questo questa ha hanno secondo degli",
    "pt": "o a os as e é de do da dos das que em no na nos nas um uma para com não por se "
    "mais foi são ao pelo pela como mas também segundo está seu sua",
    "nl": "de het een en is van dat die niet met op voor zijn te aan er ook als bij om maar "
    "wordt worden heeft hebben naar dan nog uit wij zal",
    "pl": "i w na z że do się nie jest to od za po o jak ale przez oraz dla są tak już jego "
    "jej był była było które który która także ze ich może",
    "cs": "a je se na v ve že to s z do o k pro jsou jako ale by byl byla bylo jeho její "
    "který která které také podle už není mezi při",
    "sv": "och i att det en ett är på som för med av till den inte har om de vi kommer var "
    "från men ska enligt eller också",
    "da": "og i at det en et er på som for med af til den ikke har om de vi vil var fra men "
    "skal ifølge eller også blev efter",
    "fi": "ja on ei se että oli ovat hän myös kun mutta tai joka jotka kanssa mukaan sen ole "
    "tämä vuonna noin yli kuin",
    "tr": "ve bir bu da de için ile olarak daha çok ama gibi olan her ise kadar sonra göre "
    "değil var yok",
    "ro": "și în de la a cu pe este care din un o nu mai pentru că sunt au fost sau prin "
    "dar acest această potrivit",
    "hu": "a az és hogy nem is egy van meg de ez azt már csak mint volt lesz szerint között "
    "pedig vagy kell",
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga adalah ke karena "
    "oleh ada mereka kami sebagai telah bisa",
    "vi": "và của là có được trong cho những các một không với này đã người để khi về theo nhiều",
}
#: The same for languages written in Cyrillic letters.
_CYRILLIC_WORDS: dict[str, str] = {
    "ru": "и в не на что с по это как к из за он она мы они но до у о для от так уже был "
    "была было будет также его её их который которые или если же бы при",
    "uk": "і й в у не на що з до це як за він вона ми вони але від для так вже був була "
    "було буде також його її їх який які або якщо ж би при та",
    "be": "і у ў не на што з да гэта як за ён яна мы яны але ад для так ужо быў была было "
    "будзе таксама яго які якія або калі",
    "bg": "и в на не да се е за от с по че са това като които който но ще бъде има към при "
    "след още или според те той тя",
    "sr": "и у на је да се не за од са што су као али из по ће био била који која које према",
}
_STOP_WORDS: dict[str, dict[str, frozenset[str]]] = {
    "latin": {lang: frozenset(words.split()) for lang, words in _LATIN_WORDS.items()},
    "cyrillic": {lang: frozenset(words.split()) for lang, words in _CYRILLIC_WORDS.items()},
}
#: What a text in each script is read as when its language is not one of ``SUPPORTED``.
_READ_AS = {"cyrillic": "ru"}


@dataclass(frozen=True)
class Detection:
    """What a text looks like: ``code`` is the language it is written in (an ISO 639-1
    code, ``UNDETERMINED`` for letters of no language known here, ``None`` when the text is
    too short to tell); ``reading`` is the grammar it is read with (one of ``SUPPORTED``)."""

    code: str | None
    reading: str

    @property
    def unsupported(self) -> bool:
        """Whether the text is in a language the extractor does not read."""
        return self.code is not None and self.code not in SUPPORTED


def identify_language(text: str, sample: int = 20_000) -> Detection:
    """The language of ``text`` (only its first ``sample`` characters are read)."""
    head = text[:sample]
    counts = {name: len(pattern.findall(head)) for name, pattern in _SCRIPT_PATTERNS.items()}
    script = max(counts, key=lambda name: counts[name])
    if counts[script] == 0:
        return Detection(None, "en")
    if script not in ("latin", "cyrillic"):
        return _by_script(script, counts)
    words = [word for word in _WORDS.findall(head.lower()) if _SCRIPT_PATTERNS[script].match(word)]
    reading = _READ_AS.get(script) or _de_or_en(head)
    if len(words) < _MIN_WORDS:
        return Detection(None, reading)
    return Detection(_by_words(script, words, reading), reading)


def detect_language(text: str, sample: int = 20_000) -> str:
    """'ru', 'de' or 'en': the grammar ``text`` is read with (only its first ``sample``
    characters are read). A text in another language is read as English, or as Russian
    when it is written in Cyrillic letters."""
    return identify_language(text, sample).reading


def unsupported_message(name: str, detection: Detection) -> str | None:
    """The one line that tells a user the document ``name`` is in a language claimkb does
    not read, or ``None`` when it is in one it reads (or too short to tell)."""
    if not detection.unsupported:
        return None
    reading = NAMES[detection.reading]
    if detection.code == UNDETERMINED:
        return (
            f"{name}: the text is in no language claimkb recognises (it reads German, Russian "
            f"and English); read as {reading}"
        )
    code = detection.code or ""
    return (
        f"{name}: the text looks like {NAMES[code]} ({code}), which claimkb does not read; "
        f"read as {reading}"
    )


def _by_script(script: str, counts: dict[str, int]) -> Detection:
    """A script of one language: named when there is enough of it to be sure."""
    if script in ("zh", "ja"):
        ideographs = counts["zh"] + counts["ja"]
        enough = ideographs >= _MIN_IDEOGRAPHS
        code = "ja" if counts["ja"] >= _KANA_SHARE * ideographs else "zh"
        return Detection(code if enough else None, "en")
    least = _MIN_IDEOGRAPHS if script == "th" else _MIN_LETTERS
    return Detection(script if counts[script] >= least else None, "en")


def _by_words(script: str, words: list[str], reading: str) -> str | None:
    """The language whose function words a text of ``script`` holds clearly most of;
    ``reading`` unless another language wins by ``_MARGIN``; ``UNDETERMINED`` for a long
    text that holds hardly any known function word."""
    lists = _STOP_WORDS[script]
    hits = Counter({lang: sum(word in found for word in words) for lang, found in lists.items()})
    supported = max((hits[lang] for lang in lists if lang in SUPPORTED), default=0)
    foreign = [(count, lang) for lang, count in hits.items() if lang not in SUPPORTED]
    count, lang = max(foreign, key=lambda pair: pair[0])
    if count >= _MIN_HITS and count >= _MARGIN * supported and count >= _MIN_SHARE * len(words):
        return lang
    known = max(hits.values()) / len(words)
    if len(words) >= _UNKNOWN_WORDS and known < _UNKNOWN_SHARE:
        return UNDETERMINED
    return reading


@cache
def _common_words(lang: str) -> re.Pattern[str]:
    """The most frequent short words of ``lang`` (its ``words.yaml``), as whole words."""
    words = load_language_file(lang, "words.yaml", GrammarWords).common_words
    either = "|".join(map(re.escape, words)) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{either})(?!\w)", re.IGNORECASE)


def _de_or_en(head: str) -> str:
    """German or English, by counts of their most frequent short words (English on a tie)."""
    german, english = _common_words("de"), _common_words("en")
    return "de" if len(german.findall(head)) > len(english.findall(head)) else "en"
