#!/usr/bin/env bash
# Sets everything up, builds, and runs the whole test suite.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/build.sh"
# Installs the .deb into this machine and opens a database with it, so only in CI or as root.
if [ "${CI:-}" = true ] || [ "$(id -u)" = 0 ]; then
    bash "$root/packaging/test-install.sh" "$root/build"
fi
ctest --test-dir "$root/build" --output-on-failure --parallel 2
# libFuzzer (clang): each target for a bounded time on its seed corpus in tests/fuzz.
CC=clang CXX=clang++ cmake -S "$root" -B "$root/build-fuzz" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DMAGELLAN_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build "$root/build-fuzz" --target magellan_fuzzers
bash "$root/tests/fuzz/run.sh" "$root/build-fuzz" 20
# The whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer, from a build of its
# own (-O1 -g1, the usual level for sanitizer builds: quicker to build than -O2 -g); last, so that
# a ctest summary is still the run's closing line. No suppressions: it runs clean without any.
cmake -S "$root" -B "$root/build-asan" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DMAGELLAN_SANITIZE=ON \
    "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g1" "-DCMAKE_C_FLAGS_DEBUG=-O1 -g1" >/dev/null
cmake --build "$root/build-asan"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$root/build-asan" --output-on-failure --parallel 2
