#include "browse/source_comparison.h"

#include "format/canonical_json.h"
#include "migrate/migration_record.h"
#include "migrate/table_scanner.h"
#include "store/kv_store.h"

#include <QSqlDatabase>

#include <nlohmann/json.hpp>

#include <sqlite3.h>

#include <algorithm>
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

// Which table and rows a key comes from.
std::optional<KeySource> keySource(const SourceInfo &info, KeyLayout layout, std::string_view key) {
    const std::optional<kvkey::KeyOrigin> origin = kvkey::parseKey(key, layout);
    if (!origin)
        return std::nullopt;
    const SourceTableInfo &table = info.table(origin->table);
    const std::string_view groupColumn = tableDefinition(origin->table).groupColumn;
    const bool hasGroupColumn =
        std::any_of(table.columns.begin(), table.columns.end(), [&](const QString &column) {
            return sameSqlName(column.toStdString(), groupColumn);
        });
    using Kind = kvkey::KeyOrigin::Kind;
    const ElementLayout elements = origin->kind == Kind::Group    ? ElementLayout::ArrayElements
                                   : origin->kind == Kind::Reject ? ElementLayout::RowField
                                                                  : ElementLayout::WholeValue;
    return KeySource{origin->table, origin->rowFilter(table.rowidName, hasGroupColumn), elements,
                     origin->kind == Kind::Reject};
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
    for (const std::string_view magellanPrefix : {kvkey::astFilePrefix, kvkey::cfgFunctionPrefix}) {
        cursor->seek(magellanPrefix);
        if (cursor->isValid() && cursor->key().starts_with(magellanPrefix))
            return KeyLayout::Magellan;
    }
    return KeyLayout::Seed;
}

} // namespace magellan
