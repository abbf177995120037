#pragma once

#include "code_text.h"
#include "prng.h"

#include <optional>
#include <string_view>
#include <vector>

namespace magellan::fixture {

struct AstRow {
    long long id = 0;
    std::optional<long long> parentId;
    std::string_view kind; // static storage
    long long byteStart = 0;
    long long byteEnd = 0;
};

// Streams the nodes of one file's syntax tree in pre-order, holding only the open path from
// the root: every parent comes before its children and every span nests inside its parent's.
// Each node owns a region of subtreeSize * bytesPerNode bytes; its span trims at most a quarter
// of bytesPerNode from either end, which always leaves room for its children's regions.
class TreeBuilder {
public:
    TreeBuilder(std::optional<long long> fileId, long long nodeCount, Language language,
                int bytesPerNode);

    bool done() const { return m_emitted == m_nodeCount; }
    std::optional<long long> fileId() const { return m_fileId; }

    // The next node, given the row id it will be stored under.
    AstRow next(long long id, Prng &rng);

private:
    struct OpenNode {
        long long id;
        long long budget; // descendants still to emit
        long long cursor; // where the next child's region starts
        int depth;
    };

    AstRow emitRoot(long long id);
    AstRow emitChild(long long id, Prng &rng);
    static long long chooseSubtreeSize(const OpenNode &parent, Prng &rng);
    std::string_view chooseKind(int depth, long long subtreeSize, Prng &rng) const;

    std::optional<long long> m_fileId;
    long long m_nodeCount;
    Language m_language;
    int m_bytesPerNode;
    long long m_emitted = 0;
    std::vector<OpenNode> m_open;
};

} // namespace magellan::fixture
