#!/usr/bin/env bash
# Sets everything up, builds, and runs the whole test suite.
#
# Where the time went on a quiet 2-core machine (fresh clone, 1371 s in all): the normal build
# 473 s and the sanitized one 476 s, ctest 56 s and 194 s, the fuzzers 47 s to build and 80 s to
# run, the .deb install test 19 s. To bring CI under 20 minutes (about 19, by the savings each
# change measured alone):
# - the sanitizer pass builds only what it runs (target sanitizer_pass_tests: no benchmarks, no
#   package files), and leaves out the tests labelled "slow" (whole runs of the binary killed,
#   raced or fed live, about 75 s there) and "packaging" (files and the .deb, not code); both run
#   in the normal pass, and every other test runs in both (tests/CMakeLists.txt says why);
# - the tests' own sources are built at -Og in both builds (the libraries they test are not);
# - the command line's interrupt test no longer generates a 600k-row source;
# - the fuzzers run side by side, one per core, each for its full 20 s.
# Each step prints its start time since the beginning ("test.sh: [123s] ...").
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
started=$SECONDS
step() { echo "test.sh: [$((SECONDS - started))s] $*"; }

step "setup and build"
bash "$root/scripts/build.sh"
# Installs the .deb into this machine and opens a database with it, so only in CI or as root.
if [ "${CI:-}" = true ] || [ "$(id -u)" = 0 ]; then
    step "install test"
    bash "$root/packaging/test-install.sh" "$root/build"
fi
step "tests"
ctest --test-dir "$root/build" --output-on-failure --parallel 2
# libFuzzer (clang): each target for a bounded time on its seed corpus in tests/fuzz.
step "fuzzers: build"
CC=clang CXX=clang++ cmake -S "$root" -B "$root/build-fuzz" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DMAGELLAN_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build "$root/build-fuzz" --target magellan_fuzzers
step "fuzzers: run"
bash "$root/tests/fuzz/run.sh" "$root/build-fuzz" 20
# The suite again under AddressSanitizer + UndefinedBehaviorSanitizer, from a build of its own
# (-O1 -g1, the usual level for sanitizer builds: quicker to build than -O2 -g); last, so that a
# ctest summary is still the run's closing line. No suppressions: it runs clean without any.
# Only the tests it runs are built, and the slow and packaging ones are left out (see above).
step "sanitizer pass: build"
cmake -S "$root" -B "$root/build-asan" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DMAGELLAN_SANITIZE=ON \
    "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g1" "-DCMAKE_C_FLAGS_DEBUG=-O1 -g1" >/dev/null
cmake --build "$root/build-asan" --target sanitizer_pass_tests
step "sanitizer pass: tests"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$root/build-asan" --output-on-failure --parallel 2 \
    --label-exclude '^(slow|packaging)$'
