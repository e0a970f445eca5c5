/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-lint.c — every rule kind of the built-in pack, offsets, neutral
 * mentions that must stay quiet, and bad or large input. */
#include <string.h>
#include <time.h>

#include "hb-error.h"
#include "hb-linter.h"
#include "hb-test-util.h"

static HbPolicy *policy;

static GPtrArray *
lint (const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *findings = hb_lint (policy, text, -1, &error);

  g_assert_no_error (error);
  return findings;
}

/* Returns the first finding of @rule, or NULL. */
static const HbFinding *
find_rule (GPtrArray  *findings,
           const char *rule)
{
  for (guint i = 0; i < findings->len; i++)
    if (g_strcmp0 (hb_finding_get_rule_id (findings->pdata[i]), rule) == 0)
      return findings->pdata[i];
  return NULL;
}

static const HbFinding *
find_text (GPtrArray  *findings,
           const char *typed)
{
  for (guint i = 0; i < findings->len; i++)
    if (g_strcmp0 (((HbFinding *) findings->pdata[i])->text, typed) == 0)
      return findings->pdata[i];
  g_error ("no finding on “%s”", typed);
  return NULL;
}

static void
assert_rule (const char *text,
             const char *rule,
             const char *typed)
{
  g_autoptr(GPtrArray) findings = lint (text);
  const HbFinding *f = find_rule (findings, rule);

  if (f == NULL)
    g_error ("%s did not fire on “%s”", rule, text);
  if (typed)
    g_assert_cmpstr (f->text, ==, typed);
}

static void
assert_quiet (const char *text)
{
  g_autoptr(GPtrArray) findings = lint (text);

  for (guint i = 0; i < findings->len; i++)
    if (hb_finding_get_severity (findings->pdata[i]) >= HB_SEVERITY_WARNING)
      g_error ("“%s” raised %s on “%s”", text, hb_finding_get_rule_id (findings->pdata[i]),
               ((HbFinding *) findings->pdata[i])->text);
}

static void
test_lexicon_and_morphology (void)
{
  assert_rule ("Pegawai itu memang bodoh.", "shaming.insult", "bodoh");
  /* Affixed and clitic forms of the same root. */
  assert_rule ("Jangan layan kebodohan mereka.", "shaming.insult", "kebodohan");
  assert_rule ("Bodohnya pemandu itu.", "shaming.insult", "Bodohnya");
  assert_rule ("Dasar pemalas!", "shaming.insult", "pemalas");
  /* Multi-word phrases. */
  assert_rule ("Dengar khabar pasar akan ditutup.", "unverified.rumour", "Dengar khabar");
  assert_rule ("Rumour has it the market will close.", "unverified.rumour", "Rumour has it");
}

static void
test_obfuscation (void)
{
  assert_rule ("Siapa p@ntat yang buang sampah?", "obscene.word", "p@ntat");
  assert_rule ("This sh1t road.", "obscene.word", "sh1t");
  assert_rule ("Who the f**k did this?", "obscene.word", "f**k");
  assert_rule ("Fuuuuuck this traffic.", "obscene.word", "Fuuuuuck");
  assert_rule ("Pegawai itu memang b u t u h.", "obscene.word", "b u t u h");
  assert_rule ("What a bulls\u200bhit excuse.", "obscene.word", "bulls\u200bhit");
  assert_rule ("Total a$$hole.", "obscene.word", "a$$hole");
  /* Words that merely contain a vulgar one stay clean. */
  assert_quiet ("Sesi assessment di Port Dickson. Passes and classes are free.");
}

static void
test_cooccurrence (void)
{
  /* A Ruler with contempt is sedition; at a birthday greeting it is not. */
  assert_rule ("Raja-raja hanya menghabiskan harta rakyat, hapuskan sahaja.", "sedition.ruler", NULL);
  assert_quiet ("Daulat Tuanku! Selamat menyambut Hari Keputeraan DYMM Sultan Kedah.");
  assert_rule ("Orang Cina memang hanya pentingkan wang.", "race.generalisation", NULL);
  assert_quiet ("Rumah terbuka pelbagai kaum dihadiri masyarakat Melayu, Cina dan India.");
  assert_rule ("Encik Harun telah menyeleweng wang kutipan.", "defamation.accusation", "menyeleweng");
  assert_quiet ("Ceramah integriti dan pencegahan rasuah untuk pegawai majlis.");
  /* The council belittled, but not an apology for a failure. */
  assert_rule ("MPKK is seriously hopeless.", "government-image.belittle", NULL);
  assert_quiet ("MPKK memohon maaf atas kegagalan sistem pembayaran pagi tadi.");
}

static void
test_neutral_mentions (void)
{
  assert_quiet ("Gotong-royong membersihkan Masjid Jamek Kulim pada Sabtu, 12 Disember 2026, 8.00 pagi.");
  assert_quiet ("Majlis Rumah Terbuka Deepavali MPKK dihadiri masyarakat pelbagai kaum.");
  assert_quiet ("Turut hadir YB Dato' Haji Ahmad, ADUN Bukit Selambau, dan Tuan Haji Rahman.");
  assert_quiet ("Daulat Tuanku. Warga MPKK menjunjung kasih sempena Hari Keputeraan Sultan Kedah.");
  assert_quiet ("Tempat adalah terhad. Pas masuk percuma di kaunter.");
  assert_quiet ("Awas babi hutan di kawasan ladang berhampiran Taman Selasih.");
  assert_quiet ("Kempen anti-rasuah: laporkan kepada SPRM.");
  assert_quiet ("");
}

static void
test_patterns (void)
{
  assert_rule ("Pemenang: Puan Rosnah, No. K/P 850412-02-5374.", "personal-data.mykad", "850412-02-5374");
  assert_rule ("IC 920317076128 dijumpai.", "personal-data.mykad", "920317076128");
  /* Invalid place-of-birth code 17, or no such date: not a MyKad. */
  assert_quiet ("Nombor rujukan 850412-17-5374 dan 851342-02-5374.");
  assert_rule ("Nombor bini dia 012-485 7316, kacau la dia.", "personal-data.mobile", "012-485 7316");
  assert_rule ("Ini nombor dia +6011-2345 6789.", "personal-data.mobile", "+6011-2345 6789");
  /* An agency inviting the public to call a published line is not
   * exposing a private number, mobile or not. */
  assert_quiet ("Untuk pertanyaan, hubungi pegawai bertugas di talian 012-485 7316.");
  assert_quiet ("WhatsApp the complaint unit at 019-778 8212 for immediate action.");
  /* A private person's number stays private, however it is offered. */
  assert_rule ("Jumpa beg atas nama Puan Aini? Hubungi tuan punya terus di talian 019-552 7341.",
               "personal-data.mobile", "019-552 7341");
  assert_quiet ("Hubungi talian rasmi MPKK di 04-4325225 atau 1-800-88-1234.");
  assert_rule ("Emel ke nurulaina.kulim@gmail.com.", "personal-data.email", "nurulaina.kulim@gmail.com");
  assert_quiet ("Pertanyaan boleh dihantar ke aduan@mpkk.gov.my.");
  assert_rule ("Beliau tinggal di No. 23, Jalan Mawar 4.", "personal-data.address", NULL);
  assert_quiet ("Tapak projek: Lot 1234, Jalan Kulim-Lunas.");
  /* Letters typed for digits do not hide a MyKad number. */
  assert_rule ("Dompet milik Lim Ah Kow, MyKad 7O1122-O2-5O13.", "personal-data.mykad", "7O1122-O2-5O13");
  assert_rule ("Pemilik kereta PKD 4471, Encik Rosli bin Hamid, sila alihkan kenderaan.", "personal-data.plate", "PKD 4471");
  assert_quiet ("Bas KDA 1234 bertolak dari Dataran MPKK pada 8.00 pagi.");
  /* A dateline's month and day are not a plate. */
  assert_quiet ("SHAH ALAM, SEP 13: Residents should clean their own homes.");
  assert_quiet ("Sebanyak 8 jalan utama akan ditutup.");
}

static void
test_substitution (void)
{
  g_autoptr(GPtrArray) findings = lint ("Disini tempatnya. Sila datang utk program, YG dinanti.");
  const HbFinding *f = find_rule (findings, "spelling.non-standard");
  g_autofree char *sug = NULL;

  g_assert_nonnull (f);
  g_assert_cmpstr (f->text, ==, "Disini");
  /* The replacement keeps the case the user typed. */
  g_assert_cmpstr (f->replacement, ==, "Di sini");
  sug = hb_finding_dup_suggestion (f, HB_LANG_EN);
  g_assert_cmpstr (sug, ==, "Write “Di sini”.");
  g_assert_cmpstr (find_text (findings, "utk")->replacement, ==, "untuk");
  g_assert_cmpstr (find_text (findings, "YG")->replacement, ==, "YANG");
  assert_rule ("Program akan di adakan di dewan.", "spelling.non-standard", "di adakan");
  assert_rule ("Kutipan x dapat dibuat.", "spelling.non-standard", "x");
  assert_quiet ("Papan berukuran 3 x 4 meter.");
  assert_rule ("Sila hadir beramai2.", "spelling.reduplication", "beramai2");
}

static void
test_tone (void)
{
  assert_rule ("READ THE NOTICE BEFORE YOU COMPLAIN.", "tone.caps", "READ THE NOTICE BEFORE YOU COMPLAIN");
  assert_rule ("Jangan parking di sini!!!", "tone.punctuation", "!!!");
  assert_rule ("Mahu mengadu di Facebook？？", "tone.punctuation", "？？");
  /* A heading in capitals on its own line is not shouting. */
  assert_quiet ("NOTIS PENUTUPAN JALAN SEMENTARA 2026\nJalan Tunku Putra akan ditutup.");
  assert_rule ("lol bro chill", "tone.slang", "lol");
}

static void
test_allow_list (void)
{
  /* "TERHAD" is a classification marking, but not in "tempat terhad". */
  assert_rule ("Laporan ini TERHAD.", "classified.marking", "TERHAD");
  assert_quiet ("TEMPAT TERHAD");
  assert_quiet ("Suruhanjaya Pencegahan Rasuah Malaysia mengadakan taklimat.");
}

static void
test_respelling (void)
{
  /* Chat spellings are read as the standard word by every lexicon:
   * "org ckp" is "orang cakap", a rumour marker. */
  assert_rule ("Ada org ckp pasar akan ditutup.", "unverified.rumour", "org ckp");
  assert_rule ("Ada org ckp pasar akan ditutup.", "spelling.non-standard", "org");
  /* Words inside web and e-mail addresses are not prose. */
  assert_quiet ("Maklumat lanjut di www.kulim.org/notis dan yg.info@mpkk.gov.my.");
  /* "x" is "tidak" in prose but not in "3 x 4", nor as "X" the platform. */
  assert_quiet ("Ikuti kami di X dan Facebook.");
}

static void
test_named_person (void)
{
  assert_rule ("Encik Rahman telah disaman kali ketiga kerana membuang sampah.",
               "shaming.named-offender", "Encik Rahman");
  /* The offence in the next sentence still names him. */
  assert_rule ("Meet Mr Lim from Taman Kenari. Our champion of illegal dumping!",
               "shaming.named-offender", "Mr Lim");
  /* A reply that calls the complainant "encik" names nobody. */
  assert_quiet ("Terima kasih encik, pesalah yang membuang sampah akan dikompaun.");
  assert_quiet ("Tahniah kepada Encik Rahman, pemenang pertandingan landskap.");
}

static void
test_neighbouring_sentences (void)
{
  /* Insinuation names the party in one sentence and hints in the next. */
  assert_rule ("Tender itu jatuh ke tangan syarikat adik ipar Ahli Majlis. Kebetulan sangat kan?",
               "defamation.insinuation", NULL);
  assert_quiet ("Kebetulan, program ini jatuh pada Hari Bumi.");
}

static void
test_capitals_only_terms (void)
{
  /* SULIT stamped on a document is a marking; RAHSIA in a heading typed
   * all in capitals is just a word. */
  assert_rule ("Dokumen ini SULIT, jangan kongsi.", "classified.marking", "SULIT");
  assert_rule ("Stamped CONFIDENTIAL / SULIT.", "classified.marking", "CONFIDENTIAL");
  assert_quiet ("RAHSIA KEJAYAAN PASAR AWAM KULIM\nTahniah kepada semua peniaga.");
  assert_quiet ("PAS MASUK PERCUMA UNTUK WARGA EMAS");
  assert_rule ("You absolute f#cking idiots.", "obscene.word", "f#cking");
}

static void
test_offsets (void)
{
  /* Offsets count code points of the input: emoji and zero-width
   * characters before the word shift it by one each. */
  g_autoptr(GPtrArray) findings = lint ("🙂\u200b👍🏽 Dengar khabar");
  const HbFinding *f = find_rule (findings, "unverified.rumour");

  g_assert_nonnull (f);
  g_assert_cmpuint (f->start, ==, 5);
  g_assert_cmpuint (f->end, ==, 18);
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = hb_lint (policy, "ok \xff", 4, &error);

  g_assert_null (findings);
  g_assert_error (error, HB_ERROR, HB_ERROR_INVALID_UTF8);
  g_assert_nonnull (strstr (error->message, "byte offset 3"));
}

static void
test_large_input (void)
{
  const char *chunk = "Program gotong-royong di Taman Selasih. Dengar khabar pasar akan ditutup!!! ";
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(GPtrArray) findings = NULL;
  guint rumours = 0;
  gint64 t0;

  while (big->len < 10 * 1024 * 1024)
    g_string_append (big, chunk);
  t0 = g_get_monotonic_time ();
  findings = lint (big->str);
  g_test_message ("10 MB linted in %.0f ms", (g_get_monotonic_time () - t0) / 1000.0);
  for (guint i = 0; i < findings->len; i++)
    rumours += g_strcmp0 (hb_finding_get_rule_id (findings->pdata[i]), "unverified.rumour") == 0;
  g_assert_cmpuint (rumours, ==, big->len / strlen (chunk));
}

static char *
describe (GPtrArray *findings)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      const HbFinding *f = findings->pdata[i];

      g_string_append_printf (out, "%s %u-%u %s\n", hb_finding_get_rule_id (f), f->start, f->end, f->text);
    }
  return g_string_free (out, FALSE);
}

/* hb_lint_text() over an HbText built once (what hb_post_lint keeps for
 * the counts) finds what hb_lint() finds, and leaves the HbText as it
 * was: a second lint of it finds the same. */
static void
test_from_text (void)
{
  const char *text = "PROGRAM GOTONG-ROYONG!!! Dengar khabar pasar akan ditutup. Hubungi 012-345 6789 "
                     "atau f**k, yg hadir di Café ڤربندارن 😀.";
  g_autoptr(GPtrArray) want = lint (text);
  g_autoptr(HbText) decoded = hb_text_new (text, -1);
  g_autoptr(GPtrArray) first = hb_lint_text (policy, decoded);
  g_autoptr(GPtrArray) second = hb_lint_text (policy, decoded);
  g_autofree char *w = describe (want), *a = describe (first), *b = describe (second);

  g_assert_cmpuint (want->len, >=, 4);
  g_assert_cmpstr (a, ==, w);
  g_assert_cmpstr (b, ==, w);
}

/* One megabyte shaped the way that used to cost seconds to minutes (no full
 * stop at all; a sentence packed with hits that co-occur; one long line of
 * capitals and lower case): each must lint in a few seconds of CPU time
 * even under the sanitizers, as a linear pass does (a quadratic one took
 * 7 s for the first and 88 s for the second). */
static void
lint_within (const char *unit,
             guint       expected_rule_hits,
             const char *rule)
{
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(GPtrArray) findings = NULL;
  clock_t t0;
  double seconds;
  guint hits = 0;

  while (big->len < 1024 * 1024)
    g_string_append (big, unit);
  t0 = clock ();
  findings = lint (big->str);
  seconds = (double) (clock () - t0) / CLOCKS_PER_SEC;
  g_test_message ("“%.20s…” × %zu: %.2f s of CPU, %u findings", unit, big->len / strlen (unit), seconds,
                  findings->len);
  for (guint i = 0; rule != NULL && i < findings->len; i++)
    hits += g_strcmp0 (hb_finding_get_rule_id (findings->pdata[i]), rule) == 0;
  if (rule != NULL)
    g_assert_cmpuint (hits, >=, expected_rule_hits);
  /* Linear, not quadratic: a megabyte in seconds, whatever the build. */
  g_assert_cmpfloat (seconds, <, 6.0 * HB_TEST_SLOWDOWN);
}

static void
test_linear_time (void)
{
  lint_within ("majlis perbandaran kulim mengadakan program gotong royong bersama penduduk ", 0, NULL);
  /* Every hit of one lexicon needs a hit of another in its sentence. */
  lint_within ("raja itu bodoh dan hina ", 1000, "sedition.ruler");
  lint_within ("NOTIS PENTING kepada semua penduduk ", 0, NULL);
}

/* A lexicon's own antipatterns cancel its hits and no other lexicon's. */
static void
test_except (void)
{
  /* "kerajaan" (government) is a derived form of "raja" (ruler). */
  assert_quiet ("Kerajaan negeri akan menaik taraf jalan itu, tetapi kerja lambat dan mahal.");
  assert_rule ("Raja itu memang lambat, menyusahkan rakyat sahaja.", "royalty.critique", "Raja");
  /* A major claim passed on without a source stays unverified, even when
   * the post promises the official announcement; the promise alone, from
   * the council, is not a rumour. */
  assert_rule ("Dengar kata Yang Dipertua akan meletak jawatan, tunggu pengumuman rasmi.", "unverified.claim",
               "meletak jawatan");
  assert_quiet ("Tunggu pengumuman rasmi daripada MPKK mengenai tarikh baharu.");
  /* Action taken after a viral post is reported, not spread. */
  assert_quiet ("Tindakan diambil susulan video tular yang menunjukkan longkang tersumbat.");
  assert_quiet ("This follows a viral social media post showing a blocked corridor.");
  assert_rule ("Video ini tular, kongsikan sebelum dipadam!", "unverified.viral", NULL);
  /* Hawkers "along" a road are not loan sharks (ah long). */
  assert_quiet ("Hawkers trading along Jalan Pasar will be relocated by ballot.");
}

/* A phrase is words said together, not words either side of a comma. */
static void
test_phrase_breaks (void)
{
  assert_quiet ("Pengarah itu berkata, orang ramai boleh berurusan di kaunter.");
  assert_rule ("Ada orang berkata pasar itu akan ditutup.", "unverified.rumour", NULL);
}

/* Headings, datelines and sign-offs in capitals are conventions; capitals
 * in running text closed by a ! are shouting. */
static void
test_headings (void)
{
  assert_quiet ("BAGAIMANAKAH UNTUK MENGHUBUNGI SWCorp?\nHubungi talian rasmi.");
  assert_quiet ("Kerja-kerja akan bermula esok.\n\nNOTIS PEMAKLUMAN KERJA-KERJA MENAIK TARAF LALUAN PEJALAN KAKI "
                "ANTARA BLOK B DAN DEWAN ORANG RAMAI MAJLIS");
  assert_quiet ("⚠️ AWAS PENIPUAN! ⚠️\nJangan layan panggilan itu.");
  assert_rule ("Perjanjian itu sudah lama ditandatangani, SUDAH TERBATAL!", "tone.caps", "SUDAH TERBATAL");
  assert_rule ("SUDAH BERAPA KALI KAMI BERITAHU, jangan buang sampah.", "tone.caps", NULL);
}

/* A context rule's message names the words it found around the match. */
static void
test_context_named (void)
{
  g_autoptr(GPtrArray) findings = lint ("Penduduk kampung itu memang malas, semua bangsa itu sama.");
  const HbFinding *f = find_rule (findings, "race.generalisation");

  g_assert_nonnull (f);
  g_assert_nonnull (strstr (hb_finding_get_message (f, HB_LANG_EN), "“malas”"));
  g_assert_nonnull (strstr (hb_finding_get_message (f, HB_LANG_MS), "“malas”"));
  g_assert_cmpint (hb_finding_get_sureness (f), ==, HB_SURENESS_LIKELY);
  /* The copy the window keeps says the same. */
  {
    g_autoptr(HbFinding) copy = hb_finding_copy (f);
    g_assert_cmpstr (hb_finding_get_message (copy, HB_LANG_EN), ==, hb_finding_get_message (f, HB_LANG_EN));
  }
}

/* Masks of dots, words spelt out with hyphens, blanked-out words. */
static void
test_disguises (void)
{
  assert_rule ("Jawapan dia cuma F..k you.", "obscene.word", "F..k");
  assert_rule ("Memang b-o-d-o-h pemandu itu.", "shaming.insult", "b-o-d-o-h");
  assert_rule ("Jangan layan ***** itu lagi.", "obscene.censored", "*****");
  assert_quiet ("Syarat: *Tertakluk kepada kelulusan. **Hanya untuk penduduk.");
  assert_quiet ("Sesi pertama.\n*****\nSesi kedua.");
  assert_quiet ("Harga: RM5..RM10 sahaja.");
  /* Accents, and look-alike letters from other scripts (UTS #39), for
   * every lexicon, not only the obscene ones: a Greek capital rho in a
   * party name, Cyrillic o in an insult. */
  assert_rule ("Pemandu itu bódóh.", "shaming.insult", "bódóh");
  assert_rule ("Pemandu itu b\u043ed\u043eh.", "shaming.insult", NULL);
  assert_rule ("Sokong \u03a1AS sahaja.", "politics.party", NULL);
  assert_quiet ("Kafe baharu dibuka: Café Kulim, menu naïve dan crème brûlée.");
  /* A vowel typed twice to stretch a bad word; ordinary double vowels and
   * doubled consonants stay words. */
  assert_rule ("Pegawai itu bodooh.", "shaming.insult", "bodooh");
  assert_quiet ("Maaf, saat ini kaunter ditutup kerana keadaan cuaca.");
  /* Rulers masked or in leetspeak. */
  assert_rule ("S*ltan itu memang bodoh.", "royalty.critique", "S*ltan");
  assert_rule ("R4ja tu menyusahkan rakyat.", "royalty.critique", "R4ja");
  /* Text behind a right-to-left override is shown reversed. */
  assert_rule ("Dia memang \u202ehodob\u202c.", "shaming.insult", NULL);
  assert_quiet ("Kod \u202e1234\u202c diterima.");
  /* Words joined into a hashtag or by their case. */
  assert_rule ("Jom #tolakumno minggu ini.", "politics.party", "tolakumno");
  assert_rule ("Ini #UMNOsampah.", "politics.party", "UMNOsampah");
  assert_rule ("#BodohSangat pemandu itu.", "shaming.insult", "BodohSangat");
  assert_quiet ("Bayar #AssessmentTax sebelum 31 Mac. #assessmenttax #KulimBersih #MPKKPrihatin");
}

/* Non-standard Malay found by the rule that makes it wrong. */
static void
test_spelling_by_rule (void)
{
  assert_rule ("Punca masalah sudah dikenalpasti oleh jurutera.", "spelling.non-standard", "dikenalpasti");
  assert_rule ("Peraturan ini berkuatkuasa esok.", "spelling.non-standard", "berkuatkuasa");
  assert_quiet ("Peraturan itu dikuatkuasakan oleh Bahagian Penguatkuasa.");
  assert_rule ("Kerja kerja membaiki longkang bermula.", "spelling.repeated-word", "Kerja kerja");
  assert_rule ("Aduan akan di siasatkan segera.", "spelling.passive-apart", "di siasatkan");
  assert_quiet ("Gerai dibuka di pekan Kulim dan di perkarangan masjid.");
  assert_rule ("Jualan diadakan DiLunas.", "spelling.glued-preposition", "DiLunas");
  assert_quiet ("Filem lakonan Leonardo DiCaprio ditayangkan.");
  assert_quiet ("Jamuan teh DiRaja diadakan selepas ucapan oleh Yang DiPertuanya.");
  assert_rule ("Pelaksanaanya dipantau oleh jabatan.", "spelling.an-nya", "Pelaksanaanya");
  assert_quiet ("Pelaksanaannya dipantau oleh keluarganya.");
  assert_rule ("Maklumat ini diperolehi daripada jabatan.", "spelling.non-standard", "diperolehi");
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  policy = hb_policy_new_builtin ();
  g_test_add_func ("/lint/lexicon-morphology", test_lexicon_and_morphology);
  g_test_add_func ("/lint/obfuscation", test_obfuscation);
  g_test_add_func ("/lint/cooccurrence", test_cooccurrence);
  g_test_add_func ("/lint/neutral-mentions", test_neutral_mentions);
  g_test_add_func ("/lint/patterns", test_patterns);
  g_test_add_func ("/lint/substitution", test_substitution);
  g_test_add_func ("/lint/tone", test_tone);
  g_test_add_func ("/lint/allow-list", test_allow_list);
  g_test_add_func ("/lint/respelling", test_respelling);
  g_test_add_func ("/lint/named-person", test_named_person);
  g_test_add_func ("/lint/neighbouring-sentences", test_neighbouring_sentences);
  g_test_add_func ("/lint/capitals-only", test_capitals_only_terms);
  g_test_add_func ("/lint/offsets", test_offsets);
  g_test_add_func ("/lint/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/lint/large-input", test_large_input);
  g_test_add_func ("/lint/from-text", test_from_text);
  g_test_add_func ("/lint/linear-time", test_linear_time);
  g_test_add_func ("/lint/except", test_except);
  g_test_add_func ("/lint/phrase-breaks", test_phrase_breaks);
  g_test_add_func ("/lint/headings", test_headings);
  g_test_add_func ("/lint/context-named", test_context_named);
  g_test_add_func ("/lint/disguises", test_disguises);
  g_test_add_func ("/lint/spelling-by-rule", test_spelling_by_rule);
  ret = g_test_run ();
  g_object_unref (policy);
  return ret;
}
