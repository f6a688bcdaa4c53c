# pg_arabic — PGXS build.  `make && make install && make installcheck` for the
# extension; `make core-check`, `make fuzz-smoke`, `make bench-core` for the
# standalone analysis core (src/core, plain C + ICU, no PostgreSQL headers).

EXTENSION = pg_arabic
MODULE_big = pg_arabic
PG_CONFIG ?= pg_config

ICU_CFLAGS := $(shell pkg-config --cflags icu-uc icu-i18n 2>/dev/null)
ICU_LIBS := $(shell pkg-config --libs icu-uc icu-i18n 2>/dev/null)
ifeq ($(strip $(ICU_LIBS)),)
$(error pg_arabic needs ICU: install libicu-dev (pkg-config found no icu-uc/icu-i18n))
endif

CORE_SRCS := $(sort $(wildcard src/core/*.c))
CORE_HDRS := $(wildcard src/core/*.h)
GLUE_SRCS := $(sort $(wildcard src/pg/*.c))
OBJS = $(CORE_SRCS:.c=.o) $(GLUE_SRCS:.c=.o)

DATA = $(wildcard src/pg_arabic--*.sql)
# the gazetteer image is built from pg_arabic_ner.gaz by this build (src/train/gaz_image.c)
GAZ_IMAGE = src/tsearch_data/pg_arabic_ner.gazimg
DATA_TSEARCH = $(sort $(wildcard src/tsearch_data/*.*) $(GAZ_IMAGE))

REGRESS = $(patsubst sql/%.sql,%,$(sort $(wildcard sql/*.sql)))
REGRESS_OPTS = --inputdir=. --load-extension=pg_arabic --encoding=UTF8

PG_CPPFLAGS = -I$(CURDIR)/src/core $(ICU_CFLAGS)
# on top of PostgreSQL's own warning flags (-Wall and more): -Wextra, but not unused
# parameters (fixed signatures of fmgr functions, callbacks and PostgreSQL's inline functions);
# test/run.sh test fails on any compiler warning (suite build-warnings)
PG_CFLAGS += -Wextra -Wno-unused-parameter
SHLIB_LINK += $(ICU_LIBS)

CORE_PROGS = test/unit/core_test test/bench/core_bench test/bench/ner_core_bench test/bench/stem_loan_bench test/bench/fts_core_bench
EXTRA_CLEAN_BENCH = test/bench/ner_corpus.txt
FUZZ_SRCS := $(wildcard test/fuzz/fuzz_*.c)
FUZZ_PROGS := $(FUZZ_SRCS:.c=)
EXTRA_CLEAN = $(CORE_PROGS) $(EXTRA_CLEAN_BENCH) $(FUZZ_PROGS) results regression.diffs regression.out tmp_check

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

all: $(GAZ_IMAGE)

$(OBJS): $(CORE_HDRS)

# ---- standalone core: unit tests, fuzzers, throughput benchmark ----
CORE_CC ?= cc
CORE_CFLAGS ?= -O2 -g -std=c99 -Wall -Wextra -Wno-unused-parameter
FUZZ_CC ?= clang
FUZZ_FLAGS ?= -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
FUZZ_SECONDS ?= 20

# every test/unit/*.c registers its own tests (see test/unit/unit.h)
UNIT_SRCS := $(sort $(wildcard test/unit/*.c))
test/unit/core_test: $(UNIT_SRCS) test/unit/unit.h $(CORE_SRCS) $(CORE_HDRS)
	$(CORE_CC) $(CORE_CFLAGS) -Isrc/core -Itest/unit $(ICU_CFLAGS) -o $@ $(UNIT_SRCS) $(CORE_SRCS) $(ICU_LIBS)

test/bench/core_bench: test/bench/core_bench.c test/bench/bench_util.h $(CORE_SRCS) $(CORE_HDRS)
	$(CORE_CC) $(CORE_CFLAGS) -O3 -DNDEBUG -Isrc/core $(ICU_CFLAGS) -o $@ $< $(CORE_SRCS) $(ICU_LIBS)

test/bench/ner_core_bench: test/bench/ner_core_bench.c $(CORE_SRCS) $(CORE_HDRS)
	$(CORE_CC) $(CORE_CFLAGS) -Isrc/core $(ICU_CFLAGS) -o $@ $< $(CORE_SRCS) $(ICU_LIBS)

test/bench/quotes_core_bench: test/bench/quotes_core_bench.c $(CORE_SRCS) $(CORE_HDRS)
	$(CORE_CC) $(CORE_CFLAGS) -Isrc/core $(ICU_CFLAGS) -o $@ $< $(CORE_SRCS) $(ICU_LIBS)

test/bench/stem_loan_bench: test/bench/stem_loan_bench.c test/bench/bench_util.h $(CORE_SRCS) $(CORE_HDRS)
	$(CORE_CC) $(CORE_CFLAGS) -Isrc/core $(ICU_CFLAGS) -o $@ $< $(CORE_SRCS) $(ICU_LIBS)

test/bench/fts_core_bench: test/bench/fts_core_bench.c test/bench/bench_util.h $(CORE_SRCS) $(CORE_HDRS)
	$(CORE_CC) $(CORE_CFLAGS) -Isrc/core $(ICU_CFLAGS) -o $@ $< $(CORE_SRCS) $(ICU_LIBS)

test/fuzz/fuzz_%: test/fuzz/fuzz_%.c $(CORE_SRCS) $(CORE_HDRS)
	$(FUZZ_CC) $(FUZZ_FLAGS) -Isrc/core $(ICU_CFLAGS) -o $@ $< $(CORE_SRCS) $(ICU_LIBS)

.PHONY: core-check fuzz-build fuzz-smoke bench-core bench-ner bench-quotes bench-stem-loan bench-fts-core
core-check: test/unit/core_test $(GAZ_IMAGE)
	./test/unit/core_test

fuzz-build: $(FUZZ_PROGS)

# Short bounded run of every fuzzer from its seed corpus; any crash fails.
fuzz-smoke: $(FUZZ_PROGS)
	@set -e; for f in $(FUZZ_PROGS); do \
	  n=$$(basename $$f); mkdir -p test/fuzz/work/$$n; \
	  echo "fuzz-smoke: $$n for $(FUZZ_SECONDS)s"; \
	  ./$$f -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -print_final_stats=1 \
	     -artifact_prefix=test/fuzz/work/$$n- test/fuzz/work/$$n test/fuzz/seeds >test/fuzz/work/$$n.log 2>&1 \
	     || { tail -40 test/fuzz/work/$$n.log; echo "fuzz-smoke: $$n FAILED"; exit 1; }; \
	  grep -E 'stat::number_of_executed_units' test/fuzz/work/$$n.log || true; \
	done

bench-core: test/bench/core_bench
	./test/bench/core_bench $(BENCH_ARGS)

# ar_ner_extract alone, at the extension's -O2: NER_BENCH_TEXT has one document per line
# (default: the sample corpus, a paragraph per line, 200 times); BENCH_REPS passes, the best printed
NER_BENCH_TEXT ?=
bench-ner: test/bench/ner_core_bench $(GAZ_IMAGE)
	@f="$(NER_BENCH_TEXT)"; if [ -z "$$f" ]; then f=test/bench/ner_corpus.txt; : > $$f; \
	  for i in $$(seq 200); do cat test/corpus/[0-9]*.txt >> $$f; done; fi; \
	./test/bench/ner_core_bench src/tsearch_data/pg_arabic_ner.model $(GAZ_IMAGE) $$f $(BENCH_REPS)

# ar_quotes_find alone (guessed persons), with an output checksum: QUOTES_BENCH_TEXT as NER_BENCH_TEXT
QUOTES_BENCH_TEXT ?=
bench-quotes: test/bench/quotes_core_bench
	@f="$(QUOTES_BENCH_TEXT)"; if [ -z "$$f" ]; then f=test/bench/ner_corpus.txt; : > $$f; \
	  for i in $$(seq 200); do cat test/corpus/[0-9]*.txt >> $$f; done; fi; \
	./test/bench/quotes_core_bench $$f $(BENCH_REPS)

# the stemmer with loanword folding off and on (no word memo): STEM_BENCH_TEXT, default the sample corpus
STEM_BENCH_TEXT ?=
bench-stem-loan: test/bench/stem_loan_bench
	@f="$(STEM_BENCH_TEXT)"; if [ -z "$$f" ]; then f=test/bench/ner_corpus.txt; : > $$f; \
	  for i in $$(seq 200); do cat test/corpus/[0-9]*.txt >> $$f; done; fi; \
	./test/bench/stem_loan_bench $$f $(BENCH_REPS)

# the ar_stem dictionary's path (tokenizer, word memo, stemmer) outside PostgreSQL: FTS_BENCH_TEXT has
# one document per line (default: the sample corpus 200 times); FTS_BENCH_MODE 0 = no memo, 1 = memo
FTS_BENCH_TEXT ?=
FTS_BENCH_MODE ?= 1
bench-fts-core: test/bench/fts_core_bench
	@f="$(FTS_BENCH_TEXT)"; if [ -z "$$f" ]; then f=test/bench/ner_corpus.txt; : > $$f; \
	  for i in $$(seq 200); do cat test/corpus/[0-9]*.txt >> $$f; done; fi; \
	./test/bench/fts_core_bench $$f $(BENCH_REPS) $(FTS_BENCH_MODE)

# ---- named-entity model: `make model` retrains the shipped model and the evaluation model ----
# Both reproducible (fixed seed and epochs), with the same recipe:
#  - src/tsearch_data/pg_arabic_ner.{model,gaz}: the shipped model, trained on every sentence;
#  - src/tsearch_data/pg_arabic_ner_dev.model and src/train/ner_dev_learned.tsv: the same recipe
#    with the last NER_DEV_PERCENT % of the sentences held out from the model and from the learned
#    names, for test/eval/ner_eval.sh (SET pg_arabic.ner_model = 'pg_arabic_ner_dev').
NER_TRAIN_DATA ?= ../shared/data/anercorp/train.txt
NER_EPOCHS ?= 12
NER_BITS ?= 17
NER_RUNS ?= 3
NER_SEED ?= 20260423
NER_DEV_PERCENT ?= 10
NER_CURATED = $(foreach f,gaz_orgs gaz_people gaz_world gaz_places_misc gaz_arab_people gaz_orgs2 gaz_curated gaz_icu,-c src/train/$(f).tsv)
# one-word names from ../shared/data/names (make names-lists), as the model's name table
NER_NAMES = -n src/train/names_tokens.tsv
NER_RECIPE = -t "$(NER_TRAIN_DATA)" -e $(NER_EPOCHS) -b $(NER_BITS) -r $(NER_RUNS) -s $(NER_SEED) $(NER_CURATED) $(NER_NAMES)
EXTRA_CLEAN += src/train/ner_train src/train/names_fold src/train/icu_places src/train/gaz_image $(GAZ_IMAGE)

# the list options of the recipe (curated gazetteers, name lists), for test/eval/ner_cv.sh
.PHONY: ner-curated
ner-curated:
	@echo $(NER_CURATED) $(NER_NAMES)

src/train/gaz_image: src/train/gaz_image.c $(CORE_SRCS) $(CORE_HDRS)
	$(CORE_CC) $(CORE_CFLAGS) -Isrc/core $(ICU_CFLAGS) -o $@ $< $(CORE_SRCS) $(ICU_LIBS)

$(GAZ_IMAGE): src/tsearch_data/pg_arabic_ner.gaz src/train/gaz_image
	./src/train/gaz_image $< $@

src/train/ner_train: src/train/ner_train.c src/train/ner_train_names.c src/train/ner_train.h $(CORE_SRCS) $(CORE_HDRS)
	$(CORE_CC) $(CORE_CFLAGS) -Isrc/core $(ICU_CFLAGS) -o $@ src/train/ner_train.c src/train/ner_train_names.c $(CORE_SRCS) $(ICU_LIBS) -lm

.PHONY: model gazetteer-icu
model: src/train/ner_train
	@test -f "$(NER_TRAIN_DATA)" || { echo "MISSING: $(NER_TRAIN_DATA) (ANERcorp train split) is needed to train the model" >&2; exit 1; }
	./src/train/ner_train $(NER_RECIPE) -d 0 -m src/tsearch_data/pg_arabic_ner.model -g src/tsearch_data/pg_arabic_ner.gaz
	./src/train/ner_train $(NER_RECIPE) -d $(NER_DEV_PERCENT) -m src/tsearch_data/pg_arabic_ner_dev.model -g src/train/ner_dev.gaz
	grep -P '\tanercorp$$' src/train/ner_dev.gaz > src/train/ner_dev_learned.tsv
	rm -f src/train/ner_dev.gaz

# Regenerate the name lists of ../shared/data/names (see src/train/names_lists.py): committed,
# so that `make model` does not need ../shared/data/names.
NAMES_DIR ?= ../shared/data/names
src/train/names_fold: src/train/names_fold.c $(CORE_SRCS) $(CORE_HDRS)
	$(CORE_CC) $(CORE_CFLAGS) -Isrc/core $(ICU_CFLAGS) -o $@ $< $(CORE_SRCS) $(ICU_LIBS)
.PHONY: names-lists
names-lists: src/train/names_fold
	@test -d "$(NAMES_DIR)" || { echo "MISSING: $(NAMES_DIR) (shared name lists)" >&2; exit 1; }
	python3 src/train/names_lists.py "$(NAMES_DIR)" ./src/train/names_fold src/train

# Regenerate the ICU/CLDR place names (committed, so builds do not depend on the ICU version).
gazetteer-icu:
	$(CXX) -O1 -o src/train/icu_places src/train/icu_places.cpp $(ICU_CFLAGS) $(ICU_LIBS)
	./src/train/icu_places > src/train/gaz_icu.tsv

# ---- noun lexicon: `make lexicon` regenerates the committed src/tsearch_data/pg_arabic.lexicon ----
# from Debian's hunspell-ar (Ayaspell; apt-get install hunspell-ar), with src/train/lexicon_from_hunspell.py.
# Only needed to regenerate the data: the default build uses the committed file.
HUNSPELL_AR_DIR ?= /usr/share/hunspell
.PHONY: lexicon
lexicon:
	@test -f $(HUNSPELL_AR_DIR)/ar.dic -a -f $(HUNSPELL_AR_DIR)/ar.aff || { echo "MISSING: $(HUNSPELL_AR_DIR)/ar.{aff,dic} (apt-get install hunspell-ar)" >&2; exit 1; }
	python3 src/train/lexicon_from_hunspell.py $(HUNSPELL_AR_DIR)/ar.aff $(HUNSPELL_AR_DIR)/ar.dic \
	  "hunspell-ar $$(dpkg-query -W -f='$${Version}' hunspell-ar 2>/dev/null || echo unknown)" > src/tsearch_data/pg_arabic.lexicon

# ---- name model (docs/names.md): `make names-model` retrains the shipped model ----
# Reproducible (no randomness, fixed EM iterations).  The shipped model is trained on every pair;
# names-dev-model trains the same recipe without the NAMES_DEV_PERCENT % held-out components
# (no Arabic and no Latin token shared with training) and writes those pairs for test/eval/names_eval.sh.
NAMES_DATA ?= ../shared/data/names
NAMES_ITERS ?= 8
# per-Arabic-letter bonus of the cross-script score, chosen on the tune slice (docs/names.md)
NAMES_BONUS ?= 1.5
NAMES_DEV_PERCENT ?= 24
# romanizer: renderings below this share of their Arabic letter's are left out (tune slice, docs/names.md)
NAMES_DISPLAY_SHARE ?= 0.001
NAMES_RECIPE = -w $(NAMES_DATA)/wikidata_person_name_tokens.tsv -p $(NAMES_DATA)/wikipedia_name_transliterations_ar_en.tsv -i $(NAMES_ITERS) -b $(NAMES_BONUS) -r $(NAMES_DISPLAY_SHARE) \
  -E $(NAMES_DATA)/arwikicats_titles.tsv
# which Arabic tokens are names (src/core/ar_namefilter.c): ordinary words from ANERcorp, names from the
# name lists (NAMES_WORDS_EXTRA="-H /usr/share/hunspell/ar.dic" adds hunspell-ar word forms: see docs/names.md)
NAMES_WORDS_EXTRA ?=
NAMES_WORDS_RECIPE = -a $(NER_TRAIN_DATA) -s src/tsearch_data/pg_arabic.stop $(NAMES_WORDS_EXTRA) \
  -N $(NAMES_DATA)/wikidata_person_name_tokens.tsv:1 -N $(NAMES_DATA)/wikipedia_name_transliterations_ar_en.tsv:1 \
  -N $(NAMES_DATA)/cldr_ar_names.tsv:3
EXTRA_CLEAN += src/train/names_train src/train/names_words_dev.words src/train/names_dev.model src/train/names_dev.tsv

src/train/names_train: src/train/names_train.c src/train/names_places.c src/train/names_display.c src/train/names_train.h src/train/names_words.c src/train/names_words.h $(CORE_SRCS) $(CORE_HDRS)
	$(CORE_CC) $(CORE_CFLAGS) -Isrc/core $(ICU_CFLAGS) -o $@ $< src/train/names_places.c src/train/names_display.c src/train/names_words.c $(CORE_SRCS) $(ICU_LIBS) -lm

.PHONY: names-model names-dev-model names-words-eval
# how many held-out ANERcorp tokens get name keys, outside entities and in PERS/LOC (lexicon from the first 90 %)
names-words-eval: src/train/names_train
	./src/train/names_train $(NAMES_WORDS_RECIPE) -l src/train/names_words_dev.words -x 10

names-model: src/train/names_train
	@test -f "$(NAMES_DATA)/wikidata_person_name_tokens.tsv" || { echo "MISSING: $(NAMES_DATA)/wikidata_person_name_tokens.tsv is needed to train the name model" >&2; exit 1; }
	./src/train/names_train $(NAMES_RECIPE) -d 0 -m src/tsearch_data/pg_arabic_names.model
	./src/train/names_train $(NAMES_WORDS_RECIPE) -l src/tsearch_data/pg_arabic_names.words -n src/tsearch_data/pg_arabic_names.names

names-dev-model: src/train/names_train
	@test -f "$(NAMES_DATA)/wikidata_person_name_tokens.tsv" || { echo "MISSING: $(NAMES_DATA)/wikidata_person_name_tokens.tsv is needed to train the name model" >&2; exit 1; }
	./src/train/names_train $(NAMES_RECIPE) -d $(NAMES_DEV_PERCENT) -m src/train/names_dev.model -D src/train/names_dev.tsv

# held-out cross-script retrieval (test/eval/names_eval.c): NAMES_SLICE tune or report
NAMES_SLICE ?= report
NAMES_QUERIES ?= 2000
EXTRA_CLEAN += test/eval/names_eval test/bench/names_bench
test/eval/names_eval: test/eval/names_eval.c $(CORE_SRCS) $(CORE_HDRS)
	$(CORE_CC) $(CORE_CFLAGS) -Isrc/core $(ICU_CFLAGS) -o $@ $< $(CORE_SRCS) $(ICU_LIBS)

.PHONY: names-eval
names-eval: names-dev-model test/eval/names_eval
	./test/eval/names_eval src/train/names_dev.model src/train/names_dev.tsv $(NAMES_SLICE) $(NAMES_QUERIES)

# ar_name_similarity / ar_name_key throughput beside a Levenshtein anchor (test/bench/names_bench.c)
NAMES_BENCH_PAIRS ?= $(NAMES_DATA)/wikidata_person_name_tokens.tsv
test/bench/names_bench: test/bench/names_bench.c $(CORE_SRCS) $(CORE_HDRS)
	$(CORE_CC) $(CORE_CFLAGS) -O3 -DNDEBUG -Isrc/core $(ICU_CFLAGS) -o $@ $< $(CORE_SRCS) $(ICU_LIBS)

.PHONY: bench-names
bench-names: test/bench/names_bench
	./test/bench/names_bench src/tsearch_data/pg_arabic_names.model $(NAMES_BENCH_PAIRS) $(BENCH_ARGS)

# ---- release: `make dist` writes pg_arabic-VERSION.tar.gz, a git archive of HEAD ----
# VERSION is default_version of pg_arabic.control; META.json (PGXN, as VERSION.0) and
# debian/changelog (VERSION-N) must agree with it (test/suites/release_metadata.sh checks).
EXT_VERSION := $(shell sed -n "s/^default_version *= *'\(.*\)'/\1/p" $(EXTENSION).control)
DIST_NAME = $(EXTENSION)-$(EXT_VERSION)
.PHONY: dist
dist:
	@git diff --quiet HEAD -- || echo "note: uncommitted changes are not in the tarball (it archives HEAD)" >&2
	git archive --format=tar.gz --prefix=$(DIST_NAME)/ -o $(DIST_NAME).tar.gz HEAD
	@echo "wrote $(DIST_NAME).tar.gz from $$(git rev-parse --short HEAD)"
