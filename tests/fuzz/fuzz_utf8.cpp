// libFuzzer target for UTF-8 validation and repair (core/utf8.h), which decide which values get a
// _base64 sibling. Checked against a plain reference decoder (RFC 3629: no overlongs, no UTF-16
// surrogates, nothing past U+10FFFF): same verdict, and the repair replaces exactly the bytes that
// start no well-formed sequence with U+FFFD, always giving valid UTF-8.
#include "format/utf8.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace magellan;

namespace {

// Length of the well-formed sequence at the start of `s`, or 0.
std::size_t referenceSequence(std::string_view s) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char lead = byte(0);
    if (lead < 0x80)
        return 1;
    std::size_t length = 0;
    std::uint32_t codePoint = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2;
        codePoint = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        codePoint = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        codePoint = lead & 0x07;
    } else {
        return 0;
    }
    if (s.size() < length)
        return 0;
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(i) & 0xC0) != 0x80)
            return 0;
        codePoint = (codePoint << 6) | (byte(i) & 0x3F);
    }
    static const std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (codePoint < smallest[length] || codePoint > 0x10FFFF ||
        (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        return 0;
    return length;
}

[[noreturn]] void fail(const char *what) {
    std::fprintf(stderr, "fuzz_utf8: %s\n", what);
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char *>(data), size);
    bool valid = true;
    std::string expected;
    for (std::size_t i = 0; i < input.size();) {
        const std::size_t length = referenceSequence(input.substr(i));
        if (length == 0) {
            valid = false;
            expected += "\xEF\xBF\xBD";
            ++i;
        } else {
            expected.append(input.substr(i, length));
            i += length;
        }
    }
    if (utf8::isValid(input) != valid)
        fail("isValid disagrees with the reference decoder");
    std::string repaired = "prefix"; // appendRepaired appends: what was there stays
    utf8::appendRepaired(input, repaired);
    if (repaired != "prefix" + expected)
        fail("appendRepaired differs from the reference repair");
    if (!utf8::isValid(repaired))
        fail("the repaired text is not valid UTF-8");
    return 0;
}
