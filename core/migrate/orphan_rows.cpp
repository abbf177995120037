#include "migrate/orphan_rows.h"

#include "source/table_query.h"

#include <QObject>

#include <sqlite3.h>

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

// How to find the orphans of one table: the SELECT of rowid, reference (and the key's columns).
// No ORDER BY: SQLite then walks the index on the reference (a covering one, in magellan's
// schema), not the table; orphans are information, and an index suffices for it.
struct OrphanQuery {
    QString rule;
    QString sql;
};

std::optional<OrphanQuery> orphanQuery(const SourceTableInfo &info, const QString &entities,
                                       const QString &entityPath) {
    const QString table = quotedIdentifier(info.sqlName);
    const QString rowid = info.rowidName;
    switch (info.table) {
    case SourceTable::AstNodes: {
        const QString fileId = column(info.columns, "file_id");
        if (fileId.isEmpty())
            return std::nullopt;
        return OrphanQuery{
            QObject::tr("file_id names no File entity"),
            QStringLiteral("SELECT %1, %2 FROM %3 WHERE %2 IS NOT NULL AND %2 NOT IN (SELECT id "
                           "FROM %4 WHERE kind = 'File')")
                .arg(rowid, fileId, table, entities)};
    }
    case SourceTable::CfgBlocks: {
        const QString functionId = column(info.columns, "function_id");
        if (functionId.isEmpty())
            return std::nullopt;
        return OrphanQuery{
            QObject::tr("function_id names no entity"),
            QStringLiteral("SELECT %1, %2 FROM %3 WHERE %2 IS NOT NULL AND %2 NOT IN (SELECT id "
                           "FROM %4)")
                .arg(rowid, functionId, table, entities)};
    }
    case SourceTable::CodeChunks: {
        const QString path = column(info.columns, "file_path");
        const QString start = column(info.columns, "byte_start");
        const QString end = column(info.columns, "byte_end");
        if (path.isEmpty() || start.isEmpty() || end.isEmpty())
            return std::nullopt;
        return OrphanQuery{
            QObject::tr("file_path is no File entity's path"),
            QStringLiteral("SELECT %1, %2, %3, %4 FROM %5 WHERE %2 IS NOT NULL AND %2 NOT IN "
                           "(SELECT %6 FROM %7 WHERE kind = 'File' AND %6 IS NOT NULL)")
                .arg(rowid, path, start, end, table, entityPath, entities)};
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

OrphanReport findOrphanRows(SourceDatabase &source, const SourceInfo &info,
                            const std::vector<SourceTable> &tables, KeyLayout layout,
                            size_t limit) {
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
    const QString entityPath = filePath.isEmpty() ? name
                               : name.isEmpty()
                                   ? filePath
                                   : QStringLiteral("coalesce(%1, %2)").arg(filePath, name);
    // Entities under the spellings the queries use: the id and kind columns as named.
    const QString entities = QStringLiteral("(SELECT %1 AS id, %2 AS kind, %3 AS path FROM "
                                            "\"graph_entities\")")
                                 .arg(id, kind, entityPath);
    for (const SourceTable table : tables) {
        const SourceTableInfo &tableInfo = info.table(table);
        if (!tableInfo.exists)
            continue;
        const std::optional<OrphanQuery> query =
            orphanQuery(tableInfo, entities, QStringLiteral("path"));
        if (!query)
            continue;
        // Orphans are information: a graph_entities that cannot be read says so, and no more.
        const auto unreadable = [&] {
            report.tables.clear();
            report.note = QObject::tr("graph_entities could not be read with %1: %2")
                              .arg(tableName(table), QString::fromUtf8(sqlite3_errmsg(db)));
            return report;
        };
        const Statement statement = prepare(db, query->sql);
        if (!statement)
            return unreadable();
        TableOrphans orphans{table, query->rule, 0, {}};
        int step = SQLITE_ROW;
        while ((step = sqlite3_step(statement.get())) == SQLITE_ROW) {
            ++orphans.total;
            if (orphans.listed.size() < limit)
                orphans.listed.push_back({sqlite3_column_int64(statement.get(), 0),
                                          keyOf(table, layout, statement.get()),
                                          columnText(statement.get(), 1)});
        }
        if (step != SQLITE_DONE)
            return unreadable();
        report.tables.push_back(std::move(orphans));
    }
    report.checked = true;
    return report;
}

} // namespace magellan
