#!/usr/bin/env bash
# Runs $MAGELLAN_KV ARGS for help2man. help2man reads extra usage forms only as GNU "or:" lines,
# so the usage lines that --help aligns under the first one are rewritten that way (and a wrapped
# form is joined back into one line). The "Commands:" and "Exit status:" headings become
# help2man's "*Section*" marks, so that each is a section of the page rather than a sub-heading;
# everything else passes through unchanged.
set -euo pipefail
: "${MAGELLAN_KV:?set MAGELLAN_KV to the magellan-kv binary}"
"$MAGELLAN_KV" "$@" | awk '
    /^Usage:/ { usage = 1 }
    /^$/ { usage = 0 }
    usage && /^ +\[/ { sub(/^ +/, " "); line = line $0; next }
    usage && /^ +[^ ]/ { sub(/^ +/, "   or: ") }
    /^(Commands|Exit status):$/ { sub(/:$/, ""); $0 = "*" $0 "*" }
    { if (started) print line; line = $0; started = 1 }
    END { if (started) print line }
'
