#include "migrate/orphan_rows.h"

#include "source/table_query.h"

#include <QObject>

#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>

namespace magellan {
namespace {

using Statement = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

Statement prepare(sqlite3 *db, const QString &sql) {
    sqlite3_stmt *statement = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(db, utf8.constData(), int(utf8.size()), &statement, nullptr) !=
        SQLITE_OK) {
        sqlite3_finalize(statement);
        statement = nullptr;
    }
    return Statement(statement, &sqlite3_finalize);
}

QString columnText(sqlite3_stmt *statement, int column) {
    return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, column)),
                             sqlite3_column_bytes(statement, column));
}

// The columns of `table` as the schema spells them; empty when there is no such table or view.
QStringList columnsOf(sqlite3 *db, const QString &table) {
    QStringList columns;
    const Statement statement =
        prepare(db, QStringLiteral("SELECT name FROM pragma_table_xinfo(?1)"));
    if (!statement)
        return columns;
    const QByteArray name = table.toUtf8();
    sqlite3_bind_text(statement.get(), 1, name.constData(), int(name.size()), SQLITE_TRANSIENT);
    while (sqlite3_step(statement.get()) == SQLITE_ROW)
        columns << columnText(statement.get(), 0);
    return columns;
}

// The spelling `columns` uses for `name` (ASCII case aside), quoted; empty when it is not there.
QString column(const QStringList &columns, std::string_view name) {
    for (const QString &c : columns)
        if (sameSqlName(c.toStdString(), name))
            return quotedIdentifier(c);
    return {};
}

// The entities a source names: every id, and the File entities' ids and paths.
struct KnownEntities {
    std::vector<std::int64_t> ids; // sorted
    std::unordered_set<std::int64_t> fileIds;
    std::unordered_set<std::string> filePaths;
    bool has(std::int64_t id) const { return std::binary_search(ids.begin(), ids.end(), id); }
};

// The rows of one table that name one of the orphan references in ?1 (a JSON array): rowid,
// reference (and the key's columns). Read through the table's index on the reference when it
// has one; only orphan rows are visited then.
std::optional<std::pair<QString, QString>> orphanRowsQuery(const SourceTableInfo &info) {
    const QString table = quotedIdentifier(info.sqlName);
    const QString rowid = info.rowidName;
    const auto select = [&](const QString &reference, const QString &rule,
                            const QString &more = {}) {
        return std::make_pair(
            rule, QStringLiteral("SELECT %1, %2%3 FROM %4 WHERE %2 IN (SELECT value FROM "
                                 "json_each(?1))")
                      .arg(rowid, reference, more, table));
    };
    switch (info.table) {
    case SourceTable::AstNodes:
        if (const QString fileId = column(info.columns, "file_id"); !fileId.isEmpty())
            return select(fileId, QObject::tr("file_id names no File entity"));
        return std::nullopt;
    case SourceTable::CfgBlocks:
        if (const QString functionId = column(info.columns, "function_id"); !functionId.isEmpty())
            return select(functionId, QObject::tr("function_id names no entity"));
        return std::nullopt;
    case SourceTable::CodeChunks: {
        const QString path = column(info.columns, "file_path");
        const QString start = column(info.columns, "byte_start");
        const QString end = column(info.columns, "byte_end");
        if (path.isEmpty() || start.isEmpty() || end.isEmpty())
            return std::nullopt;
        return select(path, QObject::tr("file_path is no File entity's path"),
                      QStringLiteral(", %1, %2").arg(start, end));
    }
    default:
        return std::nullopt;
    }
}

// The key an orphan row went to (kv-format.md, "Keys"); empty for a row whose key columns are
// not of the key's types (it was rejected).
std::string keyOf(SourceTable table, KeyLayout layout, sqlite3_stmt *row) {
    if (table == SourceTable::CodeChunks) {
        if (sqlite3_column_type(row, 1) != SQLITE_TEXT ||
            sqlite3_column_type(row, 2) != SQLITE_INTEGER ||
            sqlite3_column_type(row, 3) != SQLITE_INTEGER)
            return {};
        const std::string path(reinterpret_cast<const char *>(sqlite3_column_text(row, 1)),
                               size_t(sqlite3_column_bytes(row, 1)));
        return kvkey::chunk(path, sqlite3_column_int64(row, 2), sqlite3_column_int64(row, 3));
    }
    if (sqlite3_column_type(row, 1) != SQLITE_INTEGER)
        return {};
    return kvkey::group(kvkey::prefix(table, layout), sqlite3_column_int64(row, 1));
}

} // namespace

qint64 OrphanReport::total() const {
    qint64 total = 0;
    for (const TableOrphans &table : tables)
        total += table.total;
    return total;
}

Status ReferenceCollector::put(std::string_view key, std::string_view value) {
    if (key.starts_with(kvkey::chunkPrefix)) {
        if (const std::optional<ChunkKey> chunk = kvkey::parseChunk(key);
            chunk && chunk->path != m_lastPath) {
            m_lastPath = chunk->path;
            m_chunkPaths.insert(chunk->path);
        }
    } else if (key.starts_with(kvkey::astPrefix) || key.starts_with(kvkey::cfgPrefix)) {
        if (const std::optional<kvkey::KeyOrigin> origin = kvkey::parseKey(key, m_layout);
            origin && origin->kind == kvkey::KeyOrigin::Kind::Group && origin->groupId)
            (origin->table == SourceTable::AstNodes ? m_fileIds : m_functionIds)
                .insert(*origin->groupId);
    }
    return m_next.put(key, value);
}

OrphanReport findOrphanRows(SourceDatabase &source, const SourceInfo &info,
                            const std::vector<SourceTable> &tables, size_t limit,
                            const ReferenceCollector &references) {
    OrphanReport report;
    sqlite3 *db = source.handle();
    const QStringList entityColumns = columnsOf(db, QStringLiteral("graph_entities"));
    const QString id = column(entityColumns, "id");
    const QString kind = column(entityColumns, "kind");
    const QString filePath = column(entityColumns, "file_path");
    const QString name = column(entityColumns, "name");
    if (entityColumns.isEmpty()) {
        report.note = QObject::tr("the source has no graph_entities table");
        return report;
    }
    if (id.isEmpty() || kind.isEmpty() || (filePath.isEmpty() && name.isEmpty())) {
        report.note = QObject::tr("graph_entities lacks the id, kind or file_path column");
        return report;
    }
    // Orphans are information: a graph_entities that cannot be read says so, and no more.
    const auto unreadable = [&](const QString &what) {
        report.tables.clear();
        report.note = QObject::tr("graph_entities could not be read with %1: %2")
                          .arg(what, QString::fromUtf8(sqlite3_errmsg(db)));
        return report;
    };
    const QString entityPath = filePath.isEmpty() ? name
                               : name.isEmpty()
                                   ? filePath
                                   : QStringLiteral("coalesce(%1, %2)").arg(filePath, name);
    KnownEntities known;
    {
        const Statement entities =
            prepare(db, QStringLiteral("SELECT %1, %2 = 'File', %3 FROM \"graph_entities\"")
                            .arg(id, kind, entityPath));
        if (!entities)
            return unreadable(QStringLiteral("graph_entities"));
        int step = SQLITE_ROW;
        while ((step = sqlite3_step(entities.get())) == SQLITE_ROW) {
            if (sqlite3_column_type(entities.get(), 0) != SQLITE_INTEGER)
                continue;
            const std::int64_t entity = sqlite3_column_int64(entities.get(), 0);
            known.ids.push_back(entity);
            if (sqlite3_column_int(entities.get(), 1) != 1)
                continue;
            known.fileIds.insert(entity);
            if (sqlite3_column_type(entities.get(), 2) == SQLITE_TEXT)
                known.filePaths.emplace(
                    reinterpret_cast<const char *>(sqlite3_column_text(entities.get(), 2)),
                    size_t(sqlite3_column_bytes(entities.get(), 2)));
        }
        if (step != SQLITE_DONE)
            return unreadable(QStringLiteral("graph_entities"));
        std::sort(known.ids.begin(), known.ids.end());
    }
    for (const SourceTable table : tables) {
        const SourceTableInfo &tableInfo = info.table(table);
        if (!tableInfo.exists)
            continue;
        const std::optional<std::pair<QString, QString>> query = orphanRowsQuery(tableInfo);
        if (!query)
            continue;
        // The orphan references, from the keys the scan wrote.
        nlohmann::json orphanReferences = nlohmann::json::array();
        if (table == SourceTable::AstNodes) {
            for (const std::int64_t file : references.fileIds())
                if (!known.fileIds.contains(file))
                    orphanReferences.push_back(file);
        } else if (table == SourceTable::CfgBlocks) {
            for (const std::int64_t function : references.functionIds())
                if (!known.has(function))
                    orphanReferences.push_back(function);
        } else {
            for (const std::string &path : references.chunkPaths())
                if (!known.filePaths.contains(path))
                    orphanReferences.push_back(path);
        }
        TableOrphans orphans{table, query->first, 0, {}};
        if (!orphanReferences.empty()) {
            const Statement rows = prepare(db, query->second);
            if (!rows)
                return unreadable(tableName(table));
            const std::string array =
                orphanReferences.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            sqlite3_bind_text(rows.get(), 1, array.data(), int(array.size()), SQLITE_TRANSIENT);
            int step = SQLITE_ROW;
            while ((step = sqlite3_step(rows.get())) == SQLITE_ROW) {
                ++orphans.total;
                if (orphans.listed.size() < limit)
                    orphans.listed.push_back({sqlite3_column_int64(rows.get(), 0),
                                              keyOf(table, references.layout(), rows.get()),
                                              columnText(rows.get(), 1)});
            }
            if (step != SQLITE_DONE)
                return unreadable(tableName(table));
            std::sort(orphans.listed.begin(), orphans.listed.end(),
                      [](const OrphanRow &a, const OrphanRow &b) { return a.rowid < b.rowid; });
        }
        report.tables.push_back(std::move(orphans));
    }
    report.checked = true;
    return report;
}

} // namespace magellan
