#include "cfg_function.h"

#include <array>

namespace magellan::fixture {
namespace {

struct BlockShape {
    std::string_view kind;
    std::string_view terminator;
};

constexpr auto kMiddleShapes = std::to_array<BlockShape>({{"basic", "goto"},
                                                          {"basic", "goto"},
                                                          {"basic", "call"},
                                                          {"branch", "branch"},
                                                          {"branch", "switch"},
                                                          {"loop_header", "branch"},
                                                          {"loop_body", "goto"},
                                                          {"loop_exit", "goto"},
                                                          {"match_arm", "goto"},
                                                          {"return", "return"},
                                                          {"cleanup", "resume"}});

constexpr auto kEntryTerminators = std::to_array<std::string_view>({"goto", "branch", "call"});

constexpr auto kExitTerminators =
    std::to_array<std::string_view>({"return", "return", "return", "unreachable", "panic"});

} // namespace

CfgBuilder::CfgBuilder(const FunctionInfo &function)
    : m_function(&function), m_line(function.startLine) {}

CfgRow CfgBuilder::next(Prng &rng) {
    CfgRow row;
    chooseShape(row, rng);

    const int blockBytes = m_function->bytesPerBlock;
    const long long regionStart = m_function->byteStart + m_nextBlock * blockBytes;
    row.byteStart = regionStart + rng.between(0, blockBytes / 4);
    row.byteEnd = regionStart + blockBytes - rng.between(0, blockBytes / 4);

    const long long lineSpan = rng.between(0, kMaxLinesPerBlock - 1);
    row.startLine = m_line;
    row.endLine = m_line + lineSpan;
    row.startCol = 4 * rng.between(1, 3);
    row.endCol = lineSpan == 0 ? row.startCol + rng.between(1, 60) : rng.between(1, 80);
    m_line = row.endLine + rng.between(0, 1);

    ++m_nextBlock;
    return row;
}

void CfgBuilder::chooseShape(CfgRow &row, Prng &rng) const {
    const bool single = m_function->blocks == 1;
    if (m_nextBlock == 0) {
        row.kind = "entry";
        row.terminator = single ? std::string_view("return") : rng.pick(kEntryTerminators);
    } else if (m_nextBlock + 1 == m_function->blocks) {
        row.kind = "exit";
        row.terminator = rng.pick(kExitTerminators);
    } else {
        const BlockShape &shape = rng.pick(kMiddleShapes);
        row.kind = shape.kind;
        row.terminator = shape.terminator;
    }
}

} // namespace magellan::fixture
