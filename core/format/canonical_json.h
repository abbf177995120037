#pragma once

#include <functional>
#include <string_view>

namespace magellan {

// Which parts of a stored value are the rows it carries.
enum class ElementLayout {
    WholeValue,    // the value is one row (chunk, metrics, execlog)
    ArrayElements, // each element of a top-level array is a row (ast, cfg)
    RowField,      // the "row" field of a top-level object (reject)
};

// Parses `json` as a stream and calls `onElement` with the canonical encoding (JsonWriter's) of
// each row in it. Returns false, having called onElement for the rows before the fault, when
// `json` is not valid JSON or not of the expected shape.
bool forEachCanonicalElement(std::string_view json, ElementLayout layout,
                             const std::function<void(std::string_view)> &onElement);

// The same, always through the general parser and re-encoder (the fast path above skips it for
// values already written canonically). For tests that compare the two.
bool forEachCanonicalElementSlow(std::string_view json, ElementLayout layout,
                                 const std::function<void(std::string_view)> &onElement);

} // namespace magellan
