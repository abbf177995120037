#pragma once

#include <QString>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace magellan {

// The source tables magellan-kv can migrate.
enum class SourceTable {
    CodeChunks,
    AstNodes,
    CfgBlocks,
    ExecutionLog,
    FileMetrics,
    SymbolMetrics
};

// What a column must hold for its row to be carried.
enum class ColumnRule {
    Any,          // any storage class
    Integer,      // INTEGER (or NULL when not required)
    Text,         // TEXT or BLOB; invalid bytes are carried with a _base64 sibling
    KeyText,      // valid UTF-8 TEXT: it becomes part of a key
    IntegerOrKey, // INTEGER, or valid UTF-8 TEXT: it becomes a key
};

struct ColumnConstraint {
    std::string_view column;
    ColumnRule rule;
    bool required; // NULL rejects the row
};

// How one source table maps to keys and values (kv-format.md, "Keys" and "Values").
struct TableDefinition {
    SourceTable table;
    std::string_view name;
    bool optional; // migrated only when asked for
    // The value's leading fields, in order; null when the source lacks the column.
    std::vector<std::string_view> listedFields;
    std::vector<ColumnConstraint> constraints;
    // Grouped tables (ast, cfg): the column whose value names the key; empty otherwise.
    std::string_view groupColumn;
    // Single-row tables: the columns the key is built from, in key order.
    std::vector<std::string_view> keyColumns;
};

const std::vector<TableDefinition> &allTableDefinitions();
const TableDefinition &tableDefinition(SourceTable table);
// By SQL name ("ast_nodes") or short alias ("ast"); nullptr when unknown.
const TableDefinition *findTableDefinition(const QString &name);
QString tableName(SourceTable table);

// Whether two table or column names are one to SQLite: equal but for ASCII case.
bool sameSqlName(std::string_view a, std::string_view b);

} // namespace magellan
