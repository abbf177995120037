#pragma once

#include "status.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace magellan {

// Values nested deeper than this are not decoded as JSON: the recursive JSON code that shows them
// (indenting, copying) would run out of stack. What the migrator writes nests three levels.
inline constexpr int maxValueDepth = 1000;

// Parses a value read from a store as JSON; an error when it is not JSON or nests deeper than
// maxValueDepth. Never throws. Stateless: any thread.
Result<nlohmann::ordered_json> parseStoredJson(std::string_view value);

} // namespace magellan
