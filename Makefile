# Coffer quick start (README.md):
#   make run   installs what is missing, builds, creates a demo workspace, opens the console
#   make test  installs what is missing, builds, runs every test through ctest
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
DEMO_DIR := $(BUILD_DIR)/demo

.PHONY: all deps configure build run demo test asan format package clean

all: build

deps:
	@bash installer/debian-deps.sh

configure: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

demo: build
	@bash resources/demo/make-demo.sh $(BUILD_DIR) $(DEMO_DIR)

run: demo
	@bash resources/demo/open-console.sh $(BUILD_DIR) $(DEMO_DIR)

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer.
asan: deps
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS)
	@cd build-asan && ctest --output-on-failure -j $(JOBS)

format: configure
	@cmake --build $(BUILD_DIR) --target format

clean:
	rm -rf $(BUILD_DIR) build-asan
