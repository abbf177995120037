#pragma once

#include "format/source_tables.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace magellan {

// How group keys are spelled: `seed` (ast:{id}) is the default, `magellan` (ast:file:{id}) is what
// magellan's own KV backend reads.
enum class KeyLayout { Seed, Magellan };

QString keyLayoutName(KeyLayout layout);
// Parses "seed" or "magellan"; nullopt for anything else.
std::optional<KeyLayout> parseKeyLayout(const QString &name);

// A chunk key taken apart.
struct ChunkKey {
    std::string path;
    std::int64_t byteStart = 0;
    std::int64_t byteEnd = 0;
};

// Restricts a read of a table to some rows: an SQL condition with ?1, ?2 … bound to `params`.
struct RowFilter {
    using Param = std::variant<std::monostate, std::int64_t, std::string>; // NULL, INTEGER, TEXT
    QString where;
    std::vector<Param> params;
};

// The key codec of kv-format.md, both ways: row → key for every table and layout, and key → the
// table and rows behind it. The one place where the key namespaces are spelled. Stateless: any
// thread.
namespace kvkey {

inline constexpr std::string_view chunkPrefix = "chunk:";
inline constexpr std::string_view astPrefix = "ast:"; // both layouts
inline constexpr std::string_view astFilePrefix = "ast:file:";
inline constexpr std::string_view cfgPrefix = "cfg:"; // both layouts
inline constexpr std::string_view cfgFunctionPrefix = "cfg:func:";
inline constexpr std::string_view executionLogPrefix = "execlog:";
inline constexpr std::string_view metricsPrefix = "metrics:";
inline constexpr std::string_view fileMetricsPrefix = "metrics:file:";
inline constexpr std::string_view symbolMetricsPrefix = "metrics:symbol:";
inline constexpr std::string_view rejectPrefix = "reject:";
inline constexpr std::string_view metaPrefix = "meta:";
inline constexpr std::string_view migrationRecord = "meta:migration";
inline constexpr std::string_view nullGroup = "null";

// The prefix every key of `table` starts with under `layout` (rejects excepted).
std::string_view prefix(SourceTable table, KeyLayout layout);

// The path with every ':' doubled, so a chunk key can be parsed from the right.
std::string escapePath(std::string_view path);
// The path an escaped one stands for; nullopt for a lone ':' (never written).
std::optional<std::string> unescapePath(std::string_view escaped);
// chunk:{P}:{byteStart}:{byteEnd}
std::string chunk(std::string_view path, std::int64_t byteStart, std::int64_t byteEnd);
// Parses a chunk key from the right; nullopt when it is not one (bad prefix, offsets, escaping).
std::optional<ChunkKey> parseChunk(std::string_view key);
// The escaped path of a chunk key whose offsets parse ({P}, still escaped: a view into `key`);
// nullopt when the key is no chunk key by its prefix and offsets. Allocates nothing.
std::optional<std::string_view> escapedChunkPath(std::string_view key);
// {prefix}{id}, or {prefix}null for the group of NULL ids.
std::string group(std::string_view prefix, std::optional<std::int64_t> id);
// reject:{table}:{rowid}
std::string reject(std::string_view table, std::int64_t rowid);
// reject:{table}:
std::string rejectTablePrefix(std::string_view table);

// The table whose namespace `key` is in, under either layout (rejects not included).
std::optional<SourceTable> namespaceOf(std::string_view key);

// A key of a source table taken apart: which table, and which of its rows are behind it.
struct KeyOrigin {
    enum class Kind {
        Chunk,  // one code_chunks row: path and span
        Group,  // ast_nodes or cfg_blocks rows of one group id (or of NULL)
        Single, // one execution_log or metrics row, by its key column
        Reject, // one row of any table, by rowid
    };
    SourceTable table = SourceTable::CodeChunks;
    Kind kind = Kind::Chunk;
    ChunkKey chunk;                      // Chunk
    std::optional<std::int64_t> groupId; // Group: unset for the NULL group
    std::string keyText;                 // Single: the key column's text (a path unescaped)
    std::int64_t rowid = 0;              // Reject

    // The rows behind the key, as a filter on the table. `rowidName` is how the source names the
    // row id; without `hasGroupColumn` (ast_nodes of schema 5) every row is in the NULL group.
    std::optional<RowFilter> rowFilter(const QString &rowidName, bool hasGroupColumn) const;
};

// Takes `key` apart under `layout`; nullopt when no source row is behind it (meta:, stray keys,
// keys that are not spelled as the writer spells them).
std::optional<KeyOrigin> parseKey(std::string_view key, KeyLayout layout);

} // namespace kvkey
} // namespace magellan
