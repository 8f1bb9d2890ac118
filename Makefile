# Guiyan 归雁 — the two commands a newcomer needs:
#   make run    install what is missing, build, create a demo database on first start, serve
#   make test   build and run every test (unit, API, browser, sanitizers) with one summary line
# Other targets: build, web, asan, bench, format, clean.

BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc)
DB         ?= guiyan.db
LISTEN     ?= 127.0.0.1:8080
CMAKE_ARGS ?=

.PHONY: run test build web asan deps deps-test bench format clean

run: deps build web
	@if [ ! -f "$(DB)" ]; then \
	  echo "首次启动：创建演示数据库 $(DB)"; \
	  ./$(BUILD)/guiyan demo --db sqlite:$(DB); \
	fi
	@echo "控制台地址：http://$(LISTEN)/"
	./$(BUILD)/guiyan serve --listen $(LISTEN) --db sqlite:$(DB) --web web/dist

# The ASan build compiles inside scripts/run-tests.sh, while the browser tests run beside it.
test: deps-test build web browser-deps
	scripts/run-tests.sh $(BUILD) $(ASAN_BUILD)

deps:
	@scripts/install-deps.sh run

deps-test:
	@scripts/install-deps.sh test

build:
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_ARGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

# Only what the tests run: the benchmark tools are not built with sanitizers.
asan:
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DGUIYAN_SANITIZE=ON $(CMAKE_ARGS) >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS) --target guiyan unit_tests api_tests

web: web/dist/index.html

# npm install, not npm ci: the registry mirror lacks some of rollup's optional packages for other
# platforms, which npm ci refuses; npm install follows the lock for this platform.
web/node_modules/.package-lock.json: web/package-lock.json
	cd web && npm install --no-audit --no-fund
	@touch $@

web/dist/index.html: web/node_modules/.package-lock.json $(shell find web/src web/scripts web/index.html web/vite.config.* -type f 2>/dev/null)
	cd web && npm run build

browser-deps: tests/browser/node_modules/.package-lock.json

tests/browser/node_modules/.package-lock.json: tests/browser/package-lock.json
	cd tests/browser && npm install --no-audit --no-fund
	@touch $@

bench: build
	bench/run.sh

format:
	find src tests bench -name '*.cpp' -o -name '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) web/dist
