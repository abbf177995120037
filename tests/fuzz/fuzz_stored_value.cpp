// libFuzzer target for the decoding the KV browser runs on a pool thread for every value it shows
// (decodeStoredValue) and on a store's meta:migration record (parseMigrationRecord,
// summarizeMigrationRecord). The input is a key, a newline, then the value: whatever the bytes,
// the decoders must return, not throw, and a value that is not shown as its kind must say why.
#include "migrate/migration_record.h"
#include "browse/stored_value.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

using namespace magellan;

namespace {

[[noreturn]] void fail(const char *what, std::string_view key) {
    std::fprintf(stderr, "fuzz_stored_value: %s: %.*s\n", what, static_cast<int>(key.size()),
                 key.data());
    std::abort();
}

// True when the value was decoded as its key's kind (or its kind has no decoder).
bool shownAsItsKind(const DecodedValue &decoded) {
    switch (decoded.kind) {
    case KeyKind::Chunk:
        return decoded.chunk.has_value();
    case KeyKind::AstGroup:
        return decoded.ast.has_value();
    case KeyKind::CfgGroup:
    case KeyKind::Record:
        return decoded.records.has_value();
    case KeyKind::Reject:
        return decoded.reject.has_value();
    case KeyKind::MigrationRecord:
        return decoded.migration.has_value();
    case KeyKind::Other:
        return decoded.isJson;
    }
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char *>(data), size);
    const size_t newline = input.find('\n');
    const std::string_view key =
        newline == std::string_view::npos ? "meta:migration" : input.substr(0, newline);
    const std::string_view value =
        newline == std::string_view::npos ? input : input.substr(newline + 1);
    try {
        const DecodedValue decoded = decodeStoredValue(key, value);
        if (!decoded.pretty)
            fail("nothing to show", key);
        if (!shownAsItsKind(decoded) && decoded.problems.empty())
            fail("not shown as its kind, and no problem named", key);
        if (decoded.isJson != static_cast<bool>(decoded.document))
            fail("JSON without its document", key);
        (void)parseMigrationRecord(value);
        (void)summarizeMigrationRecord(value);
    } catch (...) {
        fail("an exception left the core", key);
    }
    return 0;
}
