#include "report_text.h"

#include "terminal_progress.h"

#include <QLocale>

namespace magellan {
namespace {

constexpr int listedRejects = 20;
constexpr int listedDifferences = 20;
constexpr int listedOrphans = 5;

QString differenceLine(const Difference &difference) {
    QString line =
        QStringLiteral("  %1 %2 %3")
            .arg(QString::fromLatin1(differenceKindName(difference.kind)).leftJustified(16),
                 difference.table ? tableName(*difference.table) : QStringLiteral("-"),
                 QString::fromStdString(difference.key));
    line += difference.rowid ? QStringLiteral(" rowid %1").arg(*difference.rowid)
                             : QStringLiteral(" (no source row)");
    if (!difference.fields.empty()) {
        QStringList fields;
        for (const std::string &field : difference.fields)
            fields << QString::fromStdString(field);
        line += QStringLiteral(" fields: %1").arg(fields.join(QStringLiteral(", ")));
    }
    if (!difference.note.isEmpty())
        line += QStringLiteral(" (%1)").arg(difference.note);
    return line + QLatin1Char('\n');
}

QString fileSize(qint64 bytes) {
    return QLocale::c().formattedDataSize(bytes);
}

QString row(const QStringList &cells, const QList<int> &widths) {
    QString line;
    for (int i = 0; i < cells.size(); ++i)
        line += i == 0 ? cells[i].leftJustified(widths[i])
                       : QLatin1String("  ") + cells[i].rightJustified(widths[i]);
    return line.trimmed() + QLatin1Char('\n');
}

} // namespace

QString comparisonTable(const MigrationReport &report) {
    const QList<int> widths{14, 12, 10, 11, 9, 9, 9, 14};
    QString text =
        row({QStringLiteral("table"), QStringLiteral("SQLite rows"), QStringLiteral("KV keys"),
             QStringLiteral("KV records"), QStringLiteral("rejected"), QStringLiteral("repaired"),
             QStringLiteral("time"), QStringLiteral("status")},
            widths);
    bool deepPass = true;
    for (const TableReport &table : report.tables) {
        const bool read = table.readBack;
        QString status = !read                  ? QStringLiteral("not verified")
                         : table.passed()       ? QStringLiteral("pass")
                         : !table.countsMatch() ? QStringLiteral("FAIL counts")
                                                : QStringLiteral("FAIL checksum");
        deepPass = deepPass && read && table.checksumsMatch();
        text += row({tableName(table.table), groupedNumber(table.sourceRows),
                     read ? groupedNumber(table.store.keys) : QStringLiteral("-"),
                     read ? groupedNumber(table.store.records) : QStringLiteral("-"),
                     groupedNumber(read ? table.store.rejected : table.scan.rejectedRows),
                     groupedNumber(table.scan.repairedValues), shortDuration(table.scan.seconds),
                     status},
                    widths);
    }
    for (const auto &[table, why] : report.notCarried)
        text += row({tableName(table), groupedNumber(report.source.table(table).rows),
                     QStringLiteral("-"), QStringLiteral("-"), QStringLiteral("-"),
                     QStringLiteral("-"), QStringLiteral("-"), QStringLiteral("not read")},
                    widths);
    for (const auto &[table, why] : report.notCarried)
        text += QStringLiteral("not read: %1 (%2)\n").arg(tableName(table), why);
    if (!report.readBack)
        text += QStringLiteral("deep check: not run (--no-verify)\n");
    else
        text += QStringLiteral("deep check: %1 (order-independent checksum of every row, SQLite "
                               "side against KV side)\n")
                    .arg(deepPass ? QStringLiteral("pass") : QStringLiteral("FAIL"));
    if (report.strayKeys > 0)
        text += QStringLiteral("stray keys: %1 keys belong to no migrated table, e.g. %2\n")
                    .arg(report.strayKeys)
                    .arg(report.strayExamples.join(QStringLiteral(", ")));
    int listed = 0;
    for (const TableReport &table : report.tables) {
        for (const RejectedRow &rejected : table.scan.rejects) {
            if (listed++ == 0)
                text += QStringLiteral("rejected rows (table, rowid, column: reason):\n");
            if (listed > listedRejects)
                break;
            text += QStringLiteral("  %1 %2 %3: %4\n")
                        .arg(tableName(rejected.table))
                        .arg(rejected.rowid)
                        .arg(rejected.column, rejected.reason);
        }
    }
    if (report.rejectedRows() > listedRejects)
        text += QStringLiteral("  ... %1 in all; --report FILE lists them all (up to %2 per "
                               "table)\n")
                    .arg(groupedNumber(report.rejectedRows()))
                    .arg(groupedNumber(qint64(TableScanner::listedRejectLimit)));
    if (report.differences.total() > 0) {
        text += QStringLiteral("differences: %1 (kind, table, key, source rowid, fields)\n")
                    .arg(groupedNumber(report.differences.total()));
        const std::vector<Difference> &listed = report.differences.listed();
        for (size_t i = 0; i < listed.size() && i < size_t(listedDifferences); ++i)
            text += differenceLine(listed[i]);
        if (report.differences.total() > listedDifferences)
            text += QStringLiteral("  ... %1 in all; --json or --report FILE lists the first %2 "
                                   "(--max-differences N)\n")
                        .arg(groupedNumber(report.differences.total()))
                        .arg(groupedNumber(qint64(report.differences.limit())));
    }
    if (report.orphans.checked && report.orphans.total() > 0) {
        text += QStringLiteral("orphan rows (carried; they name no graph entity, as re-indexing "
                               "leaves them):\n");
        for (const TableOrphans &table : report.orphans.tables) {
            if (table.total == 0)
                continue;
            QStringList examples;
            for (size_t i = 0; i < table.listed.size() && i < size_t(listedOrphans); ++i)
                examples << QStringLiteral("rowid %1 (%2)")
                                .arg(table.listed[i].rowid)
                                .arg(table.listed[i].reference);
            text += QStringLiteral("  %1: %2 rows whose %3, e.g. %4\n")
                        .arg(tableName(table.table), groupedNumber(table.total), table.rule,
                             examples.join(QStringLiteral(", ")));
        }
    }
    if (report.repairedValues() > 0)
        text += QStringLiteral("repaired: values that are not valid UTF-8, or BLOBs, stored as "
                               "readable text with their exact bytes in a {column}_base64 field; "
                               "nothing is lost\n");
    text += QStringLiteral("store: %1 (key layout %2)\n")
                .arg(report.destination, keyLayoutName(report.layout));
    text += QStringLiteral("outcome: %1\n").arg(outcomeName(report.outcome()));
    return text;
}

QString sourceInfoText(const SourceInfo &info) {
    QString text =
        QStringLiteral("file: %1\nsize: %2, modified %3\nschema version: %4, journal "
                       "mode: %5\n\n")
            .arg(info.path, fileSize(info.sizeBytes), info.modified.toString(Qt::ISODate),
                 info.schemaVersion < 0 ? QStringLiteral("unknown (no magellan_meta)")
                                        : QString::number(info.schemaVersion),
                 info.journalMode);
    const QList<int> widths{15, 12, 10};
    text +=
        row({QStringLiteral("table"), QStringLiteral("rows"), QStringLiteral("groups")}, widths);
    for (const SourceTableInfo &table : info.tables) {
        if (!table.exists) {
            text += row({tableName(table.table), QStringLiteral("absent"), QString()}, widths);
            continue;
        }
        text += row({tableName(table.table), groupedNumber(table.rows),
                     table.groups >= 0 ? groupedNumber(table.groups) : QStringLiteral("-")},
                    widths);
    }
    text += QStringLiteral("\ncolumns:\n");
    for (const SourceTableInfo &table : info.tables)
        if (table.exists)
            text += QStringLiteral("  %1: %2\n")
                        .arg(tableName(table.table), table.columns.join(QStringLiteral(", ")));
    text += QStringLiteral("\nexecution_log, file_metrics and symbol_metrics are optional: migrate "
                           "them with --tables.\n");
    return text;
}

} // namespace magellan
