#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace magellan {

// Where the plain part of a JSON string's content ends: the index of the first byte at or after
// `from` that is '"', '\\' or a control character (or, with `stopAtHighBytes`, any byte >= 0x80),
// or text.size(). Eight bytes at a time; the writer and the canonical scanner both run on it.
inline size_t findJsonStringSpecial(std::string_view text, size_t from, bool stopAtHighBytes) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    size_t at = from;
    while (at + 8 <= text.size()) {
        std::uint64_t word;
        std::memcpy(&word, text.data() + at, 8);
        // A zero byte in x sets its high bit in (x - ones) & ~x; the lowest set bit is exact
        // (a borrow only runs upward from a byte that is itself a hit).
        const auto zeroBytes = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
        std::uint64_t hits = zeroBytes(word ^ (ones * '"')) | zeroBytes(word ^ (ones * '\\')) |
                             ((word - ones * 0x20) & ~word & highs); // bytes below 0x20
        if (stopAtHighBytes)
            hits |= word & highs;
        if (hits)
            return at + (__builtin_ctzll(hits) >> 3);
        at += 8;
    }
    for (; at < text.size(); ++at) {
        const unsigned char c = static_cast<unsigned char>(text[at]);
        if (c == '"' || c == '\\' || c < 0x20 || (stopAtHighBytes && c >= 0x80))
            return at;
    }
    return at;
}

} // namespace magellan
