#include "browse/source_comparison.h"

#include "format/canonical_json.h"
#include "store/kv_store.h"
#include "migrate/migration_record.h"
#include "migrate/table_scanner.h"

#include <QSqlDatabase>

#include <nlohmann/json.hpp>

#include <sqlite3.h>

#include <charconv>
#include <map>

namespace magellan {
namespace {

// A sink that keeps only the entry under one key.
class OneKeySink final : public KvSink {
public:
    explicit OneKeySink(std::string_view key) : m_key(key) {}
    Status put(std::string_view key, std::string_view value) override {
        if (key == m_key)
            m_value = std::string(value);
        return Status::ok();
    }
    const std::optional<std::string> &value() const { return m_value; }

private:
    std::string m_key;
    std::optional<std::string> m_value;
};

struct KeySource {
    SourceTable table;
    std::optional<RowFilter> filter; // unset: every row (v5 ast: all in the NULL group)
    ElementLayout elements;
    bool rowAsFound = false; // a reject: its "row" against the source row as found
};

std::optional<std::int64_t> parseInteger(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size() ? std::optional(value)
                                                                    : std::nullopt;
}

std::string unescapePath(std::string_view escaped) {
    std::string path;
    for (size_t i = 0; i < escaped.size(); ++i) {
        path += escaped[i];
        if (escaped[i] == ':' && i + 1 < escaped.size() && escaped[i + 1] == ':')
            ++i;
    }
    return path;
}

RowFilter groupFilter(SourceTable table, std::string_view id) {
    const std::string column(tableDefinition(table).groupColumn);
    if (id == kvkey::nullGroup)
        return {QStringLiteral("\"%1\" IS NULL").arg(QString::fromStdString(column)), {}};
    return {QStringLiteral("\"%1\" = ?1").arg(QString::fromStdString(column)),
            {parseInteger(id).value_or(0)}};
}

// Which table and rows a key comes from.
std::optional<KeySource> keySource(const SourceInfo &info, KeyLayout layout, std::string_view key) {
    if (const auto chunk = kvkey::parseChunk(key)) {
        return KeySource{
            SourceTable::CodeChunks,
            RowFilter{QStringLiteral("file_path = ?1 AND byte_start = ?2 AND byte_end = ?3"),
                      {chunk->path, chunk->byteStart, chunk->byteEnd}},
            ElementLayout::WholeValue};
    }
    for (const SourceTable table : {SourceTable::AstNodes, SourceTable::CfgBlocks}) {
        const std::string prefix = keyPrefix(table, layout);
        if (!key.starts_with(prefix))
            continue;
        const std::string_view id = key.substr(prefix.size());
        const QString group = QString::fromLatin1(tableDefinition(table).groupColumn.data(),
                                                  tableDefinition(table).groupColumn.size());
        KeySource source{table, std::nullopt, ElementLayout::ArrayElements};
        if (info.table(table).columns.contains(group))
            source.filter = groupFilter(table, id);
        return source;
    }
    if (key.starts_with(kvkey::rejectPrefix)) {
        const std::string_view rest = key.substr(kvkey::rejectPrefix.size());
        const size_t colon = rest.find(':');
        const TableDefinition *definition =
            colon == std::string_view::npos
                ? nullptr
                : findTableDefinition(QString::fromUtf8(rest.data(), static_cast<int>(colon)));
        const auto rowid =
            colon == std::string_view::npos ? std::nullopt : parseInteger(rest.substr(colon + 1));
        if (!definition || !rowid)
            return std::nullopt;
        const QString rowidName = info.table(definition->table).rowidName;
        return KeySource{definition->table,
                         RowFilter{(rowidName.isEmpty() ? QStringLiteral("rowid") : rowidName) +
                                       QStringLiteral(" = ?1"),
                                   {*rowid}},
                         ElementLayout::RowField, true};
    }
    const std::pair<std::string_view, std::pair<SourceTable, const char *>> singles[] = {
        {"execlog:", {SourceTable::ExecutionLog, "CAST(execution_id AS TEXT) = ?1"}},
        {"metrics:file:", {SourceTable::FileMetrics, "file_path = ?1"}},
        {"metrics:symbol:", {SourceTable::SymbolMetrics, "CAST(symbol_id AS TEXT) = ?1"}}};
    for (const auto &[prefix, target] : singles) {
        if (!key.starts_with(prefix))
            continue;
        std::string id(key.substr(prefix.size()));
        if (target.first == SourceTable::FileMetrics)
            id = unescapePath(id);
        return KeySource{target.first, RowFilter{QString::fromLatin1(target.second), {id}},
                         ElementLayout::WholeValue};
    }
    return std::nullopt;
}

std::vector<std::string> elementsOf(std::string_view value, ElementLayout layout) {
    std::vector<std::string> elements;
    forEachCanonicalElement(value, layout, [&](std::string_view e) { elements.emplace_back(e); });
    return elements;
}

QString elementLabel(const std::string &element) {
    const auto parsed = nlohmann::json::parse(element, nullptr, false);
    if (parsed.is_object() && parsed.contains("id") && parsed["id"].is_number_integer())
        return QStringLiteral("id %1").arg(parsed["id"].get<qint64>());
    return QStringLiteral("?");
}

} // namespace

bool SourceComparison::allMatch() const {
    return !records.empty() &&
           std::all_of(records.begin(), records.end(), [](const auto &r) { return r.matches; });
}

int SourceComparison::matching() const {
    return static_cast<int>(
        std::count_if(records.begin(), records.end(), [](const auto &r) { return r.matches; }));
}

Result<SourceComparison> compareWithSource(SourceDatabase &source, const SourceInfo &info,
                                           KeyLayout layout, std::string_view key,
                                           std::string_view storeValue) {
    SourceComparison comparison;
    const std::optional<KeySource> origin = keySource(info, layout, key);
    if (!origin) {
        comparison.note =
            key == kvkey::migrationRecord
                ? QObject::tr(
                      "The migration record is written by magellan-kv; it has no source row.")
                : QObject::tr("This key does not come from a source table.");
        return comparison;
    }
    if (!info.table(origin->table).exists) {
        comparison.note = QObject::tr("The source has no table %1.").arg(tableName(origin->table));
        return comparison;
    }
    TableScanner scanner(source, info.table(origin->table), layout);
    if (origin->filter)
        scanner.setRowFilter(*origin->filter);
    scanner.setRowsAsFound(origin->rowAsFound);
    OneKeySink sink(key);
    if (Result<TableScanResult> scanned = scanner.run(sink, nullptr); !scanned.isOk())
        return scanned.status();

    const std::vector<std::string> fromStore = elementsOf(storeValue, origin->elements);
    const ElementLayout sourceElements =
        origin->rowAsFound ? ElementLayout::WholeValue : origin->elements;
    const std::vector<std::string> fromSource =
        sink.value() ? elementsOf(*sink.value(), sourceElements) : std::vector<std::string>();
    if (origin->elements != ElementLayout::ArrayElements) {
        RecordComparison record{QObject::tr("row"),
                                fromSource.empty() ? std::string() : fromSource.front(),
                                fromStore.empty() ? std::string() : fromStore.front(), false};
        record.matches = !fromSource.empty() && fromSource == fromStore;
        comparison.records.push_back(record);
        if (fromSource.empty())
            comparison.note = QObject::tr("The source has no row for this key any more.");
        return comparison;
    }
    // Groups: pair records by id, in order; a record on one side only is a mismatch.
    std::multimap<QString, std::string> sourceById;
    for (const std::string &element : fromSource)
        sourceById.emplace(elementLabel(element), element);
    for (const std::string &element : fromStore) {
        const QString label = elementLabel(element);
        RecordComparison record{label, {}, element, false};
        if (const auto match = sourceById.find(label); match != sourceById.end()) {
            record.source = match->second;
            record.matches = record.source == record.store;
            sourceById.erase(match);
        }
        comparison.records.push_back(record);
    }
    for (const auto &[label, element] : sourceById)
        comparison.records.push_back({label, element, {}, false});
    return comparison;
}

std::optional<QString> sourceFilePath(SourceDatabase &source, qint64 fileId) {
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(
            source.handle(),
            "SELECT coalesce(file_path, name) FROM graph_entities WHERE id = ?1 AND kind = 'File'",
            -1, &statement, nullptr) != SQLITE_OK) {
        sqlite3_finalize(statement);
        return std::nullopt;
    }
    sqlite3_bind_int64(statement, 1, fileId);
    std::optional<QString> path;
    if (sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_type(statement, 0) == SQLITE_TEXT)
        path = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)),
                                 sqlite3_column_bytes(statement, 0));
    sqlite3_finalize(statement);
    return path;
}

KeyLayout detectKeyLayout(const KvStore &store) {
    if (const Result<std::optional<RecordedMigration>> recorded = readMigrationRecord(store);
        recorded.isOk() && recorded.value() && recorded.value()->layout)
        return *recorded.value()->layout;
    const auto cursor = store.cursor();
    for (const char *magellanPrefix : {"ast:file:", "cfg:func:"}) {
        cursor->seek(magellanPrefix);
        if (cursor->isValid() && cursor->key().starts_with(magellanPrefix))
            return KeyLayout::Magellan;
    }
    return KeyLayout::Seed;
}

} // namespace magellan
