#include "source/table_query.h"

#include <QStringList>

#include <algorithm>

namespace magellan {

QString quotedIdentifier(const QString &identifier) {
    QString escaped = identifier;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

namespace {

QString quotedIdentifier(std::string_view identifier) {
    return magellan::quotedIdentifier(
        QString::fromUtf8(identifier.data(), qsizetype(identifier.size())));
}

// The ORDER BY terms that put rows of one key next to each other, the earliest rowid first.
QStringList keyOrderTerms(const SourceTableInfo &info) {
    const TableDefinition &definition = tableDefinition(info.table);
    const auto has = [&](std::string_view name) {
        return std::any_of(info.columns.begin(), info.columns.end(),
                           [&](const QString &c) { return sameSqlName(c.toStdString(), name); });
    };
    QStringList terms;
    if (!definition.groupColumn.empty()) {
        if (has(definition.groupColumn))
            terms << quotedIdentifier(definition.groupColumn);
        if (has("id"))
            terms << QStringLiteral("\"id\"");
    } else {
        for (const std::string_view name : definition.keyColumns) {
            if (!has(name))
                continue;
            const auto rule =
                std::find_if(definition.constraints.begin(), definition.constraints.end(),
                             [&](const auto &c) { return c.column == name; })
                    ->rule;
            const QString column = quotedIdentifier(name);
            if (rule == ColumnRule::Integer)
                terms << column;
            else if (rule == ColumnRule::KeyText)
                terms << column + QStringLiteral(" COLLATE BINARY");
            else // 5 and '5' make the same key
                terms << QStringLiteral("CAST(%1 AS TEXT) COLLATE BINARY").arg(column);
        }
    }
    terms << info.rowidName;
    return terms;
}

} // namespace

QString selectSql(const SourceTableInfo &info, ReadOrder order, const RowFilter *filter) {
    // The row id by a name no column takes; every row read from the table itself, never through
    // an index, which may disagree with it (kv-format.md, "Names and shapes").
    const QString rowid = info.rowidName;
    QStringList columns{rowid};
    for (const QString &name : info.columns)
        columns << quotedIdentifier(name);
    const QString table = quotedIdentifier(info.sqlName) + QStringLiteral(" NOT INDEXED");
    if (order == ReadOrder::Storage)
        return QStringLiteral("SELECT %1 FROM %2 ORDER BY %3")
            .arg(columns.join(QLatin1Char(',')), table, rowid);
    const QStringList keyOrder = keyOrderTerms(info);
    QString where;
    const QString groupColumn = quotedIdentifier(tableDefinition(info.table).groupColumn);
    if (order == ReadOrder::NullGroup) // ?1: a JSON array of the rowids the storage-order read met
        where = QStringLiteral(" WHERE %1 IN (SELECT value FROM json_each(?1))").arg(rowid);
    else if (order == ReadOrder::Deferred) // ?1: a JSON array of group ids
        where = QStringLiteral(" WHERE %1 IN (SELECT value FROM json_each(?1))").arg(groupColumn);
    else if (filter)
        where = QStringLiteral(" WHERE ") + filter->where;
    if (!tableDefinition(info.table).groupColumn.empty())
        return QStringLiteral("SELECT %1 FROM %2%3 ORDER BY %4")
            .arg(columns.join(QLatin1Char(',')), table, where, keyOrder.join(QLatin1Char(',')));
    // Rows of single-row tables hold the large values (a chunk's text): only their keys and rowids
    // are sorted, then each row is read by its rowid (still the table, not an index), in that
    // order. A sort of whole rows would cost half as much again as the read.
    QStringList keys;
    QStringList outerOrder;
    for (qsizetype i = 0; i < keyOrder.size(); ++i) {
        keys << QStringLiteral("%1 AS k%2").arg(keyOrder[i]).arg(i);
        outerOrder << QStringLiteral("k.k%1").arg(i);
    }
    QStringList qualified;
    for (const QString &column : columns)
        qualified << QStringLiteral("t.") + column;
    return QStringLiteral("SELECT %1 FROM (SELECT %2 AS r, %3 FROM %4%5 ORDER BY %6) AS k CROSS "
                          "JOIN %7 AS t NOT INDEXED ON t.%2 = k.r ORDER BY %8")
        .arg(qualified.join(QLatin1Char(',')), rowid, keys.join(QLatin1Char(',')), table, where,
             keyOrder.join(QLatin1Char(',')), quotedIdentifier(info.sqlName),
             outerOrder.join(QLatin1Char(',')));
}

} // namespace magellan
