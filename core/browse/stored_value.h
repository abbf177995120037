#pragma once

#include "format/stored_json.h"
#include "migrate/migration_record.h"
#include "status.h"

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace magellan {

// What a key holds, from its prefix (either key layout).
enum class KeyKind { Chunk, AstGroup, CfgGroup, Reject, MigrationRecord, Record, Other };
KeyKind classifyKey(std::string_view key);

// A chunk value taken apart for reading.
struct ChunkValue {
    QString filePath;
    qint64 byteStart = 0;
    qint64 byteEnd = 0;
    QString content;
    QString symbolName;
    QString symbolKind;
    QString contentHash;
    QString hashAlgorithm;           // from the hash's length: SHA-256, SHA-1, MD5; empty: unknown
    std::optional<bool> hashMatches; // unset when the hash is absent or of no known kind
    bool contentRepaired = false;    // the text had bytes that are not UTF-8 (content_base64)
};
// Decodes a chunk value; checks content_hash against the exact content bytes.
Result<ChunkValue> decodeChunk(std::string_view value);

// One AST node with its place in the tree built from parent_id.
struct AstNode {
    qint64 id = 0;
    std::optional<qint64> parentId;
    QString kind;
    std::optional<qint64> byteStart;
    std::optional<qint64> byteEnd;
    int parent = -1;           // index into AstTree::nodes; -1 for a root
    std::vector<int> children; // indexes, in id order
    qint64 subtreeSize = 1;    // this node and everything under it
};
struct AstTree {
    std::vector<AstNode> nodes;
    std::vector<int> roots;  // nodes whose parent_id is NULL or names no node of the group
    int danglingParents = 0; // roots whose parent_id names a node that is not in the group
};
// Builds the tree of an ast value from the parent links. Fails on a value that is not an array of
// nodes, or on a cycle.
Result<AstTree> decodeAstTree(std::string_view value);

// An array of objects (cfg blocks) or one object, as rows of display text; the columns are every
// field, in the order first seen.
struct RecordTable {
    QStringList columns;
    std::vector<QStringList> rows;
};
Result<RecordTable> decodeRecordTable(std::string_view value);

// A reject value taken apart: why the row was left out, and the row as it was found.
struct RejectValue {
    QString reason; // empty when the value names none
    QString column;
    std::optional<RecordTable> row; // unset when the value holds no row object
};
// Decodes a reject value; an error when it is not a JSON object.
Result<RejectValue> decodeReject(std::string_view value);

// Everything the browser shows of one value, decoded by the kind of its key.
struct DecodedValue {
    std::string key;
    KeyKind kind = KeyKind::Other;
    size_t size = 0;
    bool isJson = false;
    std::shared_ptr<const std::string> pretty;              // indented JSON, or a hex dump
    std::shared_ptr<const nlohmann::ordered_json> document; // set when isJson
    std::optional<ChunkValue> chunk;
    std::optional<AstTree> ast;
    std::optional<RecordTable> records; // cfg blocks, a record, or a rejected row as found
    std::optional<RejectValue> reject;
    std::optional<MigrationRecordSummary> migration;
    std::vector<Status> problems; // why it is not JSON, or cannot be shown as its kind
};
// Decodes `value`, stored under `key`, for display. Never fails and never throws: what cannot be
// decoded is named in `problems`, and the bytes are still shown.
DecodedValue decodeStoredValue(std::string_view key, std::string_view value);

// The value as indented JSON; an error when it is not JSON.
Result<std::string> prettyJson(std::string_view value);
// Bytes as a hex dump, 16 per line with an ASCII column; at most `limit` bytes.
QString hexDump(std::string_view bytes, size_t limit);

} // namespace magellan
