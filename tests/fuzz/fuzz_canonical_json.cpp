// libFuzzer target for the canonical JSON decoder (forEachCanonicalElement), which verification
// and the browser run on every stored value. The first byte picks the layout (whole value, array
// elements, a reject's row); the rest is the value. Malformed JSON, truncated UTF-8 and huge or
// deep arrays must never crash it; its fast path for canonical values must agree exactly with the
// general parser (forEachCanonicalElementSlow); and every row it hands over must be canonical:
// valid UTF-8, valid JSON, and re-encoded by the general parser to the very same bytes.
#include "format/canonical_json.h"
#include "format/utf8.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace magellan;

namespace {

[[noreturn]] void fail(const char *what, const std::string &row) {
    std::fprintf(stderr, "fuzz_canonical_json: %s: %s\n", what, row.c_str());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    if (size == 0)
        return 0;
    const auto layout = static_cast<ElementLayout>(data[0] % 3);
    const std::string_view json(reinterpret_cast<const char *>(data + 1), size - 1);
    std::vector<std::string> rows;
    const bool parsed = forEachCanonicalElement(
        json, layout, [&](std::string_view row) { rows.emplace_back(row); });
    std::vector<std::string> general;
    const bool generalParsed = forEachCanonicalElementSlow(
        json, layout, [&](std::string_view row) { general.emplace_back(row); });
    if (parsed != generalParsed || rows != general)
        fail("the fast path and the general parser disagree", std::string(json));
    for (const std::string &row : rows) {
        if (!utf8::isValid(row))
            fail("a row is not valid UTF-8", row);
        if (!nlohmann::json::accept(row))
            fail("a row is not valid JSON", row);
        std::vector<std::string> again;
        const bool reparsed =
            forEachCanonicalElementSlow(row, ElementLayout::WholeValue,
                                        [&](std::string_view value) { again.emplace_back(value); });
        if (!reparsed || again.size() != 1 || again.front() != row)
            fail("a row does not re-encode to itself", row);
    }
    return 0;
}
