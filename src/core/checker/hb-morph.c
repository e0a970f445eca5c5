/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-morph.c — Malay and English form generation (see hb-morph.h).
 *
 * Malay rules follow the standard description of meN-/peN- nasal
 * assimilation (Sneddon): the prefix's final nasal adapts to the root's first
 * sound and voiceless k, p, t, s drop — except in consonant clusters
 * (memproses) and the handful of loan words that keep them (mengkaji), so
 * both variants are generated.  One-syllable roots also take menge-/penge-.
 */
#include "config.h"

#include "hb-morph.h"

#include <string.h>

gboolean
hb_morph_from_string (const char *name,
                      HbMorph    *morph)
{
  if (g_strcmp0 (name, "none") == 0)
    *morph = HB_MORPH_NONE;
  else if (g_strcmp0 (name, "ms") == 0)
    *morph = HB_MORPH_MALAY;
  else if (g_strcmp0 (name, "en") == 0)
    *morph = HB_MORPH_ENGLISH;
  else
    return FALSE;
  return TRUE;
}

static gboolean
is_vowel (char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static gboolean
starts_with_cluster (const char *root)
{
  if (root[0] == '\0' || is_vowel (root[0]) || root[1] == '\0' || is_vowel (root[1]))
    return FALSE;
  /* ng, ny and sy are single sounds, not clusters. */
  if ((root[0] == 'n' && (root[1] == 'g' || root[1] == 'y')) ||
      (root[0] == 's' && root[1] == 'y'))
    return FALSE;
  return root[1] != 'y' && root[1] != 'w';
}

static guint
count_syllables (const char *root)
{
  guint n = 0;
  gboolean in_vowel = FALSE;

  for (const char *p = root; *p; p++)
    {
      gboolean v = is_vowel (*p);

      if (v && !in_vowel)
        n++;
      in_vowel = v;
    }
  return n;
}

typedef struct
{
  HbFormFunc  func;
  gpointer    user_data;
} Emitter;

/* Forms may repeat (ber- + -an and ber- + -an reduplicated can meet);
 * callers that care dedupe, hb_morph_forms() does. */
static void
emit (Emitter    *e,
      const char *form)
{
  if (form[0] != '\0')
    e->func (form, e->user_data);
}

/* Adds the nasal prefix variants of @base ("me" or "pe") + @root to @out. */
static void
nasal_prefix (const char *base,
              const char *root,
              GPtrArray  *out)
{
  char c = root[0];
  gboolean cluster = starts_with_cluster (root);

  if (count_syllables (root) == 1)
    g_ptr_array_add (out, g_strconcat (base, "nge", root, NULL));

  if (is_vowel (c) || c == 'g' || c == 'h' || c == 'k')
    g_ptr_array_add (out, g_strconcat (base, "ng", root, NULL));
  else if (c == 'b' || c == 'f' || c == 'v' || c == 'p')
    g_ptr_array_add (out, g_strconcat (base, "m", root, NULL));
  else if (c == 'd' || c == 'c' || c == 'j' || c == 'z' || c == 't' || c == 's')
    g_ptr_array_add (out, g_strconcat (base, "n", root, NULL));
  else
    g_ptr_array_add (out, g_strconcat (base, root, NULL));

  if (cluster)
    return;

  /* The voiceless initial drops: kutip → mengutip, pukul → memukul,
   * tolak → menolak, sapu → menyapu. */
  if (c == 'k')
    g_ptr_array_add (out, g_strconcat (base, "ng", root + 1, NULL));
  else if (c == 'p')
    g_ptr_array_add (out, g_strconcat (base, "m", root + 1, NULL));
  else if (c == 't')
    g_ptr_array_add (out, g_strconcat (base, "n", root + 1, NULL));
  else if (c == 's')
    g_ptr_array_add (out, g_strconcat (base, "ny", root + 1, NULL));
}

static void
simple_prefix (const char *prefix,
               const char *root,
               GPtrArray  *out)
{
  gsize plen = strlen (prefix);

  /* ber- and ter- lose their r before a root that starts with r. */
  if (plen > 0 && prefix[plen - 1] == 'r' && root[0] == 'r')
    g_ptr_array_add (out, g_strconcat (prefix, root + 1, NULL));
  else
    g_ptr_array_add (out, g_strconcat (prefix, root, NULL));
}

static GPtrArray *
malay_stems (const char *root)
{
  static const char *prefixes[] = { "", "ber", "ter", "di", "ke", "se", "per", "memper", "diper" };
  GPtrArray *stems = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    simple_prefix (prefixes[i], root, stems);
  nasal_prefix ("me", root, stems);
  nasal_prefix ("pe", root, stems);
  return stems;
}

static void
malay_reduplicated (Emitter    *e,
                    const char *root)
{
  g_autofree char *rr = g_strconcat (root, "-", root, NULL);
  g_autoptr(GPtrArray) men = g_ptr_array_new_with_free_func (g_free);
  static const char *around[][2] = {
    { "", "" }, { "", "an" }, { "", "kan" }, { "ber", "" }, { "ber", "an" },
    { "ke", "an" }, { "se", "" }, { "di", "kan" }, { "ter", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (around); i++)
    {
      g_autofree char *form = g_strconcat (around[i][0], rr, around[i][1], NULL);
      emit (e, form);
    }

  /* pukul-memukul, tolong-menolong, memburuk-burukkan */
  nasal_prefix ("me", root, men);
  for (guint i = 0; i < men->len; i++)
    {
      g_autofree char *a = g_strconcat (root, "-", men->pdata[i], NULL);
      g_autofree char *b = g_strconcat (men->pdata[i], "-", root, "kan", NULL);
      g_autofree char *c = g_strconcat (men->pdata[i], "-", men->pdata[i], NULL);
      emit (e, a);
      emit (e, b);
      emit (e, c);
    }
}

static void
malay_forms (Emitter    *e,
             const char *root)
{
  static const char *suffixes[] = { "", "kan", "an", "i" };
  g_autoptr(GPtrArray) stems = malay_stems (root);
  gsize rlen = strlen (root);

  for (guint i = 0; i < stems->len; i++)
    for (guint j = 0; j < G_N_ELEMENTS (suffixes); j++)
      {
        g_autofree char *form = NULL;

        /* -i after a root ending in i is never written twice. */
        if (suffixes[j][0] == 'i' && rlen > 0 && root[rlen - 1] == 'i')
          continue;
        form = g_strconcat (stems->pdata[i], suffixes[j], NULL);
        emit (e, form);
      }
  malay_reduplicated (e, root);
}

static void
english_forms (Emitter    *e,
               const char *root)
{
  gsize len = strlen (root);
  char last = len ? root[len - 1] : '\0';
  char prev = len > 1 ? root[len - 2] : '\0';
  static const char *plain[] = { "", "s", "es", "ed", "ing", "er", "ers", "ly" };

  for (guint i = 0; i < G_N_ELEMENTS (plain); i++)
    {
      g_autofree char *form = g_strconcat (root, plain[i], NULL);
      emit (e, form);
    }

  if (last == 'e')
    {
      g_autofree char *stem = g_strndup (root, len - 1);
      static const char *after_e[] = { "ing", "d", "r", "rs" };

      for (guint i = 0; i < G_N_ELEMENTS (after_e); i++)
        {
          g_autofree char *form = g_strconcat (i == 0 ? stem : root, after_e[i], NULL);
          emit (e, form);
        }
    }
  else if (last == 'y' && len > 1 && !is_vowel (prev))
    {
      g_autofree char *stem = g_strndup (root, len - 1);
      g_autofree char *ies = g_strconcat (stem, "ies", NULL);
      g_autofree char *ied = g_strconcat (stem, "ied", NULL);
      emit (e, ies);
      emit (e, ied);
    }
  else if (len >= 3 && !is_vowel (last) && is_vowel (prev) && !is_vowel (root[len - 3]) &&
           last != 'w' && last != 'x' && last != 'y')
    {
      /* stab → stabbed, stabbing */
      static const char *doubled[] = { "ed", "ing", "er", "ers" };

      for (guint i = 0; i < G_N_ELEMENTS (doubled); i++)
        {
          g_autofree char *form = g_strdup_printf ("%s%c%s", root, last, doubled[i]);
          emit (e, form);
        }
    }
}

void
hb_morph_foreach_form (HbMorph     morph,
                       const char *root,
                       HbFormFunc  func,
                       gpointer    user_data)
{
  Emitter e = { func, user_data };

  emit (&e, root);
  /* Affixes only make sense on a plain alphabetic root. */
  for (const char *p = root; *p; p++)
    if (!g_ascii_isalpha (*p))
      return;

  if (morph == HB_MORPH_MALAY)
    malay_forms (&e, root);
  else if (morph == HB_MORPH_ENGLISH)
    english_forms (&e, root);
}

static void
collect_form (const char *form,
              gpointer    user_data)
{
  g_ptr_array_add (user_data, g_strdup (form));
}

/* Returns every form of @root once, in generation order; for tests and tools. */
GPtrArray *
hb_morph_forms (HbMorph     morph,
                const char *root)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *all = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *forms = g_ptr_array_new_with_free_func (g_free);

  hb_morph_foreach_form (morph, root, collect_form, all);
  for (guint i = 0; i < all->len; i++)
    if (g_hash_table_add (seen, all->pdata[i]))
      g_ptr_array_add (forms, g_strdup (all->pdata[i]));
  g_ptr_array_unref (all);
  return forms;
}

/* Returns the length of @word without a trailing clitic (-nya, -lah, -kah,
 * -pun, -tah, -ku, -mu, English 's), or 0 when there is none to strip.  The
 * caller only uses the result when the full word is unknown, so "tanya" or
 * "hanya" are never cut. */
gsize
hb_morph_strip_clitic (const char *word,
                       gsize       len)
{
  const char *clitic;
  gsize clen;

  if (len < 5)
    return 0;
  /* Chosen by the last letter, so most words cost one comparison. */
  switch (word[len - 1])
    {
    case 'a': clitic = "nya"; break;
    case 'n': clitic = "pun"; break;
    case 's': clitic = "'s"; break;
    case 'h':
      clitic = word[len - 3] == 'l' ? "lah" : word[len - 3] == 'k' ? "kah" : "tah";
      break;
    case 'u':
      clitic = word[len - 2] == 'k' ? "ku" : "mu";
      break;
    default:
      return 0;
    }
  clen = strlen (clitic);
  if (len >= clen + 3 && memcmp (word + len - clen, clitic, clen) == 0)
    return len - clen;
  return 0;
}
