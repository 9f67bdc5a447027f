# zhenxing — the project's verbs. `make run` sets everything up and serves the demo; `make test` runs all tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test
VENDOR := zhenxing/web/static/vendor

.PHONY: run setup venv assets demo test test-sqlite test-postgres browser-deps office-deps lint bench bench-province e2e clean

run: setup demo
	$(BIN)/zhenxing serve --host 127.0.0.1 --port 8000

setup: venv assets

venv: $(BIN)/zhenxing

$(BIN)/zhenxing: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

assets: $(VENDOR)/.installed

$(VENDOR)/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(VENDOR)
	cp node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/
	cp node_modules/echarts/dist/echarts.min.js $(VENDOR)/
	mkdir -p $(VENDOR)/swagger-ui
	cp node_modules/swagger-ui-dist/swagger-ui-bundle.js node_modules/swagger-ui-dist/swagger-ui.css \
	   node_modules/swagger-ui-dist/favicon-32x32.png $(VENDOR)/swagger-ui/
	touch $@

demo: venv
	$(BIN)/zhenxing demo

# The whole suite on SQLite, then again on PostgreSQL.
test: setup browser-deps office-deps test-sqlite test-postgres

# Two workers (CI has two cores); a module's tests stay on one worker so its shared fixtures load once.
# Under PostgreSQL each worker migrates a database of its own beside $(PG_URL)'s (test_gw0, test_gw1).
PYTEST_WORKERS ?= -n 2 --dist loadfile

test-sqlite: venv
	$(BIN)/pytest $(PYTEST_WORKERS)

test-postgres: venv
	ZHENXING_TEST_DATABASE_URL=$(PG_URL) $(BIN)/pytest $(PYTEST_WORKERS) -m "not browser"

# apt as root, robust to a machine whose last dpkg run was interrupted (CI once failed on exactly that)
# and to another apt holding the lock for a while.
APT_INSTALL = { DEBIAN_FRONTEND=noninteractive dpkg --configure -a >/dev/null 2>&1 || true; } && \
	apt-get -o DPkg::Lock::Timeout=300 update -qq && \
	DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq

# Debian's Chromium for the Playwright tests (Playwright's own browser download does not work here).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then $(APT_INSTALL) chromium fonts-noto-cjk >/dev/null; \
	  else echo "chromium missing: apt-get install chromium (browser tests will skip)"; fi; }

# LibreOffice for the tests that print generated .docx/.xlsx to PDF (tests/outputs; they skip without it
# except under CI=true), and the Noto CJK fonts the official font names fall back to.
office-deps:
	@command -v soffice >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then $(APT_INSTALL) libreoffice-writer-nogui fonts-noto-cjk >/dev/null; \
	  else echo "soffice missing: apt-get install libreoffice-writer-nogui fonts-noto-cjk (PDF checks will skip)"; fi; }

e2e: setup browser-deps
	$(BIN)/pytest -m browser

lint: venv
	$(BIN)/ruff check .

bench: setup
	$(BIN)/python bench/ledger.py
	$(BIN)/python bench/extract.py

# A simulated province on PostgreSQL (issue 10): generated once into test_province_bench, kept, then measured.
bench-province: setup
	$(BIN)/python bench/province.py --database-url $(PG_URL) --keep test_province_bench

clean:
	rm -rf $(VENV) node_modules $(VENDOR) zhenxing.db zhenxing.db-wal zhenxing.db-shm
