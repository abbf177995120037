#include "report_rows_model.h"

#include "status_colours.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

namespace magellan {
namespace {

QString differenceWhat(DifferenceKind kind) {
    switch (kind) {
    case DifferenceKind::MissingInStore:
        return QObject::tr("missing in store");
    case DifferenceKind::ExtraInStore:
        return QObject::tr("extra in store");
    case DifferenceKind::Changed:
        break;
    }
    return QObject::tr("changed");
}

QString differenceDetail(const Difference &difference) {
    QStringList fields;
    for (const std::string &field : difference.fields)
        fields << QString::fromStdString(field);
    QString detail = fields.isEmpty()
                         ? QString()
                         : QObject::tr("fields: %1").arg(fields.join(QStringLiteral(", ")));
    if (!difference.note.isEmpty())
        detail += (detail.isEmpty() ? QString() : QStringLiteral("; ")) + difference.note;
    if (detail.isEmpty() && difference.kind == DifferenceKind::MissingInStore)
        detail = QObject::tr("the source row has no record in the store");
    if (detail.isEmpty() && difference.kind == DifferenceKind::ExtraInStore)
        detail = QObject::tr("the stored record has no source row");
    return detail;
}

} // namespace

void ReportRowsModel::setReport(const MigrationReport &report) {
    beginResetModel();
    m_rows.clear();
    for (const Difference &difference : report.differences.listed())
        m_rows.push_back({Kind::Difference, differenceWhat(difference.kind), difference.table,
                          difference.key, difference.rowid, differenceDetail(difference)});
    const size_t firstKept = m_rows.size();
    for (const TableReport &table : report.tables) {
        for (const RejectedRow &row : table.scan.rejects)
            m_rows.push_back({Kind::Rejected, tr("rejected"), row.table,
                              kvkey::reject(tableDefinition(row.table).name, row.rowid), row.rowid,
                              tr("%1: %2").arg(row.column, row.reason)});
        for (const RepairedValue &value : table.scan.repairs)
            m_rows.push_back({Kind::Repaired, tr("repaired"), value.table, value.key, value.rowid,
                              value.blob ? tr("%1: a BLOB, stored as text with its bytes in "
                                              "%1_base64")
                                               .arg(value.column)
                                         : tr("%1: not valid UTF-8, stored as text with its bytes "
                                              "in %1_base64")
                                               .arg(value.column)});
    }
    std::stable_sort(m_rows.begin() + qsizetype(firstKept), m_rows.end(),
                     [](const Row &a, const Row &b) {
                         const QString aTable = a.table ? tableName(*a.table) : QString();
                         const QString bTable = b.table ? tableName(*b.table) : QString();
                         if (aTable != bTable)
                             return aTable < bTable;
                         return a.rowid < b.rowid;
                     });
    endResetModel();
}

void ReportRowsModel::clear() {
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

qint64 ReportRowsModel::count(Kind kind) const {
    return std::count_if(m_rows.begin(), m_rows.end(),
                         [kind](const Row &row) { return row.kind == kind; });
}

int ReportRowsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ReportRowsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReportRowsModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row &row = m_rows[size_t(index.row())];
    if (role == KeyRole)
        return QByteArray::fromStdString(row.key);
    if (role == Qt::ForegroundRole && index.column() == What) {
        const StatusColours colours = statusColours(QGuiApplication::palette());
        if (row.kind == Kind::Difference)
            return QBrush(colours.fail);
        if (row.kind == Kind::Rejected)
            return QBrush(colours.warning);
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == Detail)
        return row.detail;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case What:
        return row.what;
    case Table:
        return row.table ? tableName(*row.table) : tr("(no table)");
    case RowId:
        return row.rowid ? QVariant(*row.rowid) : QVariant(tr("none"));
    case Key:
        return QString::fromStdString(row.key);
    case Detail:
        return row.detail;
    }
    return {};
}

QVariant ReportRowsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == RowId)
        return tr("The source row's rowid; none for a record the source does not have");
    if (role != Qt::DisplayRole)
        return {};
    static const char *const titles[] = {QT_TR_NOOP("What"), QT_TR_NOOP("Table"),
                                         QT_TR_NOOP("Row id"), QT_TR_NOOP("Key"),
                                         QT_TR_NOOP("Detail")};
    return section >= 0 && section < ColumnCount ? tr(titles[section]) : QVariant();
}

} // namespace magellan
