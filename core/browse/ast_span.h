#pragma once

#include "browse/stored_value.h"
#include "status.h"

#include <vector>

namespace magellan {

// Whether node `index` of `tree` spans byte `offset`: byte_start <= offset < byte_end, or, for an
// empty node, offset == byte_start. A node without a span contains nothing.
bool astNodeContains(const AstTree &tree, int index, qint64 offset);

// The deepest node whose span contains byte `offset`, found by descending from the roots into the
// first child that contains it (the tree-sitter playground's rule); InvalidInput when no root
// contains it.
Result<int> deepestAstNodeAt(const AstTree &tree, qint64 offset);

// The indexes from a root down to node `index`, both included; InvalidInput for an index that is
// not a node of `tree`.
Result<std::vector<int>> astPathTo(const AstTree &tree, int index);

} // namespace magellan
