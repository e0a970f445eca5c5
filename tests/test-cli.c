/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli.c — hebahan-cli as a user runs it: exit codes, JSON fields,
 * messages in both languages, and one-line errors for bad input. */
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "hb-test-util.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *write_temp (const char *name,
                         const char *contents,
                         gssize      len);

/* Runs hebahan-cli with @args (NULL-terminated), @input as its standard
 * input.  The input comes from a file, not a pipe: a command that exits
 * before reading (bad usage) must not kill the test with SIGPIPE. */
static void
cli (Run                *run,
     const char         *input,
     const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *in_path = write_temp ("hb-cli-stdin.txt", input ? input : "", -1);
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("HB_CLI"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  /* No user override from the real config directory. */
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "NO_COLOR", "1", TRUE);
  g_subprocess_launcher_set_stdin_file_path (launcher, in_path);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (proc);
  run->out = g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out));
  run->err = g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err));
}

static void
assert_one_line_error (const Run  *run,
                       const char *words)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_true (g_str_has_prefix (run->err, "hebahan-cli: "));
  g_assert_nonnull (strstr (run->err, words));
  /* Exactly one line. */
  g_assert_nonnull (strchr (run->err, '\n'));
  g_assert_cmpstr (strchr (run->err, '\n'), ==, "\n");
}

static JsonObject *
parse_json (JsonParser *parser,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static char *
write_temp (const char *name,
            const char *contents,
            gssize      len)
{
  /* The cache directory is private to each test case (ISOLATE_DIRS). */
  char *path = g_build_filename (g_get_user_cache_dir (), name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  return path;
}

static void
test_clean_exit_0 (void)
{
  g_auto(Run) run = { 0 };

  cli (&run, "Program gotong-royong di Masjid Jamek Kulim, Sabtu 8.00 pagi.",
       (const char *[]) { "lint", "--lang", "en", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "no findings"));
}

static void
test_findings_json (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *policy, *f;
  JsonArray *findings;

  cli (&run, "👍 Dengar khabar UMNO menang.", (const char *[]) { "lint", "--format", "json", "--lang", "en", "-", NULL });
  g_assert_cmpint (run.status, ==, 1);
  root = parse_json (parser, run.out);
  policy = json_object_get_object_member (root, "policy");
  g_assert_cmpstr (json_object_get_string_member (policy, "id"), ==, "mpkk-media-sosial");
  g_assert_true (json_object_has_member (policy, "version"));
  findings = json_object_get_array_member (root, "findings");
  g_assert_cmpuint (json_array_get_length (findings), ==, 2);
  f = json_array_get_object_element (findings, 0);
  g_assert_cmpstr (json_object_get_string_member (f, "rule"), ==, "unverified.rumour");
  g_assert_cmpstr (json_object_get_string_member (f, "topic"), ==, "unverified");
  g_assert_cmpstr (json_object_get_string_member (f, "clause"), ==, "8.a");
  g_assert_cmpstr (json_object_get_string_member (f, "severity"), ==, "warning");
  /* Code points: the emoji counts as one. */
  g_assert_cmpint (json_object_get_int_member (f, "start"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (f, "end"), ==, 15);
  g_assert_cmpstr (json_object_get_string_member (f, "text"), ==, "Dengar khabar");
  g_assert_nonnull (strstr (json_object_get_string_member (f, "message"), "Rumour"));
  g_assert_true (json_object_has_member (f, "suggestion"));
  f = json_array_get_object_element (findings, 1);
  g_assert_cmpstr (json_object_get_string_member (f, "rule"), ==, "politics.party");
  g_assert_cmpstr (json_object_get_string_member (f, "text"), ==, "UMNO");
}

static void
test_languages (void)
{
  g_auto(Run) ms = { 0 };
  g_auto(Run) en = { 0 };

  cli (&ms, "Kononnya ada buaya.", (const char *[]) { "lint", "--lang", "ms", NULL });
  cli (&en, "Kononnya ada buaya.", (const char *[]) { "lint", "--lang", "en", NULL });
  g_assert_cmpint (ms.status, ==, 1);
  g_assert_nonnull (strstr (ms.out, "Penanda khabar angin"));
  g_assert_nonnull (strstr (en.out, "Rumour marker"));
}

static void
test_text_format (void)
{
  g_auto(Run) run = { 0 };

  cli (&run, "Baris satu.\nSila hadir utk program.", (const char *[]) { "lint", "--lang", "en", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "-:2:12: warning [8.c] Non-standard spelling or abbreviation. “utk” (spelling.non-standard)"));
  g_assert_nonnull (strstr (run.out, "suggestion: Write “untuk”."));
}

static void
test_info_only_exit_0 (void)
{
  g_auto(Run) run = { 0 };

  cli (&run, "Agong akan berangkat ke Kulim.", (const char *[]) { "lint", "--format", "json", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"severity\" : \"info\""));
}

static void
test_bad_input (void)
{
  g_auto(Run) utf = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) format = { 0 };
  g_auto(Run) empty = { 0 };

  cli (&utf, "abc\xc3\x28", (const char *[]) { "lint", NULL });
  assert_one_line_error (&utf, "byte offset 3");
  cli (&missing, NULL, (const char *[]) { "lint", "/nonexistent/post.txt", NULL });
  assert_one_line_error (&missing, "/nonexistent/post.txt");
  cli (&format, "x", (const char *[]) { "lint", "--format", "xml", NULL });
  assert_one_line_error (&format, "xml");
  cli (&empty, "", (const char *[]) { "lint", "--format", "json", NULL });
  g_assert_cmpint (empty.status, ==, 0);
  g_assert_nonnull (strstr (empty.out, "\"findings\" : []"));
}

static void
test_bad_policy (void)
{
  g_autofree char *broken = write_temp ("hb-broken-pack.json", "{\"format\": \"hebahan-policy/1\"", -1);
  g_auto(Run) run = { 0 };
  g_auto(Run) validate = { 0 };
  g_auto(Run) good = { 0 };

  cli (&run, "hello", (const char *[]) { "lint", "--policy", broken, NULL });
  assert_one_line_error (&run, "Invalid policy pack");
  cli (&validate, NULL, (const char *[]) { "policy", "validate", broken, NULL });
  g_assert_cmpint (validate.status, ==, 1);
  g_assert_nonnull (strstr (validate.out, "problem"));
  cli (&good, NULL, (const char *[]) { "policy", "validate", g_getenv ("HB_POLICY_SOURCE"), NULL });
  g_assert_cmpint (good.status, ==, 0);
  g_assert_nonnull (strstr (good.out, "valid (mpkk-media-sosial"));
}

static void
test_validate_paths (void)
{
  g_autofree char *json = NULL;
  g_autoptr(GString) s = NULL;
  g_autofree char *path = NULL;
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_get_contents (g_getenv ("HB_POLICY_SOURCE"), &json, NULL, NULL));
  s = g_string_new (json);
  g_string_replace (s, "\"severity\": \"error\"", "\"severity\": \"fatal\"", 1);
  g_string_replace (s, "\"match\": \"party\"", "\"match\": \"parties\"", 1);
  path = write_temp ("hb-edited-pack.json", s->str, s->len);
  cli (&run, NULL, (const char *[]) { "policy", "validate", path, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "$.rules[0]: “severity” must be"));
  g_assert_nonnull (strstr (run.out, "unknown lexicon “parties”"));
  g_assert_nonnull (strstr (run.out, "2 problems"));
}

static void
test_draft_input (void)
{
  g_autofree char *draft = write_temp ("hb-draft.hebahan",
                                       "{\"format\": \"hebahan-draft/1\", \"body\": \"Kononnya ada buaya.\"}", -1);
  g_auto(Run) run = { 0 };

  cli (&run, NULL, (const char *[]) { "lint", "--format", "json", draft, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "\"text\" : \"Kononnya\""));
  g_assert_nonnull (strstr (run.out, "\"start\" : 0"));
}

static JsonObject *
finding_of_rule (JsonArray  *findings,
                 const char *rule)
{
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *f = json_array_get_object_element (findings, i);

      if (g_strcmp0 (json_object_get_string_member (f, "rule"), rule) == 0)
        return f;
    }
  g_error ("no %s finding", rule);
  return NULL;
}

/* The whole post is linted: the composed caption (start/end in its code
 * points), guests, media, the pack's post rules, acknowledgements. */
static void
test_draft_whole_post (void)
{
  g_autofree char *draft = write_temp ("hb-whole.hebahan",
    "{\"format\": \"hebahan-draft/1\", \"type\": \"event-report\", \"language\": \"ms\",\n"
    " \"event\": {\"name\": \"Program Gotong-Royong\", \"date\": \"2026-12-12\",\n"
    "             \"start_time\": \"08:00\", \"end_time\": \"13:00\", \"venue\": \"\"},\n"
    " \"guests\": [{\"title\": \"YB\", \"name\": \"Ahmad\"}, {\"title\": \"Tuan\", \"name\": \"Ali, Ketua UMNO Bahagian\"}],\n"
    " \"body\": \"Jumpa pada hari Ahad, 12 Disember 2026. Kononnya ramai hadir.\",\n"
    " \"media\": [{\"path\": \"a.jpg\", \"alt_text\": \"\", \"caption\": \"Peserta yg hadir.\"}],\n"
    " \"acknowledged\": [{\"rule\": \"unverified.rumour\", \"text\": \"Kononnya\", \"reason\": \"Dinafikan.\",\n"
    "                    \"who\": \"Aminah\", \"when\": \"2026-11-25T10:00:00+08:00\"}]}", -1);
  /* The caption the draft composes to, in Malay. */
  const char *caption =
    "Program Gotong-Royong\n\nTarikh: Sabtu, 12 Disember 2026\nMasa: 8.00 pagi – 1.00 tengah hari\n"
    "Tetamu: YB Ahmad dan Tuan Ali, Ketua UMNO Bahagian\n\n"
    "Jumpa pada hari Ahad, 12 Disember 2026. Kononnya ramai hadir.";
  g_auto(Run) run = { 0 };
  g_auto(Run) text = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *findings;
  JsonObject *f;

  cli (&run, NULL, (const char *[]) { "lint", "--format", "json", "--lang", "en", draft, NULL });
  g_assert_cmpint (run.status, ==, 1);
  findings = json_object_get_array_member (parse_json (parser, run.out), "findings");

  f = finding_of_rule (findings, "incomplete.venue");
  g_assert_cmpstr (json_object_get_string_member (f, "source"), ==, "venue");
  g_assert_cmpint (json_object_get_int_member (f, "start"), ==, 0);
  g_assert_false (json_object_has_member (f, "index"));

  f = finding_of_rule (findings, "politics.party");
  g_assert_cmpstr (json_object_get_string_member (f, "source"), ==, "guest");
  g_assert_cmpint (json_object_get_int_member (f, "index"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (f, "start"), ==,
                   g_utf8_pointer_to_offset (caption, strstr (caption, "UMNO")));
  g_assert_cmpint (json_object_get_int_member (f, "end"), ==,
                   g_utf8_pointer_to_offset (caption, strstr (caption, "UMNO")) + 4);

  f = finding_of_rule (findings, "incomplete.weekday");
  g_assert_cmpstr (json_object_get_string_member (f, "source"), ==, "body");
  g_assert_cmpint (json_object_get_int_member (f, "start"), ==,
                   g_utf8_pointer_to_offset (caption, strstr (caption, "Ahad")));
  g_assert_cmpstr (json_object_get_string_member (f, "suggestion"), ==, "Write “Sabtu”.");

  f = finding_of_rule (findings, "unverified.rumour");
  g_assert_true (json_object_get_boolean_member (f, "acknowledged"));

  f = finding_of_rule (findings, "media.alt-text");
  g_assert_cmpstr (json_object_get_string_member (f, "source"), ==, "alt-text");
  g_assert_cmpint (json_object_get_int_member (f, "index"), ==, 0);

  /* Media captions keep offsets in their own text. */
  f = finding_of_rule (findings, "spelling.non-standard");
  g_assert_cmpstr (json_object_get_string_member (f, "source"), ==, "media-caption");
  g_assert_cmpint (json_object_get_int_member (f, "start"), ==, 8);

  cli (&text, NULL, (const char *[]) { "lint", "--lang", "en", draft, NULL });
  g_assert_cmpint (text.status, ==, 1);
  g_assert_nonnull (strstr (text.out, ":5:38: warning [6.a.iii] "));
  g_assert_nonnull (strstr (text.out, ":7:17: warning [6.a.i] The weekday does not match the date. “Ahad”"));
  g_assert_nonnull (strstr (text.out, "(alt text 1): warning [7.a.iii.6]"));
  g_assert_nonnull (strstr (text.out, "(media caption 1):1:9: warning [8.c]"));
}

/* A complete draft whose only warning is acknowledged exits 0. */
static void
test_draft_acknowledged_exit_0 (void)
{
  g_autofree char *draft = write_temp ("hb-ack.hebahan",
    "{\"format\": \"hebahan-draft/1\", \"type\": \"reply\",\n"
    " \"body\": \"Kononnya ada buaya di tasik.\",\n"
    " \"acknowledged\": [{\"rule\": \"unverified.rumour\", \"text\": \"Kononnya\", \"reason\": \"Penafian.\"}]}", -1);
  g_auto(Run) run = { 0 };

  cli (&run, NULL, (const char *[]) { "lint", "--format", "json", draft, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"acknowledged\" : true"));
}

static void
test_draft_errors (void)
{
  g_autofree char *newer = write_temp ("hb-newer.hebahan", "{\"format\": \"hebahan-draft/2\", \"body\": \"x\"}", -1);
  g_autofree char *broken = write_temp ("hb-broken.hebahan", "{\"format\": \"hebahan-draft/1\", \"guests\": 3}", -1);
  g_auto(Run) run_newer = { 0 };
  g_auto(Run) run_broken = { 0 };

  cli (&run_newer, NULL, (const char *[]) { "lint", newer, NULL });
  assert_one_line_error (&run_newer, "hebahan-draft/2");
  cli (&run_broken, NULL, (const char *[]) { "lint", broken, NULL });
  assert_one_line_error (&run_broken, "guests");
}

static char *
nested (const char *before,
        guint       depth,
        const char *after)
{
  GString *s = g_string_new (before);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, ']');
  g_string_append (s, after);
  return g_string_free (s, FALSE);
}

/* 80,000 nested arrays (200 KB) overflowed the stack of `check`, `lint`
 * and `policy validate`; a NUL, a member twice and a list past its limit
 * are refused too, each with one line that names what is wrong. */
static void
test_hostile_json (void)
{
  g_autofree char *deep_draft = nested ("{\"format\": \"hebahan-draft/1\", \"body\": ", 80000, "}");
  g_autofree char *deep_pack = nested ("{\"format\": \"hebahan-policy/1\", \"rules\": ", 80000, "}");
  g_autofree char *draft = write_temp ("hb-deep.hebahan", deep_draft, -1);
  g_autofree char *pack = write_temp ("hb-deep.json", deep_pack, -1);
  g_autofree char *nul = write_temp ("hb-nul.hebahan",
                                     "{\"format\": \"hebahan-draft/1\", \"body\": \"a\\u0000b\"}", -1);
  g_autofree char *twice = write_temp ("hb-twice.json",
                                       "{\"format\": \"hebahan-policy/1\", \"lexicons\": "
                                       "{\"kasar\": {\"terms\": [\"bodoh\"]}, \"kasar\": {\"terms\": [\"x\"]}}}", -1);
  const char *commands[][3] = { { "check", draft, NULL }, { "lint", draft, NULL }, { "links", draft, NULL } };
  g_auto(Run) run = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) r = { 0 };

      cli (&r, NULL, commands[i]);
      assert_one_line_error (&r, "The JSON nests more than 64 levels deep");
    }
  cli (&run, deep_draft, (const char *[]) { "lint", NULL });
  assert_one_line_error (&run, "more than 64 levels");
  run_clear (&run);
  cli (&run, NULL, (const char *[]) { "policy", "validate", pack, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "$: The JSON nests more than 64 levels deep"));
  run_clear (&run);
  cli (&run, NULL, (const char *[]) { "check", nul, NULL });
  assert_one_line_error (&run, "NUL character");
  run_clear (&run);
  cli (&run, NULL, (const char *[]) { "policy", "validate", twice, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "$.lexicons: the member “kasar” appears twice"));
}

/* A 2.5 MB pack of 200,000 terms with morphology and obfuscation took
 * 165 s and 6.7 GB to validate; it is refused at once, naming the limit. */
static void
test_hostile_pack (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"hebahan-policy/1\", \"lexicons\": "
                                          "{\"kasar\": {\"morph\": \"ms\", \"obfuscation\": true, \"terms\": [");
  g_autofree char *path = NULL;
  g_auto(Run) run = { 0 };
  gint64 start;

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (json, "%s\"kata%06u\"", i ? "," : "", i);
  g_string_append (json, "]}}}");
  path = write_temp ("hb-hostile.json", json->str, json->len);
  start = g_get_monotonic_time ();
  cli (&run, NULL, (const char *[]) { "policy", "validate", path, NULL });
  g_test_message ("refused in %.2f s", (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "$.lexicons: 200000 entries, more than the 20000 a pack may have"));
  /* It took 165 s; a refusal is a second or so, a few times that under the
   * sanitizers on a loaded machine. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * HB_TEST_SLOWDOWN * G_USEC_PER_SEC);
  run_clear (&run);

  /* Fewer terms, but each with morphology and obfuscation: the compiled
   * size is what is limited; and one term of 101 characters. */
  g_string_assign (json, "{\"format\": \"hebahan-policy/1\", \"lexicons\": "
                         "{\"kasar\": {\"morph\": \"ms\", \"obfuscation\": true, \"terms\": [");
  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (json, "%s\"kata%06u\"", i ? "," : "", i);
  g_string_append (json, "]}}}");
  g_assert_true (g_file_set_contents (path, json->str, json->len, NULL));
  cli (&run, NULL, (const char *[]) { "policy", "validate", path, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "$.lexicons: the terms would compile to about 180000 index entries"));
  run_clear (&run);
  g_string_assign (json, "{\"format\": \"hebahan-policy/1\", \"lexicons\": {\"kasar\": {\"terms\": [\"");
  for (guint i = 0; i < 101; i++)
    g_string_append_c (json, 'a');
  g_string_append (json, "\"]}}}");
  g_assert_true (g_file_set_contents (path, json->str, json->len, NULL));
  cli (&run, NULL, (const char *[]) { "policy", "validate", path, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "$.lexicons.kasar.terms: term 0 is 101 characters long, more than the 100"));
}

/* /dev/zero or a FIFO named as a draft or a pack read for ever, or waited
 * for ever: refused at once. */
static void
test_special_files (void)
{
  g_autofree char *fifo = g_build_filename (g_get_user_cache_dir (), "hb-pipe.hebahan", NULL);
  const char *commands[][4] = {
    { "check", "/dev/zero", NULL }, { "policy", "validate", "/dev/zero", NULL },
    { "check", fifo, NULL }, { "policy", "validate", fifo, NULL },
    { "lint", "--policy", fifo, NULL },
  };

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };

      cli (&run, "", commands[i]);
      assert_one_line_error (&run, "is not a regular file");
    }
  g_unlink (fifo);
}

static void
test_usage (void)
{
  g_auto(Run) none = { 0 };
  g_auto(Run) unknown = { 0 };

  cli (&none, NULL, (const char *[]) { NULL });
  g_assert_cmpint (none.status, ==, 2);
  cli (&unknown, NULL, (const char *[]) { "publish", NULL });
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "publish"));
}

/* `count`: one JSON object; 0 within the limit, 1 over, 2 bad usage. */
static void
test_count (void)
{
  g_auto(Run) ok = { 0 };
  g_auto(Run) over = { 0 };
  g_auto(Run) threads = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) long_text = g_string_new (NULL);
  JsonObject *obj;
  JsonArray *range;

  cli (&ok, "Hi http://test.co\n", (const char *[]) { "count", "--platform", "x", NULL });
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_cmpstr (ok.out, ==,
                   "{\"platform\":\"x\",\"length\":26,\"limit\":280,\"valid\":true,\"valid_range\":[0,16]}\n");

  /* Ranges count code points of the input: 290 "é" then CJK over 280. */
  for (guint i = 0; i < 150; i++)
    g_string_append (long_text, "故é");
  cli (&over, long_text->str, (const char *[]) { "count", "--platform", "x", "-", NULL });
  g_assert_cmpint (over.status, ==, 1);
  obj = parse_json (parser, over.out);
  g_assert_cmpint (json_object_get_int_member (obj, "length"), ==, 450);
  g_assert_false (json_object_get_boolean_member (obj, "valid"));
  range = json_object_get_array_member (obj, "valid_range");
  g_assert_cmpint (json_array_get_int_element (range, 0), ==, 0);
  /* 93 pairs weigh 279, the 94th "故" passes 280: 186 code points fit. */
  g_assert_cmpint (json_array_get_int_element (range, 1), ==, 185);

  cli (&threads, "😷😷", (const char *[]) { "count", "--platform", "threads", NULL });
  g_assert_cmpint (threads.status, ==, 0);
  obj = parse_json (parser, threads.out);
  g_assert_cmpint (json_object_get_int_member (obj, "length"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (obj, "limit"), ==, 500);
}

/* A draft is counted as what the platform publishes: its own caption
 * when it has one, else the composed caption, not the JSON. */
static void
test_count_draft (void)
{
  g_auto(Run) composed = { 0 };
  g_auto(Run) own = { 0 };
  const char *draft =
    "{\"format\": \"hebahan-draft/1\", \"platforms\": [\"x\", \"facebook\"],"
    " \"event\": {\"name\": \"Gotong-royong\"}, \"body\": \"Jemput datang.\","
    " \"captions\": {\"x\": \"Hai\"}}";

  /* "Gotong-royong\n\nJemput datang." */
  cli (&composed, draft, (const char *[]) { "count", "--platform", "facebook", NULL });
  g_assert_cmpint (composed.status, ==, 0);
  g_assert_nonnull (strstr (composed.out, "\"length\":29"));
  cli (&own, draft, (const char *[]) { "count", "--platform", "x", NULL });
  g_assert_cmpint (own.status, ==, 0);
  g_assert_nonnull (strstr (own.out, "\"length\":3,"));
}

static void
test_count_usage (void)
{
  g_auto(Run) unknown = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) bad_utf8 = { 0 };

  cli (&unknown, "x", (const char *[]) { "count", "--platform", "myspace", NULL });
  assert_one_line_error (&unknown, "myspace");
  cli (&missing, "x", (const char *[]) { "count", NULL });
  assert_one_line_error (&missing, "--platform");
  cli (&bad_utf8, "\xff\xfe", (const char *[]) { "count", "--platform", "x", NULL });
  assert_one_line_error (&bad_utf8, "UTF-8");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/cli/clean", test_clean_exit_0);
  g_test_add_func ("/cli/json", test_findings_json);
  g_test_add_func ("/cli/languages", test_languages);
  g_test_add_func ("/cli/text-format", test_text_format);
  g_test_add_func ("/cli/info-only", test_info_only_exit_0);
  g_test_add_func ("/cli/bad-input", test_bad_input);
  g_test_add_func ("/cli/bad-policy", test_bad_policy);
  g_test_add_func ("/cli/validate-paths", test_validate_paths);
  g_test_add_func ("/cli/draft", test_draft_input);
  g_test_add_func ("/cli/draft-whole-post", test_draft_whole_post);
  g_test_add_func ("/cli/draft-acknowledged", test_draft_acknowledged_exit_0);
  g_test_add_func ("/cli/draft-errors", test_draft_errors);
  g_test_add_func ("/cli/usage", test_usage);
  g_test_add_func ("/cli/hostile-json", test_hostile_json);
  g_test_add_func ("/cli/hostile-pack", test_hostile_pack);
  g_test_add_func ("/cli/special-files", test_special_files);
  g_test_add_func ("/cli/count", test_count);
  g_test_add_func ("/cli/count-usage", test_count_usage);
  g_test_add_func ("/cli/count-draft", test_count_draft);
  return g_test_run ();
}
