/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-morph.c — generated word forms, and what must never be generated. */
#include "hb-morph.h"

static gboolean
has_form (GPtrArray  *forms,
          const char *form)
{
  for (guint i = 0; i < forms->len; i++)
    if (g_strcmp0 (forms->pdata[i], form) == 0)
      return TRUE;
  return FALSE;
}

static void
assert_forms (HbMorph             morph,
              const char         *root,
              const char * const *yes,
              const char * const *no)
{
  g_autoptr(GPtrArray) forms = hb_morph_forms (morph, root);

  for (guint i = 0; yes && yes[i]; i++)
    if (!has_form (forms, yes[i]))
      g_error ("%s should generate %s", root, yes[i]);
  for (guint i = 0; no && no[i]; i++)
    if (has_form (forms, no[i]))
      g_error ("%s must not generate %s", root, no[i]);
}

static void
test_malay_nasal (void)
{
  /* meN-/peN- assimilation; voiceless k, p, t, s drop. */
  assert_forms (HB_MORPH_MALAY, "hina",
                (const char *[]) { "menghina", "dihina", "penghinaan", "kehinaan", "terhina", "menghinakan", NULL },
                NULL);
  assert_forms (HB_MORPH_MALAY, "pukul",
                (const char *[]) { "memukul", "pemukul", "dipukul", "pukul-memukul", NULL }, NULL);
  assert_forms (HB_MORPH_MALAY, "tolak",
                (const char *[]) { "menolak", "penolakan", "ditolak", NULL }, NULL);
  assert_forms (HB_MORPH_MALAY, "sapu",
                (const char *[]) { "menyapu", "penyapu", NULL }, NULL);
  assert_forms (HB_MORPH_MALAY, "kutip",
                (const char *[]) { "mengutip", "pengutipan", NULL }, NULL);
  assert_forms (HB_MORPH_MALAY, "lawan",
                (const char *[]) { "melawan", "perlawanan", NULL }, NULL);
}

static void
test_malay_clusters_and_monosyllables (void)
{
  /* Clusters keep their first consonant; one-syllable roots take menge-. */
  assert_forms (HB_MORPH_MALAY, "proses", (const char *[]) { "memproses", NULL }, NULL);
  assert_forms (HB_MORPH_MALAY, "kritik", (const char *[]) { "mengkritik", NULL },
                (const char *[]) { "mengritik", NULL });
  assert_forms (HB_MORPH_MALAY, "bom", (const char *[]) { "mengebom", "pengebom", NULL }, NULL);
  assert_forms (HB_MORPH_MALAY, "cat", (const char *[]) { "mengecat", NULL }, NULL);
}

static void
test_malay_other_affixes (void)
{
  /* ber-/ter- drop their r before r; confixes; reduplication. */
  assert_forms (HB_MORPH_MALAY, "rasa", (const char *[]) { "berasa", "terasa", "perasaan", NULL },
                (const char *[]) { "berrasa", NULL });
  assert_forms (HB_MORPH_MALAY, "kanak", (const char *[]) { "kanak-kanak", NULL }, NULL);
  assert_forms (HB_MORPH_MALAY, "besar",
                (const char *[]) { "membesarkan", "diperbesarkan", "besar-besaran", "kebesaran", NULL }, NULL);
  assert_forms (HB_MORPH_MALAY, "buruk", (const char *[]) { "memburuk-burukkan", NULL }, NULL);
  assert_forms (HB_MORPH_MALAY, "leceh", (const char *[]) { "memperlecehkan", NULL }, NULL);
}

static void
test_malay_no_overstemming (void)
{
  /* The stemmer failures from the reference list never appear as forms of
   * the short roots they were wrongly cut to. */
  assert_forms (HB_MORPH_MALAY, "menang", NULL, (const char *[]) { "menangis", NULL });
  assert_forms (HB_MORPH_MALAY, "rawan", NULL, (const char *[]) { "relawan", NULL });
  assert_forms (HB_MORPH_MALAY, "lidi", NULL, (const char *[]) { "penyelidikan", NULL });
}

static void
test_english (void)
{
  assert_forms (HB_MORPH_ENGLISH, "abuse", (const char *[]) { "abused", "abusing", "abuser", "abuses", NULL }, NULL);
  assert_forms (HB_MORPH_ENGLISH, "bully", (const char *[]) { "bullied", "bullies", "bullying", NULL }, NULL);
  assert_forms (HB_MORPH_ENGLISH, "stab", (const char *[]) { "stabbed", "stabbing", NULL }, NULL);
  assert_forms (HB_MORPH_ENGLISH, "corrupt", (const char *[]) { "corrupted", "corrupts", NULL }, NULL);
  assert_forms (HB_MORPH_NONE, "sulit", (const char *[]) { "sulit", NULL }, (const char *[]) { "kesulitan", NULL });
}

static void
test_clitics (void)
{
  g_assert_cmpuint (hb_morph_strip_clitic ("bodohnya", 8), ==, 5);
  g_assert_cmpuint (hb_morph_strip_clitic ("hinalah", 7), ==, 4);
  g_assert_cmpuint (hb_morph_strip_clitic ("council's", 9), ==, 7);
  /* Too short to be a word plus a clitic. */
  g_assert_cmpuint (hb_morph_strip_clitic ("tanya", 5), ==, 0);
  g_assert_cmpuint (hb_morph_strip_clitic ("rumah", 5), ==, 0);
}

static void
test_morph_names (void)
{
  HbMorph m;

  g_assert_true (hb_morph_from_string ("ms", &m) && m == HB_MORPH_MALAY);
  g_assert_true (hb_morph_from_string ("en", &m) && m == HB_MORPH_ENGLISH);
  g_assert_true (hb_morph_from_string ("none", &m) && m == HB_MORPH_NONE);
  g_assert_false (hb_morph_from_string ("fr", &m));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/morph/malay-nasal", test_malay_nasal);
  g_test_add_func ("/morph/malay-clusters", test_malay_clusters_and_monosyllables);
  g_test_add_func ("/morph/malay-affixes", test_malay_other_affixes);
  g_test_add_func ("/morph/no-overstemming", test_malay_no_overstemming);
  g_test_add_func ("/morph/english", test_english);
  g_test_add_func ("/morph/clitics", test_clitics);
  g_test_add_func ("/morph/names", test_morph_names);
  return g_test_run ();
}
