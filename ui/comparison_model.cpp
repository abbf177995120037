#include "comparison_model.h"

#include "status_colours.h"

#include <QBrush>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <algorithm>

namespace magellan {
namespace {

QString number(qint64 value) {
    return QLocale::system().toString(value);
}

QString seconds(double value) {
    return value < 10 ? QStringLiteral("%1 s").arg(value, 0, 'f', 2)
                      : QStringLiteral("%1 s").arg(value, 0, 'f', 1);
}

QString resultText(const TableReport &table) {
    if (!table.readBack)
        return QObject::tr("not verified");
    if (table.passed())
        return QObject::tr("✔ pass");
    return table.countsMatch() ? QObject::tr("✘ checksum differs") : QObject::tr("✘ counts differ");
}

} // namespace

void ComparisonModel::setReport(const MigrationReport &report) {
    beginResetModel();
    m_tables = report.tables;
    m_notRead.clear();
    for (const auto &[table, why] : report.notCarried)
        m_notRead.push_back({table, report.source.table(table).rows, why});
    endResetModel();
}

void ComparisonModel::clear() {
    beginResetModel();
    m_tables.clear();
    m_notRead.clear();
    endResetModel();
}

int ComparisonModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_tables.size() + m_notRead.size());
}

int ComparisonModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ComparisonModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    if (static_cast<size_t>(index.row()) >= m_tables.size()) {
        const NotRead &notRead = m_notRead[index.row() - m_tables.size()];
        if (role == Qt::DisplayRole)
            switch (index.column()) {
            case Table:
                return tableName(notRead.table);
            case SqliteRows:
                return number(notRead.sourceRows);
            case Result:
                return tr("not read");
            default:
                return QStringLiteral("–");
            }
        if (role == Qt::ToolTipRole)
            return notRead.why;
        if (role == Qt::UserRole && index.column() == Result)
            return false;
        if (role == Qt::TextAlignmentRole && index.column() != Table && index.column() != Result)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    const TableReport &table = m_tables[index.row()];
    const bool read = table.readBack;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Table:
            return tableName(table.table);
        case SqliteRows:
            return number(table.sourceRows);
        case KvKeys:
            return read ? number(table.store.keys) : QStringLiteral("–");
        case KvRecords:
            return read ? number(table.store.records) : QStringLiteral("–");
        case Rejected:
            return number(read ? table.store.rejected : table.scan.rejectedRows);
        case Repaired:
            return number(table.scan.repairedValues);
        case Time:
            return seconds(table.scan.seconds);
        case Result:
            return resultText(table);
        }
    }
    if (role == Qt::UserRole) { // raw numbers, for sorting, export and tests
        switch (index.column()) {
        case SqliteRows:
            return table.sourceRows;
        case KvKeys:
            return read ? QVariant(table.store.keys) : QVariant();
        case KvRecords:
            return read ? QVariant(table.store.records) : QVariant();
        case Rejected:
            return read ? table.store.rejected : table.scan.rejectedRows;
        case Repaired:
            return table.scan.repairedValues;
        case Time:
            return table.scan.seconds;
        case Result:
            return table.passed();
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != Table && index.column() != Result)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == Result && read) {
        const StatusColours colours = statusColours(QGuiApplication::palette());
        return QBrush(table.passed() ? colours.pass : colours.fail);
    }
    if (role == Qt::ToolTipRole && index.column() == Result && read)
        return tr("SQLite rows = KV records + rejected: %1\nkeys = carried groups: %2\nchecksums: "
                  "%3")
            .arg(table.sourceRows == table.store.records + table.store.rejected ? tr("yes")
                                                                                : tr("no"))
            .arg(table.store.keys == table.expectedKeys ? tr("yes") : tr("no"))
            .arg(table.checksumsMatch() ? tr("equal") : tr("differ"));
    return {};
}

QVariant ComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    if (role == Qt::ToolTipRole && section == Repaired)
        return tr("Values that are not valid UTF-8, or BLOBs: stored as readable text (U+FFFD for "
                  "each bad byte) with their exact bytes beside them in {column}_base64. Nothing "
                  "is lost.");
    if (role == Qt::ToolTipRole && section == Rejected)
        return tr("Rows that cannot be carried as values: each is kept as reject:{table}:{rowid} "
                  "with the reason and the row as found.");
    if (role == Qt::ToolTipRole)
        return {};
    static const char *const titles[] = {QT_TR_NOOP("Table"),    QT_TR_NOOP("SQLite rows"),
                                         QT_TR_NOOP("KV keys"),  QT_TR_NOOP("KV records"),
                                         QT_TR_NOOP("Rejected"), QT_TR_NOOP("Repaired"),
                                         QT_TR_NOOP("Time"),     QT_TR_NOOP("Result")};
    return section >= 0 && section < ColumnCount ? tr(titles[section]) : QVariant();
}

} // namespace magellan
