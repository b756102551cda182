/* fuzz.h: what every fuzz target shares. Each target defines
 * LLVMFuzzerTestOneInput; libFuzzer drives it in the fuzzing build, and
 * fuzz-replay.c runs it over the kept corpus and crashes in the ordinary
 * build, so that every input that ever failed stays a regression test. */
#pragma once

/* The targets' checks are g_assert ()s, some of which do the work (write
 * the input out): they stay in a build that defines G_DISABLE_ASSERT, as
 * GLib's own tests keep theirs. This header comes before any of GLib's. */
#undef G_DISABLE_ASSERT
#include <glib.h>
#include <stdint.h>
#include "fita-plan.h"

int  LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int  LLVMFuzzerInitialize   (int *argc, char ***argv);

/* Everything a reader may do with a plan that opened: roll-ups, sums,
 * counts, check, JSON round trip (which must succeed and be lossless),
 * the timeline, every chart and small reports. Aborts on a broken
 * promise, so the fuzzer reports it. */
void fita_fuzz_exercise (FitaPlan *plan);

/* Opens the plan file read-only: it is refused with a message, or opens
 * and is exercised. */
void fita_fuzz_open (const char *path);

/* A folder for the target's files, removed at exit. */
const char *fita_fuzz_tmpdir (void);
