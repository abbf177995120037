#include "browse/ast_span.h"

namespace magellan {

bool astNodeContains(const AstTree &tree, int index, qint64 offset) {
    const AstNode &node = tree.nodes[static_cast<size_t>(index)];
    if (!node.byteStart || !node.byteEnd)
        return false;
    if (*node.byteStart == *node.byteEnd)
        return offset == *node.byteStart;
    return *node.byteStart <= offset && offset < *node.byteEnd;
}

Result<int> deepestAstNodeAt(const AstTree &tree, qint64 offset) {
    int found = -1;
    const std::vector<int> *candidates = &tree.roots;
    // A loop, not recursion: trees can be tens of thousands of levels deep.
    while (true) {
        int next = -1;
        for (const int candidate : *candidates) {
            // An empty node wins only when nothing wider holds the offset at this level.
            if (astNodeContains(tree, candidate, offset)) {
                const AstNode &node = tree.nodes[static_cast<size_t>(candidate)];
                next = candidate;
                if (*node.byteStart != *node.byteEnd)
                    break;
            }
        }
        if (next < 0)
            break;
        found = next;
        candidates = &tree.nodes[static_cast<size_t>(next)].children;
    }
    if (found < 0)
        return Status::invalidInput(QStringLiteral("no node spans byte %1").arg(offset));
    return found;
}

Result<std::vector<int>> astPathTo(const AstTree &tree, int index) {
    if (index < 0 || index >= static_cast<int>(tree.nodes.size()))
        return Status::invalidInput(QStringLiteral("%1 is not a node of this tree").arg(index));
    std::vector<int> path;
    for (int at = index; at >= 0; at = tree.nodes[static_cast<size_t>(at)].parent)
        path.push_back(at);
    return std::vector<int>(path.rbegin(), path.rend());
}

} // namespace magellan
