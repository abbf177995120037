#include "format/utf8.h"

namespace magellan::utf8 {
namespace {

// Length of the well-formed sequence starting at `i`, or 0 when the byte there is bad.
size_t sequenceLength(std::string_view s, size_t i) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80)
        return 1;
    const size_t left = s.size() - i;
    const auto cont = [&](size_t k) { return (byte(i + k) & 0xC0) == 0x80; };
    if (b0 >= 0xC2 && b0 <= 0xDF)
        return left >= 2 && cont(1) ? 2 : 0;
    if (b0 >= 0xE0 && b0 <= 0xEF) {
        if (left < 3 || !cont(1) || !cont(2))
            return 0;
        const unsigned char b1 = byte(i + 1);
        if ((b0 == 0xE0 && b1 < 0xA0) || (b0 == 0xED && b1 > 0x9F))
            return 0; // overlong, or a UTF-16 surrogate
        return 3;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
        if (left < 4 || !cont(1) || !cont(2) || !cont(3))
            return 0;
        const unsigned char b1 = byte(i + 1);
        if ((b0 == 0xF0 && b1 < 0x90) || (b0 == 0xF4 && b1 > 0x8F))
            return 0; // overlong, or past U+10FFFF
        return 4;
    }
    return 0;
}

} // namespace

bool isValid(std::string_view bytes) {
    size_t i = 0;
    while (i < bytes.size()) {
        // ASCII fast path, eight bytes at a time.
        while (i + 8 <= bytes.size()) {
            unsigned long long word;
            __builtin_memcpy(&word, bytes.data() + i, 8);
            if (word & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= bytes.size())
            break;
        if (static_cast<unsigned char>(bytes[i]) < 0x80) { // the short tail, byte by byte
            ++i;
            continue;
        }
        const size_t n = sequenceLength(bytes, i);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

void appendRepaired(std::string_view bytes, std::string &out) {
    size_t i = 0;
    while (i < bytes.size()) {
        const size_t n = sequenceLength(bytes, i);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(bytes.data() + i, n);
            i += n;
        }
    }
}

} // namespace magellan::utf8
