#pragma once

#include <string>
#include <string_view>

namespace magellan::fixture {

// Lowercase hex SHA-256 (FIPS 180-4) of the given bytes.
std::string sha256Hex(std::string_view bytes);

} // namespace magellan::fixture
