"""Reading the search index: one function, `search()`, two engines.

PostgreSQL: weighted full-text search over the stored tsvector (GIN index),
websearch syntax (`"exact phrase"`, `-exclude`, `or`), ts_rank ordering,
ts_headline snippets, British/American spelling folding, and typo correction
by trigram similarity against the words of titles, other names and summaries.

SQLite (development fallback): every query word must appear in the title,
other names, summary or body (case-insensitive, any known spelling); title
and other-name matches first, then newest. No stemming, no phrase syntax.

Either way a search costs a fixed number of SQL queries: the counts per kind
and the page, plus at most two more when a correction is tried.
"""

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, QuerySet, TextField, Value, When
from django.db.models.functions import Coalesce, Concat, Left
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

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
# A query matching more documents than this is counted as "more than COUNT_LIMIT"
# and ranked among a bounded candidate set (see _pg_candidates): exact counts
# and ranks of tens of thousands of rows cost O(matches), this costs O(1).
COUNT_LIMIT = 1000
TITLE_CANDIDATES = 200
BODY_CANDIDATES = 400
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
    # More than COUNT_LIMIT matches: counts are lower bounds, shown as "1,000+".
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


def _ts_query(query: str) -> SearchQuery:
    return SearchQuery(normalise(query), search_type="websearch", config=services.SEARCH_CONFIG)


def _rank(ts_query: SearchQuery):
    """ts_rank with weights A (title, other names) > B (summary) > C (body), plus a
    bonus when the query is most of the title, so the page *about* sertraline
    comes before the many pages that merely have it in their titles."""
    title_bonus = Coalesce(SearchRank(F("title_vector"), ts_query, normalization=2), Value(0.0))
    return SearchRank(F("search_vector"), ts_query) + TITLE_BONUS * title_bonus


def _pg_matches(query: str) -> QuerySet:
    return SearchEntry.objects.filter(search_vector=_ts_query(query))


class _RankedCandidates:
    """The page of a query with very many matches, ranked among bounded candidates.

    Candidates: up to TITLE_CANDIDATES title or other-name matches (small
    title-only index) and the first BODY_CANDIDATES matches anywhere. Each
    LIMIT stops its scan early and the rank is computed inside the scans, so
    the cost no longer grows with the number of matches. Sliced by the
    paginator: one query ranks and cuts the page, one fetches its rows.
    """

    def __init__(self, query: str, kind: str):
        self.query = query
        self.kind = kind

    def count(self) -> int:  # pragma: no cover - the paginator is given the count
        return COUNT_LIMIT

    def __len__(self) -> int:
        return COUNT_LIMIT

    def __getitem__(self, page: slice) -> list[dict]:
        ts_query = _ts_query(self.query)
        rank = _rank(ts_query)
        by_title = SearchEntry.objects.filter(title_vector=ts_query)
        anywhere = SearchEntry.objects.filter(search_vector=ts_query)
        if self.kind:
            by_title, anywhere = by_title.filter(kind=self.kind), anywhere.filter(kind=self.kind)
        fields = ("pk", "rank", "published_at")
        ranked = (
            by_title.annotate(rank=rank)
            .values_list(*fields)[:TITLE_CANDIDATES]
            .union(anywhere.annotate(rank=rank).values_list(*fields)[:BODY_CANDIDATES])
            .order_by("-rank", F("published_at").desc(nulls_last=True), "-pk")
        )
        order = [pk for pk, _rank, _published in ranked[page]]
        rows = {
            row["pk"]: row for row in _with_headline(self.query, SearchEntry.objects.filter(pk__in=order))
        }
        return [rows[pk] for pk in order if pk in rows]


def _with_headline(query: str, entries: QuerySet) -> QuerySet:
    return entries.annotate(
        headline=SearchHeadline(
            Left(Concat("summary", Value(" \n "), "body", output_field=TextField()), HEADLINE_CHARACTERS),
            _ts_query(query),
            config=services.SEARCH_CONFIG,
            start_sel=services.MARK_START,
            stop_sel=services.MARK_STOP,
            max_words=35,
            min_words=15,
            max_fragments=2,
            fragment_delimiter=" … ",
        )
    ).values("pk", "kind", "title", "url", "published_at", "headline")


def _pg_page_rows(query: str, matches: QuerySet) -> QuerySet:
    rank = _rank(_ts_query(query))
    return _with_headline(query, matches.annotate(rank=rank)).order_by(
        "-rank", F("published_at").desc(nulls_last=True), "-pk"
    )


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


def _plain_words(query: str) -> list[str]:
    words = [word for word in _WORD.findall(query) if word.lower() not in _OPERATORS]
    return words[:MAX_QUERY_WORDS]


def _fallback_matches(query: str) -> QuerySet:
    words = _plain_words(query)
    if not words:
        return SearchEntry.objects.none()
    condition = Q()
    for word in words:
        any_field = Q()
        for spelling in variants(word):
            any_field |= (
                Q(title__icontains=spelling)
                | Q(other_names__icontains=spelling)
                | Q(summary__icontains=spelling)
                | Q(body__icontains=spelling)
            )
        condition &= any_field
    return SearchEntry.objects.filter(condition)


def _fallback_page_rows(query: str, matches: QuerySet) -> QuerySet:
    in_title = Q()
    for word in _plain_words(query):
        for spelling in variants(word):
            in_title |= Q(title__icontains=spelling) | Q(other_names__icontains=spelling)
    if not in_title:
        return matches.values("kind", "title", "url", "published_at", "summary", "body")
    return (
        matches.annotate(
            title_match=Case(When(in_title, then=Value(0)), default=Value(1), output_field=IntegerField())
        )
        .order_by("title_match", F("published_at").desc(nulls_last=True), "-pk")
        .values("kind", "title", "url", "published_at", "summary", "body")
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


def _matches(query: str) -> QuerySet:
    return _pg_matches(query) if services.uses_full_text_search() else _fallback_matches(query)


def _counts(matches: QuerySet) -> dict[str, int]:
    """Matches per kind, counting at most COUNT_LIMIT + 1 (one query, bounded work)."""
    kinds = matches.order_by().values_list("kind", flat=True)[: COUNT_LIMIT + 1]
    return dict(Counter(kinds))


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
    query: str, *, kind: str = "", page: int | str | None = 1, per_page: int = PER_PAGE
) -> SearchResults:
    """Search every published document; `query` must already be `clean_query`-ed."""
    if kind not in SearchKind.values:
        kind = ""
    matches = _matches(query)
    counts = _counts(matches)
    run_query = query
    corrected_query = suggestion = ""
    if sum(counts.values()) < FEW_RESULTS and (candidate := correct(query)):
        candidate_matches = _matches(candidate)
        candidate_counts = _counts(candidate_matches)
        if sum(candidate_counts.values()) > sum(counts.values()):
            if counts:
                suggestion = candidate
            else:
                corrected_query, run_query, matches, counts = (
                    candidate,
                    candidate,
                    candidate_matches,
                    candidate_counts,
                )
    capped = sum(counts.values()) > COUNT_LIMIT
    filtered = matches.filter(kind=kind) if kind else matches
    if not kind:
        total = sum(counts.values())
    elif capped:  # the per-kind counts are from a sample: count this kind on its own
        total = sum(_counts(filtered).values())
    else:
        total = counts.get(kind, 0)
    if services.uses_full_text_search():
        if total > COUNT_LIMIT:
            rows = _RankedCandidates(run_query, kind)
        else:
            rows = _pg_page_rows(run_query, filtered)
    else:
        rows = _fallback_page_rows(run_query, filtered)
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
        kind=row["kind"], title=row["title"], url=url, snippet=snippet, published_at=row["published_at"]
    )
