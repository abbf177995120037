#pragma once

#include "prng.h"

#include <string>
#include <string_view>

namespace magellan::fixture {

// A Function entity and the layout of its control-flow blocks.
struct FunctionInfo {
    long long entityId = 0;
    long long blocks = 0;
    long long byteStart = 0;
    int bytesPerBlock = 32; // each block owns this many bytes, one after the other
    int startLine = 1;      // each block advances at most kMaxLinesPerBlock lines
    std::string cfgHash;    // empty: NULL
};

inline constexpr int kMaxLinesPerBlock = 5;

struct CfgRow {
    std::string_view kind;       // static storage
    std::string_view terminator; // static storage
    long long byteStart = 0;
    long long byteEnd = 0;
    long long startLine = 0;
    long long startCol = 0;
    long long endLine = 0;
    long long endCol = 0;
};

// Streams the blocks of one function in order: an entry block, middle blocks, an exit block,
// with nested byte spans and non-decreasing lines.
class CfgBuilder {
public:
    explicit CfgBuilder(const FunctionInfo &function);

    bool done() const { return m_nextBlock == m_function->blocks; }
    const FunctionInfo &function() const { return *m_function; }

    CfgRow next(Prng &rng);

private:
    void chooseShape(CfgRow &row, Prng &rng) const;

    const FunctionInfo *m_function;
    long long m_nextBlock = 0;
    long long m_line;
};

} // namespace magellan::fixture
