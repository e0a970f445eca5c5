/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-linter.c — from lexicon hits and patterns to findings.
 *
 * One normalisation (HbText), one scan of the tokens (HbMatcher), then each
 * rule looks only at the hits of its own lexicons and at the sentence they
 * stand in: no rule rescans the text.  Pattern, capitals and punctuation
 * rules read the original code points, which they need anyway.
 */
#include "config.h"

#include "hb-linter.h"

#include <string.h>

#include "hb-matcher.h"
#include "hb-patterns.h"
#include "hb-spelling-patterns.h"
#include "hb-policy-private.h"

typedef struct
{
  HbPolicy     *policy;
  const HbText *text;
  GArray       *hits;           /* HbHit, allow-listed ones removed */
  guint        *sentence_tokens; /* per sentence: first token; n_sentences + 1 */
  guint        *by_lexicon;     /* hit indices grouped by lexicon, by position within */
  guint        *lexicon_start;  /* per lexicon: where its group starts; n_lexicons + 1 */
  GArray       *shapes[HB_N_SHAPES]; /* spelling shapes (HbSpan), found once for
                                       all their rules, or NULL until asked */
  guint         info_line;      /* the line @line describes, or G_MAXUINT */
  struct {
    gboolean    bang, question;     /* a ! anywhere; a ? anywhere */
    gboolean    ends_question;      /* its last mark is a ? */
    guint       words, lower;       /* words of two letters or more; not capitals */
  } line;
  gboolean     *allowed;        /* per token: inside an allow-listed phrase */
  gboolean     *in_post;        /* per lexicon: hit anywhere in the post */
  GPtrArray    *findings;
} Lint;

/* ------------------------------------------------------------------ */
/* Allow list and sentence index                                       */

static gboolean
span_allowed (const Lint *l,
              guint       t0,
              guint       t1)
{
  for (guint t = t0; t < t1; t++)
    if (l->allowed[t])
      return TRUE;
  return FALSE;
}

/* Token t lies in a hit of lexicon @lexicon: keys of the except set.  A
 * pack has at most a few thousand lexicons (hb-policy.c's limits), well
 * under the 16 bits left for them. */
static gpointer
token_key (guint t,
           guint lexicon)
{
  return GSIZE_TO_POINTER ((((gsize) t << 16) | lexicon) + 1);
}

/* A hit of a lexicon with antipatterns (its `except`) is dropped when one
 * of them covers any of its tokens. */
static gboolean
excepted (const Lint  *l,
          GHashTable  *except_tokens,
          const HbHit *h)
{
  guint except = hb_policy_get_lexicon (l->policy, h->lexicon)->except;

  if (except == HB_NO_LEXICON)
    return FALSE;
  for (guint t = h->tstart; t < h->tend; t++)
    if (g_hash_table_contains (except_tokens, token_key (t, except)))
      return TRUE;
  return FALSE;
}

static void
apply_allow_list (Lint   *l,
                  GArray *all_hits)
{
  guint allow = hb_policy_get_allow_lexicon (l->policy);
  g_autoptr(GHashTable) except_tokens = g_hash_table_new (NULL, NULL);
  guint kept = 0;

  for (guint i = 0; i < all_hits->len; i++)
    {
      const HbHit *h = &g_array_index (all_hits, HbHit, i);

      for (guint t = h->tstart; t < h->tend; t++)
        if (h->lexicon == allow)
          l->allowed[t] = TRUE;
        else if (hb_policy_get_lexicon (l->policy, h->lexicon)->antipatterns)
          g_hash_table_add (except_tokens, token_key (t, h->lexicon));
    }
  g_array_set_size (l->hits, all_hits->len);
  for (guint i = 0; i < all_hits->len; i++)
    {
      const HbHit *h = &g_array_index (all_hits, HbHit, i);

      if (h->lexicon != allow && !span_allowed (l, h->tstart, h->tend) && !excepted (l, except_tokens, h))
        g_array_index (l->hits, HbHit, kept++) = *h;
    }
  g_array_set_size (l->hits, kept);
}

static void
index_post (Lint *l)
{
  l->in_post = g_new0 (gboolean, hb_policy_get_n_lexicons (l->policy));
  for (guint i = 0; i < l->hits->len; i++)
    l->in_post[g_array_index (l->hits, HbHit, i).lexicon] = TRUE;
}

static void
index_sentences (Lint *l)
{
  guint n = l->text->n_sentences;
  guint t = 0;

  l->sentence_tokens = g_new (guint, n + 1);
  for (guint s = 0; s <= n; s++)
    {
      while (t < l->text->tokens->len && hb_text_token (l->text, t)->sentence < s)
        t++;
      l->sentence_tokens[s] = t;
    }
}

static guint
hit_sentence (const Lint  *l,
              const HbHit *h)
{
  return hb_text_token (l->text, h->tstart)->sentence;
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const HbHit *x = a, *y = b;

  return x->tstart < y->tstart ? -1 : x->tstart > y->tstart;
}

static gboolean
hits_in_order (GArray *hits)
{
  for (guint i = 1; i < hits->len; i++)
    if (compare_hits (&g_array_index (hits, HbHit, i - 1), &g_array_index (hits, HbHit, i)) > 0)
      return FALSE;
  return TRUE;
}

/* Each lexicon's hits in order of position, so that a co-occurrence
 * condition is a binary search rather than a walk over the sentence (a
 * sentence of a megabyte with thousands of hits stays linear).  A counting
 * sort by lexicon keeps the order of position they already have. */
static void
index_lexicon_hits (Lint *l)
{
  guint n = hb_policy_get_n_lexicons (l->policy);
  g_autofree guint *next = NULL;

  /* The scan reports hits token by token, so they are almost always in
   * order already; sorting is the exception. */
  if (!hits_in_order (l->hits))
    g_array_sort (l->hits, compare_hits);
  l->lexicon_start = g_new0 (guint, n + 1);
  l->by_lexicon = g_new (guint, l->hits->len + 1);
  for (guint i = 0; i < l->hits->len; i++)
    l->lexicon_start[g_array_index (l->hits, HbHit, i).lexicon + 1]++;
  for (guint k = 0; k < n; k++)
    l->lexicon_start[k + 1] += l->lexicon_start[k];
  next = g_memdup2 (l->lexicon_start, n * sizeof (guint));
  for (guint i = 0; i < l->hits->len; i++)
    l->by_lexicon[next[g_array_index (l->hits, HbHit, i).lexicon]++] = i;
}

static const HbHit *
indexed_hit (const Lint *l,
             guint       i)
{
  return &g_array_index (l->hits, HbHit, l->by_lexicon[i]);
}

/* The first hit of a lexicon, among by_lexicon[lo..hi), that starts at
 * token @t or later. */
static guint
first_hit_from (const Lint *l,
                guint       lo,
                guint       hi,
                guint       t)
{
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (indexed_hit (l, mid)->tstart < t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Hits of one lexicon overlap each other only as a phrase and the words
 * inside it, so a few steps back reach the nearest one that does not. */
#define MAX_STEPS_BACK 16

/* A hit of @lexicon within tokens lo..hi, not overlapping t0..t1 unless
 * @allow_overlap, and within @window tokens of them (0: anywhere), or NULL. */
static const HbHit *
lexicon_present (const Lint *l,
                 guint       lexicon,
                 guint       lo,
                 guint       hi,
                 guint       t0,
                 guint       t1,
                 guint       window,
                 gboolean    allow_overlap)
{
  guint begin = l->lexicon_start[lexicon], end = l->lexicon_start[lexicon + 1];
  guint after;

  if (begin == end)
    return NULL;
  after = first_hit_from (l, begin, end, t1);
  if (after < end)
    {
      const HbHit *h = indexed_hit (l, after);

      if (h->tstart < hi && (!window || h->tstart <= t1 + window))
        return h;
    }
  for (guint i = after, steps = 0; i > begin && steps < MAX_STEPS_BACK; i--, steps++)
    {
      const HbHit *h = indexed_hit (l, i - 1);

      if (h->tstart < lo)
        break;
      if (!allow_overlap && h->tend > t0)
        continue;
      return !window || h->tend + window >= t0 ? h : NULL;
    }
  return NULL;
}

/* A hit of @group in sentences @first..@last, not overlapping tokens
 * t0..t1, within @window tokens of them (0: anywhere in those sentences),
 * or NULL. */
static const HbHit *
group_present (const Lint *l,
               GArray     *group,
               guint       first,
               guint       last,
               guint       t0,
               guint       t1,
               guint       window,
               gboolean    allow_overlap)
{
  for (guint i = 0; i < group->len; i++)
    {
      const HbHit *h = lexicon_present (l, g_array_index (group, guint, i), l->sentence_tokens[first],
                                        l->sentence_tokens[last + 1], t0, t1, window, allow_overlap);
      if (h != NULL)
        return h;
    }
  return NULL;
}

static gboolean
anywhere_in_post (const Lint *l,
                  GArray     *lexicons)
{
  for (guint i = 0; lexicons != NULL && i < lexicons->len; i++)
    if (l->in_post[g_array_index (lexicons, guint, i)])
      return TRUE;
  return FALSE;
}

/* The co-occurrence conditions of @rule around tokens t0..t1; @context
 * gets the hit that met the first of them, to name in the message. */
static gboolean
context_ok (const Lint    *l,
            const HbRule  *rule,
            guint          sentence,
            guint          t0,
            guint          t1,
            const HbHit  **context)
{
  /* Insinuation often names the person in one sentence and hints in the
   * next, so a rule may look at the neighbouring sentences too. */
  guint first = rule->with_neighbours && sentence > 0 ? sentence - 1 : sentence;
  guint last = rule->with_neighbours ? MIN (sentence + 1, l->text->n_sentences - 1) : sentence;

  *context = NULL;
  for (guint g = 0; g < rule->with->len; g++)
    {
      const HbHit *h = group_present (l, g_ptr_array_index (rule->with, g), first, last, t0, t1, rule->window, FALSE);

      if (h == NULL)
        return FALSE;
      if (*context == NULL)
        *context = h;
    }
  if (anywhere_in_post (l, rule->unless_post))
    return FALSE;
  if (rule->unless == NULL)
    return TRUE;
  if (rule->unless_in_post)
    return !anywhere_in_post (l, rule->unless);
  return group_present (l, rule->unless, sentence, sentence, t0, t1, 0, TRUE) == NULL;
}

/* ------------------------------------------------------------------ */
/* Emitting                                                            */

/* Matches the case of what was typed: "Disini" → "Di sini", "YG" → "YANG". */
static char *
match_case (const char *typed,
            const char *replacement)
{
  gunichar first = g_utf8_get_char (typed);
  g_autofree char *upper = NULL;

  if (replacement == NULL)
    return NULL;
  upper = g_utf8_strup (typed, -1);
  if (g_unichar_isupper (first) && g_utf8_strlen (typed, -1) > 1 && g_strcmp0 (upper, typed) == 0)
    return g_utf8_strup (replacement, -1);
  if (g_unichar_isupper (first))
    {
      g_autofree char *head = g_utf8_strup (replacement, g_utf8_next_char (replacement) - replacement);
      return g_strconcat (head, g_utf8_next_char (replacement), NULL);
    }
  return g_strdup (replacement);
}

static void
emit (Lint         *l,
      const HbRule *rule,
      guint         ostart,
      guint         oend,
      const char   *replacement,
      const HbHit  *context)
{
  char *typed = hb_text_slice (l->text, ostart, oend);
  g_autofree char *fixed = match_case (typed, replacement);
  HbFinding *f = hb_finding_new (l->policy, rule, ostart, oend, typed, fixed);

  if (context != NULL)
    {
      g_autofree char *words = hb_text_slice (l->text, context->ostart, context->oend);
      hb_finding_set_context (f, words);
    }
  g_ptr_array_add (l->findings, f);
}

static void
run_lexical (Lint *l)
{
  for (guint i = 0; i < l->hits->len; i++)
    {
      const HbHit *h = &g_array_index (l->hits, HbHit, i);
      GPtrArray *rules = hb_policy_get_lexicon_rules (l->policy, h->lexicon);
      guint sentence = hit_sentence (l, h);

      for (guint r = 0; r < rules->len; r++)
        {
          const HbRule *rule = g_ptr_array_index (rules, r);
          const HbLexicon *lex;
          const HbTerm *term;
          const HbHit *context;

          if (!context_ok (l, rule, sentence, h->tstart, h->tend, &context))
            continue;
          lex = hb_policy_get_lexicon (l->policy, h->lexicon);
          term = g_ptr_array_index (lex->terms, h->term);
          emit (l, rule, h->ostart, h->oend, term->replacement, context);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Patterns, capitals, punctuation                                     */

/* The spelling shapes come from one pass over the tokens, made for the
 * first rule that asks. */
static void
find_shape (Lint            *l,
            HbSpellingShape  shape,
            GArray          *spans)
{
  if (l->shapes[0] == NULL)
    {
      for (guint i = 0; i < HB_N_SHAPES; i++)
        l->shapes[i] = g_array_new (FALSE, FALSE, sizeof (HbSpan));
      hb_find_spelling_shapes (l->text, l->shapes);
    }
  g_array_append_vals (spans, l->shapes[shape]->data, l->shapes[shape]->len);
}

static void
find_pattern (Lint         *l,
              const HbRule *rule,
              GArray       *spans)
{
  switch (rule->pattern)
    {
    case HB_PATTERN_MYKAD:
      hb_find_mykad (l->text, spans);
      break;
    case HB_PATTERN_MOBILE:
      hb_find_mobile (l->text, spans);
      break;
    case HB_PATTERN_EMAIL:
      hb_find_email (l->text, (const char * const *) rule->allow_domains, spans);
      break;
    case HB_PATTERN_REDUPLICATION:
      hb_find_numeral_reduplication (l->text, spans);
      break;
    case HB_PATTERN_NAMED_PERSON:
      hb_find_named_person (l->text, spans);
      break;
    case HB_PATTERN_OLD_HYPHENATION:
      hb_find_old_hyphenation (l->text, spans);
      break;
    case HB_PATTERN_VEHICLE_PLATE:
      hb_find_vehicle_plate (l->text, spans);
      break;
    case HB_PATTERN_CENSORED:
      hb_find_censored_word (l->text, spans);
      break;
    case HB_PATTERN_REPEATED_WORD:
      find_shape (l, HB_SHAPE_REPEATED_WORD, spans);
      break;
    case HB_PATTERN_PASSIVE_APART:
      find_shape (l, HB_SHAPE_PASSIVE_APART, spans);
      break;
    case HB_PATTERN_GLUED_DI:
      find_shape (l, HB_SHAPE_GLUED_DI, spans);
      break;
    case HB_PATTERN_AN_NYA:
      find_shape (l, HB_SHAPE_AN_NYA, spans);
      break;
    case HB_PATTERN_ADDRESS:
    case HB_N_PATTERNS:
    default:
      hb_find_home_address (l->text, spans);
      break;
    }
}

static void
run_pattern (Lint         *l,
             const HbRule *rule)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (HbSpan));

  if (l->text->tokens->len == 0)
    return;
  find_pattern (l, rule, spans);
  for (guint i = 0; i < spans->len; i++)
    {
      const HbSpan *sp = &g_array_index (spans, HbSpan, i);
      guint t0 = hb_text_token_at (l->text, sp->start);
      guint t1 = hb_text_token_at (l->text, sp->end > 0 ? sp->end - 1 : 0) + 1;
      const HbHit *context;

      if (span_allowed (l, t0, t1))
        continue;
      if (context_ok (l, rule, hb_text_token (l->text, t0)->sentence, t0, t1, &context))
        emit (l, rule, sp->start, sp->end, NULL, context);
    }
}

/* "SWCorp" in a heading typed in capitals: an acronym with a tail. */
static gboolean
is_capital_acronym (const HbText  *text,
                    const HbToken *tok)
{
  return tok->oend - tok->ostart >= 2 && g_unichar_isupper (text->orig[tok->ostart]) &&
         g_unichar_isupper (text->orig[tok->ostart + 1]);
}

/* What the caps rule needs to know of the line token @t is on.  Caps runs
 * ask once per run, and a long line has many: it is kept per line. */
static void
describe_line (Lint  *l,
               guint  t)
{
  const HbText *text = l->text;
  guint line = hb_text_token (text, t)->line;
  guint first = t, i;

  if (l->info_line == line)
    return;
  memset (&l->line, 0, sizeof l->line);
  l->info_line = line;
  while (first > 0 && hb_text_token (text, first - 1)->line == line)
    first--;
  for (i = first; i < text->tokens->len && hb_text_token (text, i)->line == line; i++)
    {
      const HbToken *tok = hb_text_token (text, i);

      if (!(tok->flags & HB_TOKEN_ALPHA) || tok->cend - tok->cstart < 2)
        continue;
      l->line.words++;
      if (!(tok->flags & HB_TOKEN_UPPER) && !is_capital_acronym (text, tok))
        l->line.lower++;
    }
  for (i = hb_text_token (text, first)->ostart; i < text->n_orig && text->orig[i] != '\n'; i++)
    if (text->orig[i] == '!' || text->orig[i] == '?')
      {
        l->line.bang |= text->orig[i] == '!';
        l->line.question |= text->orig[i] == '?';
        l->line.ends_question = text->orig[i] == '?';
      }
}

typedef struct
{
  guint start, last, words, letters;
} CapsRun;

/* A heading typed in capitals on a line of its own ("NOTIS PENUTUPAN
 * JALAN 2026", "ADAKAH PEJABAT SWCorp ADA DI SELURUH MALAYSIA?"), a
 * dateline or a sign-off block is a convention, not shouting: no
 * lower-case word on the line, no !, no closing full stop, a ? only to end
 * a question heading, and at most twenty words. */
static gboolean
is_heading (Lint          *l,
            const CapsRun *run)
{
  guint end = hb_text_token (l->text, run->last)->oend;

  describe_line (l, run->start);
  if (l->line.lower > 0 || l->line.words > 20 || l->line.bang ||
      (l->line.question && (!l->line.ends_question || l->line.words > 12)))
    return FALSE;
  while (end < l->text->n_orig && l->text->orig[end] != '\n' && g_unichar_isspace (l->text->orig[end]))
    end++;
  return end >= l->text->n_orig || l->text->orig[end] != '.';
}

/* "…, SUDAH TERBATAL!": in running text a shorter run is shouting too when
 * a ! closes it (a line all in capitals, "AWAS PENIPUAN!", is an alert's
 * heading, and "SCAM ALERT! Ada pihak …" starts its line as a kicker). */
static gboolean
closed_by_bang (Lint          *l,
                const CapsRun *run)
{
  guint end = hb_text_token (l->text, run->last)->oend;

  describe_line (l, run->start);
  if (l->line.lower == 0 || (hb_text_token (l->text, run->start)->flags & HB_TOKEN_LINE_START))
    return FALSE;
  while (end < l->text->n_orig && l->text->orig[end] == ' ')
    end++;
  return end < l->text->n_orig && l->text->orig[end] == '!';
}

static void
flush_caps (Lint         *l,
            const HbRule *rule,
            CapsRun      *run)
{
  gboolean shouted = run->words >= rule->min_words && run->letters >= rule->min_letters;

  if (!shouted && run->words >= 2 && run->letters >= rule->min_letters / 2)
    shouted = closed_by_bang (l, run);
  if (run->words > 0 && shouted && !is_heading (l, run))
    emit (l, rule, hb_text_token (l->text, run->start)->ostart,
          hb_text_token (l->text, run->last)->oend, NULL, NULL);
  run->words = run->letters = 0;
}

/* Shouting: min_words or more words in capitals in a row on one line.
 * Numbers and one-letter words neither count nor break a run. */
static void
run_caps (Lint         *l,
          const HbRule *rule)
{
  CapsRun run = { 0, 0, 0, 0 };
  guint line = G_MAXUINT;

  for (guint t = 0; t < l->text->tokens->len; t++)
    {
      const HbToken *tok = hb_text_token (l->text, t);
      guint len = tok->cend - tok->cstart;

      if (tok->line != line)
        {
          if (run.words > 0)
            flush_caps (l, rule, &run);
          line = tok->line;
        }
      if (!(tok->flags & HB_TOKEN_ALPHA) || len < 2)
        continue;
      if (!(tok->flags & HB_TOKEN_UPPER))
        {
          if (run.words > 0)
            flush_caps (l, rule, &run);
          continue;
        }
      if (run.words++ == 0)
        run.start = t;
      run.letters += len;
      run.last = t;
    }
  flush_caps (l, rule, &run);
}

/* "!!!", "???", "?!": runs of min_run or more marks.  NFKC has already
 * turned fullwidth marks into ASCII, so a byte search finds them all. */
static void
run_punctuation (Lint         *l,
                 const HbRule *rule)
{
  const HbText *text = l->text;
  const char *norm = text->norm->str;
  guint min_run = MAX (rule->min_run, 2);

  for (const char *p = strpbrk (norm, "!?"); p != NULL; p = strpbrk (p, "!?"))
    {
      gsize run = strspn (p, "!?");

      if (run >= min_run)
        {
          guint first = hb_text_char_at_byte (text, p - norm);
          guint last = hb_text_char_at_byte (text, p - norm + run - 1);

          emit (l, rule, text->nsrc[first], hb_text_src_end (text, last), NULL, NULL);
        }
      p += run;
    }
}

/* ------------------------------------------------------------------ */

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const HbFinding *fa = *(HbFinding **) a, *fb = *(HbFinding **) b;

  if (fa->start != fb->start)
    return fa->start < fb->start ? -1 : 1;
  if (fa->end != fb->end)
    return fa->end > fb->end ? -1 : 1;
  return g_strcmp0 (hb_rule_get_id (fa->rule), hb_rule_get_id (fb->rule));
}

/* Sorts by position and drops a finding that an earlier finding of the
 * same rule already covers (a phrase and a word inside it). */
static GPtrArray *
tidy (GPtrArray *findings)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) hb_finding_free);

  g_ptr_array_sort (findings, compare_findings);
  for (guint i = 0; i < findings->len; i++)
    {
      HbFinding *f = findings->pdata[i];
      gboolean covered = FALSE;

      for (guint k = out->len; k > 0 && !covered; k--)
        {
          HbFinding *prev = out->pdata[k - 1];

          if (prev->end <= f->start)
            break;
          covered = prev->rule == f->rule && prev->start <= f->start && f->end <= prev->end;
        }
      if (!covered)
        g_ptr_array_add (out, g_steal_pointer (&findings->pdata[i]));
    }
  return out;
}

static void
run_rules (Lint *l)
{
  for (guint r = 0; r < hb_policy_get_n_rules (l->policy); r++)
    {
      const HbRule *rule = hb_policy_get_rule (l->policy, r);

      if (rule->kind == HB_RULE_PATTERN)
        run_pattern (l, rule);
      else if (rule->kind == HB_RULE_CAPS)
        run_caps (l, rule);
      else if (rule->kind == HB_RULE_PUNCTUATION)
        run_punctuation (l, rule);
    }
  run_lexical (l);
}

/* Lints @text (UTF-8; @len may be -1) and returns its findings sorted by
 * position.  Fails only for invalid UTF-8, naming the byte offset. */
GPtrArray *
hb_lint (HbPolicy   *policy,
         const char *text,
         gssize      len,
         GError    **error)
{
  g_autoptr(HbText) t = NULL;

  g_return_val_if_fail (HB_IS_POLICY (policy), NULL);
  if (len < 0)
    len = strlen (text);
  if ((t = hb_text_new_validated (text, len, error)) == NULL)
    return NULL;
  return hb_lint_text (policy, t);
}

/**
 * hb_lint_text:
 *
 * hb_lint() over a text already decoded and normalised, for a caller that
 * reads the same HbText for more than the lint (hb_post_lint counts and
 * finds the links of the caption from it).
 *
 * Returns: (transfer full) (element-type HbFinding): the findings, in order
 */
GPtrArray *
hb_lint_text (HbPolicy     *policy,
              const HbText *t)
{
  g_autoptr(GArray) all_hits = g_array_new (FALSE, FALSE, sizeof (HbHit));
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) hb_finding_free);
  Lint l = { .policy = policy, .findings = findings, .info_line = G_MAXUINT };

  g_return_val_if_fail (HB_IS_POLICY (policy), NULL);
  g_return_val_if_fail (t != NULL, NULL);

  l.text = t;
  hb_matcher_scan (hb_policy_get_matcher (policy), t, all_hits);
  l.hits = g_array_sized_new (FALSE, FALSE, sizeof (HbHit), all_hits->len);
  l.allowed = g_new0 (gboolean, t->tokens->len + 1);
  apply_allow_list (&l, all_hits);
  index_sentences (&l);
  index_lexicon_hits (&l);
  index_post (&l);
  run_rules (&l);

  g_free (l.by_lexicon);
  g_free (l.lexicon_start);
  for (guint i = 0; i < HB_N_SHAPES; i++)
    if (l.shapes[i] != NULL)
      g_array_unref (l.shapes[i]);
  g_array_unref (l.hits);
  g_free (l.allowed);
  g_free (l.in_post);
  g_free (l.sentence_tokens);
  return tidy (findings);
}

/* TRUE when any finding is a warning or an error (CLI exit status 1). */
gboolean
hb_findings_blocking (GPtrArray *findings)
{
  g_return_val_if_fail (findings != NULL, FALSE);

  for (guint i = 0; i < findings->len; i++)
    if (hb_finding_get_severity (findings->pdata[i]) >= HB_SEVERITY_WARNING)
      return TRUE;
  return FALSE;
}
