"""Reading the search index: one function, `search()`, two engines.

PostgreSQL: weighted full-text search over the stored tsvector (GIN index),
websearch syntax (`"exact phrase"`, `-exclude`, `or`), ts_rank ordering,
ts_headline snippets, British/American spelling folding, and typo correction
by trigram similarity against the words of titles, other names and summaries.

SQLite (development fallback): every query word must appear in the title,
other names, summary or body (case-insensitive, any known spelling); title
and other-name matches first, then newest. No stemming, no phrase syntax.

Either way a search costs a fixed number of SQL queries: the counts per kind
and the page, one more to count one kind of a very common query, and two
more when a spelling correction is tried.
"""

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Case, F, Func, IntegerField, Q, QuerySet, TextField, Value, When
from django.db.models.functions import Length
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from . import services
from .documents import SearchKind
from .models import SearchEntry, SearchTerm
from .spelling import normalise, variants

MAX_QUERY_LENGTH = 200
PER_PAGE = 20
# Fewer results than this and a spelling correction is tried.
FEW_RESULTS = 3
# Trigram similarity a correction needs (0..1).
MIN_SIMILARITY = 0.4
MAX_QUERY_WORDS = 12
# A query matching more documents than this is shown as "more than COUNT_LIMIT
# results" and ranked among a bounded candidate set (see _PG_CANDIDATE_PAGE):
# exact counts and ranks of tens of thousands of rows cost O(matches); this
# keeps every search's work bounded.
COUNT_LIMIT = 500
TITLE_CANDIDATES = 150
BODY_CANDIDATES = 300
# ts_headline parses its whole input; the snippet comes from the first part.
HEADLINE_CHARACTERS = 2000
# How much a title made mostly of the query words adds to ts_rank.
TITLE_BONUS = 2
SNIPPET_LENGTH = 240

_CONTROL = re.compile("[\x00-\x1f\x7f\ue000\ue001]")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_OPERATORS = {"or", "and", "not"}


def clean_query(raw: str | None) -> str:
    """The query as we will use and show it: no control characters, one line, bounded."""
    text = _CONTROL.sub(" ", raw or "")
    return _SPACES.sub(" ", text).strip()[:MAX_QUERY_LENGTH].strip()


@dataclass(frozen=True)
class SearchHit:
    kind: str
    title: str
    url: str
    snippet: SafeString
    published_at: datetime | None
    language: str = "en"

    @property
    def kind_label(self) -> str:
        return SearchKind(self.kind).label


@dataclass
class SearchResults:
    query: str
    kind: str
    page: Page
    total: int
    counts: dict[str, int] = field(default_factory=dict)
    # More than COUNT_LIMIT matches: the per-kind counts come from a sample.
    capped: bool = False
    # The query actually run, when the original found nothing and a correction did.
    corrected_query: str = ""
    # A correction that finds more, offered as a link ("Did you mean ...?").
    suggestion: str = ""

    @property
    def hits(self) -> list[SearchHit]:
        return list(self.page.object_list)

    @property
    def total_all_kinds(self) -> int:
        return sum(self.counts.values())

    @property
    def count_limit(self) -> int:
        return COUNT_LIMIT

    @property
    def total_capped(self) -> bool:
        return self.total > COUNT_LIMIT


class _KnownCountPaginator(Paginator):
    """A paginator whose count comes from the per-kind counts already fetched."""

    def __init__(self, object_list, per_page, *, count: int):
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count


def _marked(text: str) -> SafeString:
    """Escape everything, then turn our private markers into <mark> elements."""
    escaped = escape(_SPACES.sub(" ", text).strip())
    escaped = escaped.replace(services.MARK_START, "<mark>").replace(services.MARK_STOP, "</mark>")
    return mark_safe(escaped)  # escaped above; the only tags are our own <mark>s


# PostgreSQL ---------------------------------------------------------------
#
# The hot path is plain SQL, built once: at 100,000 documents the ORM's query
# building cost as much as the queries themselves. websearch_to_tsquery() of a
# constant is folded at plan time, so the GIN indexes are used.

_TABLE = SearchEntry._meta.db_table
# The query read in the page's language, or'ed with the same query read unstemmed
# and unaccented, which only drug names are indexed with (services.NAMES_CONFIG).
_TSQUERY = (
    "(websearch_to_tsquery(%(config)s::regconfig, %(query)s)"
    " || websearch_to_tsquery(%(names_config)s::regconfig, %(query)s))"
)
_RANK = (
    f"(ts_rank(search_vector, {_TSQUERY})"
    f" + %(title_bonus)s * coalesce(ts_rank(title_vector, {_TSQUERY}, 2), 0))"
)
_HEADLINE = (
    f"ts_headline(%(config)s::regconfig, left(coalesce(e.summary, '') || ' \n ' || coalesce(e.body, ''),"
    f" %(headline_characters)s), {_TSQUERY}, %(headline_options)s)"
)
_KIND = "AND kind = %(kind)s"
_PG_COUNTS = f"""
    SELECT sample.kind, count(*) FROM (
        SELECT kind FROM {_TABLE} WHERE search_vector @@ {_TSQUERY} {{kind}} LIMIT %(limit)s
    ) AS sample GROUP BY sample.kind
"""
# Every match ranked: for at most COUNT_LIMIT matches.
_PG_PAGE = f"""
    SELECT e.kind, e.title, e.url, e.published_at, e.language, {_HEADLINE}
    FROM {_TABLE} AS e
    WHERE e.search_vector @@ {_TSQUERY} {{kind}}
    ORDER BY {_RANK} DESC, e.published_at DESC NULLS LAST, e.id DESC
    LIMIT %(page_size)s OFFSET %(offset)s
"""
# Very many matches: ranked among bounded candidates. Up to TITLE_CANDIDATES
# title or other-name matches (small title-only index) and the first
# BODY_CANDIDATES matches anywhere; each LIMIT stops its scan early and the
# rank is computed inside the scans, so the cost does not grow with the
# number of matches.
_PG_CANDIDATE_PAGE = f"""
    WITH page AS (
        SELECT id, rank, published_at FROM (
            (SELECT id, {_RANK} AS rank, published_at FROM {_TABLE}
             WHERE title_vector @@ {_TSQUERY} {{kind}} LIMIT %(title_candidates)s)
            UNION
            (SELECT id, {_RANK} AS rank, published_at FROM {_TABLE}
             WHERE search_vector @@ {_TSQUERY} {{kind}} LIMIT %(body_candidates)s)
        ) AS candidate
        ORDER BY rank DESC, published_at DESC NULLS LAST, id DESC
        LIMIT %(page_size)s OFFSET %(offset)s
    )
    SELECT e.kind, e.title, e.url, e.published_at, e.language, {_HEADLINE}
    FROM page JOIN {_TABLE} AS e ON e.id = page.id
    ORDER BY page.rank DESC, page.published_at DESC NULLS LAST, page.id DESC
"""
_HEADLINE_OPTIONS = ", ".join(
    [
        f'StartSel="{services.MARK_START}"',
        f'StopSel="{services.MARK_STOP}"',
        "MaxWords=35",
        "MinWords=15",
        "MaxFragments=2",
        'FragmentDelimiter=" … "',
    ]
)


# websearch_to_tsquery turns each "-" into a NOT; a run of them ("------",
# "- - -") nests NOTs until PostgreSQL raises "tsquery stack too small". One
# "-" means the same as many, so a run becomes one.
_NEGATION_RUN = re.compile(r"-(?:\s*-)+")


def websearch_safe(query: str) -> str:
    """`query` with operator runs that websearch_to_tsquery cannot parse folded to their meaning."""
    return _NEGATION_RUN.sub("-", query)


def _pg_params(query: str, kind: str, language: str, **extra) -> dict:
    return {
        "config": services.config_for(language),
        "names_config": services.NAMES_CONFIG,
        "query": websearch_safe(normalise(query)),
        "kind": kind,
        "title_bonus": TITLE_BONUS,
        "headline_characters": HEADLINE_CHARACTERS,
        "headline_options": _HEADLINE_OPTIONS,
        **extra,
    }


def _pg_counts(query: str, kind: str = "", language: str = "en") -> dict[str, int]:
    sql = _PG_COUNTS.format(kind=_KIND if kind else "")
    with connection.cursor() as cursor:
        cursor.execute(sql, _pg_params(query, kind, language, limit=COUNT_LIMIT + 1))
        return dict(cursor.fetchall())


class _PostgresRows:
    """The ranked rows of a search, fetched a page at a time by the paginator."""

    def __init__(self, query: str, kind: str, *, many: bool, language: str = "en"):
        self.query, self.kind, self.many, self.language = query, kind, many, language

    def __getitem__(self, page: slice) -> list[dict]:
        template = _PG_CANDIDATE_PAGE if self.many else _PG_PAGE
        params = _pg_params(
            self.query,
            self.kind,
            self.language,
            page_size=page.stop - page.start,
            offset=page.start,
            title_candidates=TITLE_CANDIDATES,
            body_candidates=BODY_CANDIDATES,
        )
        with connection.cursor() as cursor:
            cursor.execute(template.format(kind=_KIND if self.kind else ""), params)
            names = ("kind", "title", "url", "published_at", "language", "headline")
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _pg_corrections(words: list[str]) -> dict[str, str]:
    """Each word's closest indexed word by trigram similarity, in one query."""
    sql = f"""
        SELECT w.word, t.term, similarity(t.term, w.word)
        FROM unnest(%s::text[]) AS w(word)
        CROSS JOIN LATERAL (
            SELECT term FROM {SearchTerm._meta.db_table}
            WHERE term %% w.word
            ORDER BY similarity(term, w.word) DESC, term
            LIMIT 1
        ) AS t
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [words])
        return {word: term for word, term, similarity in cursor.fetchall() if similarity >= MIN_SIMILARITY}


# SQLite fallback ------------------------------------------------------------


# Accents folded, so "medicacion" finds "medicación" and "zmniejszanie" with
# or without Polish letters. Python's own lower() also folds non-ASCII capitals,
# which SQLite's LIKE does not.
_FOLD_FUNCTION = "wc_fold"
_UNDECOMPOSABLE = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "ß": "ss"})


def fold(text: str | None) -> str:
    """`text` lower-cased with accents and diacritics removed ("Łódź" -> "lodz")."""
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_UNDECOMPOSABLE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _folding_ready() -> bool:
    """Register fold() with this SQLite connection (cheap; idempotent); False elsewhere."""
    if connection.vendor != "sqlite":
        return False
    connection.ensure_connection()
    connection.connection.create_function(_FOLD_FUNCTION, 1, fold, deterministic=True)
    return True


class _Folded(Func):
    function = _FOLD_FUNCTION
    output_field = TextField()


def _plain_words(query: str) -> list[str]:
    words = [word for word in _WORD.findall(query) if word.lower() not in _OPERATORS]
    return words[:MAX_QUERY_WORDS]


def _fallback_matches(query: str) -> QuerySet:
    words = _plain_words(query)
    if not words:
        return SearchEntry.objects.none()
    entries = SearchEntry.objects.all()
    folding = _folding_ready()
    if folding:
        entries = entries.alias(
            folded_title=_Folded("title"),
            folded_other_names=_Folded("other_names"),
            folded_summary=_Folded("summary"),
            folded_body=_Folded("body"),
        )
    condition = Q()
    for word in words:
        any_field = Q()
        for spelling in variants(word):
            if folding:
                spelling = fold(spelling)
                any_field |= (
                    Q(folded_title__contains=spelling)
                    | Q(folded_other_names__contains=spelling)
                    | Q(folded_summary__contains=spelling)
                    | Q(folded_body__contains=spelling)
                )
            else:
                any_field |= (
                    Q(title__icontains=spelling)
                    | Q(other_names__icontains=spelling)
                    | Q(summary__icontains=spelling)
                    | Q(body__icontains=spelling)
                )
        condition &= any_field
    return entries.filter(condition)


def _fallback_page_rows(query: str, matches: QuerySet) -> QuerySet:
    in_title = Q()
    folding = _folding_ready()
    for word in _plain_words(query):
        for spelling in variants(word):
            if folding:
                in_title |= Q(folded_title__contains=fold(spelling)) | Q(
                    folded_other_names__contains=fold(spelling)
                )
            else:
                in_title |= Q(title__icontains=spelling) | Q(other_names__icontains=spelling)
    if not in_title:
        return matches.values("kind", "title", "url", "published_at", "language", "summary", "body")
    return (
        matches.annotate(
            title_match=Case(When(in_title, then=Value(0)), default=Value(1), output_field=IntegerField())
        )
        # Among title matches the shortest title is the closest to the query
        # (the drug's own page before a story that mentions it), as the
        # PostgreSQL ranking's title bonus does.
        .order_by("title_match", Length("title"), F("published_at").desc(nulls_last=True), "-pk")
        .values("kind", "title", "url", "published_at", "language", "summary", "body")
    )


def _fallback_snippet(row: dict, query: str) -> SafeString:
    text = _SPACES.sub(" ", f"{row['summary']} {row['body']}").strip()
    spellings = sorted({s for word in _plain_words(query) for s in variants(word)}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(s) for s in spellings), re.IGNORECASE) if spellings else None
    start = 0
    if pattern and (found := pattern.search(text)):
        start = max(0, found.start() - SNIPPET_LENGTH // 3)
    excerpt = text[start : start + SNIPPET_LENGTH]
    if start:
        excerpt = "… " + excerpt
    if start + SNIPPET_LENGTH < len(text):
        excerpt += " …"
    if pattern:
        excerpt = pattern.sub(lambda m: f"{services.MARK_START}{m.group(0)}{services.MARK_STOP}", excerpt)
    return _marked(excerpt)


def _fallback_corrections(words: list[str]) -> dict[str, str]:
    first_letters = Q()
    for word in words:
        first_letters |= Q(term__startswith=word[0])
    known = list(SearchTerm.objects.filter(first_letters).values_list("term", flat=True)[:20_000])
    corrections = {}
    for word in words:
        close = difflib.get_close_matches(word, known, n=1, cutoff=0.75)
        if close:
            corrections[word] = close[0]
    return corrections


# Both ------------------------------------------------------------------------


def _counts(query: str, kind: str = "", language: str = "en") -> dict[str, int]:
    """Matches per kind, counting at most COUNT_LIMIT + 1 (one query, bounded work)."""
    if services.uses_full_text_search():
        return _pg_counts(query, kind, language)
    matches = _fallback_matches(query)
    if kind:
        matches = matches.filter(kind=kind)
    if matches.query.is_empty():
        return {}
    sample_sql, params = matches.order_by().values("kind")[: COUNT_LIMIT + 1].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT sample.kind, COUNT(*) FROM ({sample_sql}) AS sample GROUP BY sample.kind", params
        )
        return dict(cursor.fetchall())


def _rows(query: str, kind: str, *, many: bool, language: str = "en"):
    if services.uses_full_text_search():
        return _PostgresRows(query, kind, many=many, language=language)
    matches = _fallback_matches(query)
    return _fallback_page_rows(query, matches.filter(kind=kind) if kind else matches)


def correct(query: str) -> str:
    """`query` with misspelt words replaced by the closest indexed word ("" if none)."""
    candidates = []
    for match in _WORD.finditer(query):
        word = match.group(0).lower()
        negated = match.start() > 0 and query[match.start() - 1] == "-"
        if len(word) >= 4 and not word.isdigit() and word not in _OPERATORS and not negated:
            candidates.append(word)
    candidates = list(dict.fromkeys(candidates))[:MAX_QUERY_WORDS]
    if not candidates:
        return ""
    if services.uses_full_text_search():
        corrections = _pg_corrections(candidates)
    else:
        corrections = _fallback_corrections(candidates)
    changed = {word: term for word, term in corrections.items() if term != word}
    if not changed:
        return ""

    def replace(match: re.Match[str]) -> str:
        return changed.get(match.group(0).lower(), match.group(0))

    return _WORD.sub(replace, query)


def search(
    query: str,
    *,
    kind: str = "",
    page: int | str | None = 1,
    per_page: int = PER_PAGE,
    language: str | None = None,
) -> SearchResults:
    """Search every published document; `query` must already be `clean_query`-ed.

    The query is read in `language` (by default the page's): stemmed in
    Spanish on /es/, unstemmed and unaccented on /pl/; drug names match in
    every language either way.
    """
    if kind not in SearchKind.values:
        kind = ""
    language = language or get_language() or "en"
    counts = _counts(query, language=language)
    run_query = query
    corrected_query = suggestion = ""
    if sum(counts.values()) < FEW_RESULTS and (candidate := correct(query)):
        candidate_counts = _counts(candidate, language=language)
        if sum(candidate_counts.values()) > sum(counts.values()):
            if counts:
                suggestion = candidate
            else:
                corrected_query, run_query, counts = candidate, candidate, candidate_counts
    capped = sum(counts.values()) > COUNT_LIMIT
    if not kind:
        total = sum(counts.values())
    elif capped:  # the per-kind counts are from a sample: count this kind on its own
        total = sum(_counts(run_query, kind, language).values())
    else:
        total = counts.get(kind, 0)
    rows = _rows(run_query, kind, many=total > COUNT_LIMIT, language=language)
    paginator = _KnownCountPaginator(rows, per_page, count=min(total, COUNT_LIMIT))
    page_obj = paginator.get_page(page)
    page_obj.object_list = [_hit(row, run_query) for row in page_obj.object_list] if total else []
    return SearchResults(
        query=query,
        kind=kind,
        page=page_obj,
        total=total,
        counts=counts,
        capped=capped,
        corrected_query=corrected_query,
        suggestion=suggestion,
    )


def _hit(row: dict, query: str) -> SearchHit:
    snippet = _marked(row["headline"] or "") if "headline" in row else _fallback_snippet(row, query)
    url = row["url"] if row["url"].startswith(("/", "https://", "http://")) else ""
    return SearchHit(
        kind=row["kind"],
        title=row["title"],
        url=url,
        snippet=snippet,
        published_at=row["published_at"],
        language=row.get("language") or "en",
    )
