# Sourced by the .deb checks: build_deb BUILD_DIR OUT_DIR builds the .deb from a built tree with
# cpack into OUT_DIR and prints its path (cpack's log on stderr when it fails).
build_deb() {
    local build="$1" out="$2"
    if ! timeout 120 cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out" \
        >"$out.log" 2>&1; then
        cat "$out.log" >&2
        echo "FAIL: cpack could not build the .deb" >&2
        return 1
    fi
    local debs=("$out"/magellan-kv_*.deb)
    [ -f "${debs[0]}" ] || { echo "FAIL: cpack wrote no magellan-kv_*.deb into $out" >&2; return 1; }
    echo "${debs[0]}"
}
