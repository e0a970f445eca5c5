/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hb-corpus-score.h — scores the linter on a labelled corpus, as the window
 * lints: recall of labelled problems at warning level, false alarms on clean
 * entries, findings at a topic nobody labelled; shared by test-corpus and
 * `hb-bench corpus`. */
#pragma once

#include <stdio.h>

#include "hb-policy.h"

G_BEGIN_DECLS

typedef struct _HbCorpusScore HbCorpusScore;

HbCorpusScore *hb_corpus_score_new        (void);
void           hb_corpus_score_free       (HbCorpusScore *score);
gboolean       hb_corpus_score_add_file   (HbCorpusScore *score,
                                           HbPolicy      *policy,
                                           const char    *path,
                                           GError       **error);
guint          hb_corpus_score_n_entries  (const HbCorpusScore *score);
guint          hb_corpus_score_n_clean    (const HbCorpusScore *score);
double         hb_corpus_score_recall     (const HbCorpusScore *score,
                                           const char          *topic);
double         hb_corpus_score_alarm_rate (const HbCorpusScore *score);
char         **hb_corpus_score_topics     (const HbCorpusScore *score);
const char    *hb_corpus_score_get_dump   (const HbCorpusScore *score);
void           hb_corpus_score_print      (const HbCorpusScore *score,
                                           FILE                *out,
                                           gboolean             details);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HbCorpusScore, hb_corpus_score_free)

G_END_DECLS
