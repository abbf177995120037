#pragma once

#include <string>
#include <string_view>

namespace magellan::utf8 {

// True when `bytes` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool isValid(std::string_view bytes);

// Appends `bytes` to `out` with U+FFFD in place of each byte that is not part of a well-formed
// sequence.
void appendRepaired(std::string_view bytes, std::string &out);

} // namespace magellan::utf8
