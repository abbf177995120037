#pragma once

#include "migrate/migration_report.h"

#include <QAbstractTableModel>

namespace magellan {

// The rows of a migration or verification report a person may want to open: the differences
// found (in the report's order), then the rejected rows and the repaired values, each sorted by
// table, then rowid. Each row names the store key it belongs to.
class ReportRowsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { What, Table, RowId, Key, Detail, ColumnCount };
    enum class Kind { Difference, Rejected, Repaired };
    static constexpr int KeyRole = Qt::UserRole; // the store key, as UTF-8 bytes (QByteArray)

    explicit ReportRowsModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}

    void setReport(const MigrationReport &report);
    void clear();
    qint64 count(Kind kind) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row {
        Kind kind;
        QString what;
        std::optional<SourceTable> table;
        std::string key;
        std::optional<qint64> rowid;
        QString detail;
    };
    std::vector<Row> m_rows;
};

} // namespace magellan
