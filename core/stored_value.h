#pragma once

#include "status.h"

#include <QString>
#include <QStringList>

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

// The value as indented JSON; an error when it is not JSON.
Result<std::string> prettyJson(std::string_view value);
// Bytes as a hex dump, 16 per line with an ASCII column; at most `limit` bytes.
QString hexDump(std::string_view bytes, size_t limit);

} // namespace magellan
