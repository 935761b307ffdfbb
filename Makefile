# schakel: one Makefile, no second build system.
#
#   make run      install what is missing, build, serve demo data on :8080
#   make test     install what is missing, build, run every test
#   make bench    benchmarks that print figures (docs/performance.md)
#   make fuzz     libFuzzer harnesses, one minute each (clang)
#   make check-faults  every store statement of the signal and advice
#                 steps made to fail in turn, under ASan
#
# BUILD names the output folder; `make BUILD=build/asan SAN=1` builds the
# same tree under AddressSanitizer and UndefinedBehaviorSanitizer.

BUILD	?= build
DATA	?= var/demo
LISTEN	?= 127.0.0.1:8080
PKGS	 = libmicrohttpd gnutls libsodium jansson sqlite3 libpq libqrencode \
	   libcurl

CC	?= cc
CFLAGS	?= -g -O2
CFLAGS	+= -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
	   -Wmissing-prototypes -Wpointer-arith -Wcast-qual -Wsign-compare \
	   -Wformat=2 -Wno-format-nonliteral -fno-strict-aliasing \
	   -D_GNU_SOURCE -fstack-protector-strong
CPPFLAGS += -Isrc -I$(BUILD)/gen -DSCHAKEL_DEBUG \
	    $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS	 = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread -lm
ifeq ($(SAN),1)
CFLAGS	+= -fsanitize=address,undefined -fno-omit-frame-pointer \
	   -fno-sanitize-recover=undefined
LDFLAGS	+= -fsanitize=address,undefined
endif

# Sources by module, in dependency order.  Each module's unit tests sit
# beside it as *_test.c.
MODULES	= core mail store crypt audit auth domain insight http api cli
SRC	= $(filter-out %_test.c %_fuzz.c, \
	    $(foreach m,$(MODULES),$(wildcard src/$(m)/*.c)))
OBJ	= $(SRC:src/%.c=$(BUILD)/obj/%.o)
GENSRC	= $(BUILD)/gen/embedded_migrations.c $(BUILD)/gen/embedded_web.c \
	  $(BUILD)/gen/embedded_data.c
GENOBJ	= $(GENSRC:$(BUILD)/gen/%.c=$(BUILD)/obj/gen/%.o)
TESTSRC	= $(foreach m,$(MODULES),$(wildcard src/$(m)/*_test.c))
TESTS	= $(TESTSRC:src/%.c=$(BUILD)/test/%)

MIGRATIONS = $(sort $(wildcard sql/migrations/*.sql))
DATAFILES  = data/gemeenten.csv data/indicators.csv data/help-needs.csv \
	     data/common-passwords.txt
WEBSRC	   = $(shell find web 2>/dev/null)
VENDORCSS  = node_modules/@rijkshuisstijl-community/design-tokens/dist/index.css \
	     node_modules/@utrecht/component-library-css/dist/index.css

.PHONY: all bootstrap run test unit api api-pg browser lint bench fuzz \
	check-faults clean

all: $(BUILD)/schakel $(TESTS)

$(BUILD)/schakel: $(BUILD)/obj/main.o $(OBJ) $(GENOBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/obj/%.o: src/%.c $(wildcard src/*/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/obj/gen/%.o: $(BUILD)/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/test/%: src/%.c $(OBJ) $(GENOBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS) -lcmocka

$(BUILD)/gen/embedded_migrations.c: $(MIGRATIONS) sql/migrations tools/embed.sh
	@mkdir -p $(dir $@)
	tools/embed.sh embedded_migrations sql/migrations $(MIGRATIONS) > $@.tmp
	mv $@.tmp $@

$(BUILD)/gen/embedded_data.c: $(DATAFILES) tools/embed.sh
	@mkdir -p $(dir $@)
	tools/embed.sh embedded_data data $(DATAFILES) > $@.tmp
	mv $@.tmp $@

# The web UI: our files plus the NL Design System CSS, copied at build time.
$(BUILD)/gen/embedded_web.c: $(WEBSRC) tools/embed.sh tools/stage-web.sh
	@mkdir -p $(dir $@)
	tools/stage-web.sh $(BUILD)/web
	tools/embed.sh embedded_web $(BUILD)/web \
	    $$(find $(BUILD)/web -type f | LC_ALL=C sort) > $@.tmp
	mv $@.tmp $@

bootstrap:
	@tools/bootstrap.sh

run: bootstrap
	@$(MAKE) -s -j$$(nproc) $(BUILD)/schakel
	@if test -f $(DATA)/schakel.key; then \
	    echo "Reusing $(DATA).  Demo accounts (user, password, role:" \
		"what to try):"; \
	    grep -v '^#' $(DATA)/demo-users.txt 2>/dev/null | \
		awk -F '\t' '{ printf "  %-26s %s\n  %-26s %s, %s\n", \
		    $$1, $$3, "", $$2, $$5 }'; \
	    echo "(The administrator 'admin' was shown once by init.)"; \
	else \
	    mkdir -p $(dir $(DATA)) && \
	    $(BUILD)/schakel init --data $(DATA) --demo && \
	    $(BUILD)/schakel demo --data $(DATA) --scale 3; \
	fi
	@echo "Open http://$(LISTEN)/ and log in with a demo account."
	@echo "(Another port or folder: make run LISTEN=127.0.0.1:8090" \
	    "DATA=var/other)"
	$(BUILD)/schakel serve --data $(DATA) --listen $(LISTEN)

# Every test: lint, unit, API, browser, then unit and API again under
# AddressSanitizer and UndefinedBehaviorSanitizer.  The last line is the
# total, in the form CI reads.
test: bootstrap
	@tools/test.sh

unit: $(TESTS)
	@tools/test.sh unit $(BUILD)

api: $(BUILD)/schakel
	@tools/test.sh api $(BUILD)

api-pg: $(BUILD)/schakel
	@tools/test.sh api-pg $(BUILD)

browser: $(BUILD)/schakel
	@tools/test.sh browser $(BUILD)

lint:
	@tools/checksrc.sh

bench: bootstrap
	@tools/bench.sh && tools/bench_cases.sh && tools/bench_providers.sh && \
	    tools/bench_insight.sh

fuzz: bootstrap
	@tools/fuzz.sh

# Every statement of every signal and advice step made to fail, once
# each, under ASan (src/domain/faults_test.c); make test runs it too.
check-faults: bootstrap
	@tools/test.sh faults

clean:
	rm -rf build
