#include "format/source_tables.h"

#include <algorithm>

namespace magellan {

const std::vector<TableDefinition> &allTableDefinitions() {
    using R = ColumnRule;
    static const std::vector<TableDefinition> definitions = {
        {SourceTable::CodeChunks,
         "code_chunks",
         false,
         {"id", "file_path", "byte_start", "byte_end", "content", "content_hash", "symbol_name",
          "symbol_kind", "created_at"},
         {{"id", R::Integer, true},
          {"file_path", R::KeyText, true},
          {"byte_start", R::Integer, true},
          {"byte_end", R::Integer, true}},
         {},
         {"file_path", "byte_start", "byte_end"}},
        {SourceTable::AstNodes,
         "ast_nodes",
         false,
         {"id", "parent_id", "kind", "byte_start", "byte_end"},
         {{"id", R::Integer, true},
          {"parent_id", R::Integer, false},
          {"kind", R::Text, true},
          {"byte_start", R::Integer, false},
          {"byte_end", R::Integer, false},
          {"file_id", R::Integer, false}},
         "file_id",
         {}},
        {SourceTable::CfgBlocks,
         "cfg_blocks",
         false,
         {"id", "function_id", "kind", "terminator", "byte_start", "byte_end", "start_line",
          "start_col", "end_line", "end_col"},
         {{"id", R::Integer, true},
          {"function_id", R::Integer, false},
          {"kind", R::Text, true},
          {"terminator", R::Text, false},
          {"byte_start", R::Integer, false},
          {"byte_end", R::Integer, false},
          {"start_line", R::Integer, false},
          {"start_col", R::Integer, false},
          {"end_line", R::Integer, false},
          {"end_col", R::Integer, false}},
         "function_id",
         {}},
        {SourceTable::ExecutionLog,
         "execution_log",
         true,
         {},
         {{"execution_id", R::IntegerOrKey, true}},
         {},
         {"execution_id"}},
        {SourceTable::FileMetrics,
         "file_metrics",
         true,
         {},
         {{"file_path", R::KeyText, true}},
         {},
         {"file_path"}},
        {SourceTable::SymbolMetrics,
         "symbol_metrics",
         true,
         {},
         {{"symbol_id", R::IntegerOrKey, true}},
         {},
         {"symbol_id"}},
    };
    return definitions;
}

const TableDefinition &tableDefinition(SourceTable table) {
    return allTableDefinitions()[static_cast<size_t>(table)];
}

const TableDefinition *findTableDefinition(const QString &name) {
    static const std::pair<const char *, SourceTable> aliases[] = {
        {"chunks", SourceTable::CodeChunks},
        {"chunk", SourceTable::CodeChunks},
        {"ast", SourceTable::AstNodes},
        {"cfg", SourceTable::CfgBlocks},
        {"execlog", SourceTable::ExecutionLog},
        {"file-metrics", SourceTable::FileMetrics},
        {"symbol-metrics", SourceTable::SymbolMetrics}};
    for (const auto &definition : allTableDefinitions())
        if (name == QLatin1String(definition.name.data(), definition.name.size()))
            return &definition;
    for (const auto &[alias, table] : aliases)
        if (name == QLatin1String(alias))
            return &tableDefinition(table);
    return nullptr;
}

bool sameSqlName(std::string_view a, std::string_view b) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [&](char x, char y) { return lower(x) == lower(y); });
}

QString tableName(SourceTable table) {
    const auto name = tableDefinition(table).name;
    return QString::fromLatin1(name.data(), name.size());
}

} // namespace magellan
