#pragma once

#include "migrate/migration_report.h"

#include <QAbstractTableModel>

namespace magellan {

// The count comparison of a finished migration: one row per table with SQLite rows, KV keys,
// KV records, rejected, repaired, time and a pass/fail mark; then the tables of the source the run
// did not read, marked so, with the reason as a tooltip.
class ComparisonModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Table,
        SqliteRows,
        KvKeys,
        KvRecords,
        Rejected,
        Repaired,
        Time,
        Result,
        ColumnCount
    };

    explicit ComparisonModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}

    void setReport(const MigrationReport &report);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct NotRead {
        SourceTable table;
        qint64 sourceRows;
        QString why;
    };
    std::vector<TableReport> m_tables;
    std::vector<NotRead> m_notRead; // shown after the tables read, never as a pass
};

} // namespace magellan
