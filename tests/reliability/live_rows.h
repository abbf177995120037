#pragma once

// The rows live_source_writer inserts while a migration reads the same database, and how a test
// recognises them. Each batch is one transaction with rowsPerBatch rows in each of code_chunks,
// ast_nodes and cfg_blocks, all tied to the batch number, so that a torn read shows as a batch
// present in one table and not in another, or present only in part.
#include <cstdint>
#include <string>

namespace magellan::live {

inline constexpr int rowsPerBatch = 4;
inline constexpr std::int64_t firstId = 1000000000; // above every id the fixture generator uses
inline constexpr std::int64_t firstGroup = 1000000; // above every file_id and function_id

// The id of row `row` of batch `batch` (1-based batches), in every table.
inline std::int64_t rowId(std::int64_t batch, int row) {
    return firstId + batch * rowsPerBatch + row;
}
// The batch a live row id belongs to; 0 for rows that are not live.
inline std::int64_t batchOfId(std::int64_t id) {
    return id >= firstId ? (id - firstId) / rowsPerBatch : 0;
}
// The file_id of the batch's AST nodes and the function_id of its CFG blocks.
inline std::int64_t groupOf(std::int64_t batch) {
    return firstGroup + batch;
}
inline std::string chunkPath(std::int64_t batch) {
    return "live/batch_" + std::to_string(batch) + ".rs";
}
// Chunk text long enough to spill into overflow pages (4 KB pages), so a half-read row would show.
inline std::string chunkContent(std::int64_t batch, int row) {
    const std::string tag = "b" + std::to_string(batch) + "r" + std::to_string(row) + ";";
    std::string content;
    while (content.size() < 6000)
        content += tag;
    return content;
}
// FNV-1a of `text` in hex: the chunk's content_hash, checked against its content.
inline std::string contentHash(const std::string &text) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (const unsigned char c : text)
        hash = (hash ^ c) * 1099511628211ULL;
    static const char digits[] = "0123456789abcdef";
    std::string hex(16, '0');
    for (int i = 15; i >= 0; --i, hash >>= 4)
        hex[i] = digits[hash & 0xF];
    return hex;
}

} // namespace magellan::live
