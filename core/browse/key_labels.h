#pragma once

#include "format/key_codec.h"
#include "status.h"

#include <string>
#include <vector>

namespace magellan {

class SourceDatabase;

// What a person knows an AST or CFG key by, from the source's graph_entities: the path of the
// File entity an ast key is keyed by, the name and file of the function a cfg key is keyed by.
namespace keylabels {

// One label per key of `keys`, in order: "src/app.py" for an ast key, "main · src/app.py" for a
// cfg key, "" for any other key or one whose entity the source lacks. InvalidInput when the
// source has no graph_entities. Reads on the calling thread (the source's).
Result<std::vector<std::string>> labelKeys(SourceDatabase &source, KeyLayout layout,
                                           const std::vector<std::string> &keys);

} // namespace keylabels
} // namespace magellan
