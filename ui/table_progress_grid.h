#pragma once

#include "migrate/migration_report.h"
#include "migrate/progress.h"

#include <QElapsedTimer>
#include <QTableWidget>

#include <map>

class QProgressBar;

namespace magellan {

// Sets `view`'s height to show its header and every row, no more (for short tables).
void fitHeightToRows(QTableView *view);

// One row per source table: a checkbox (migrate it or not), its rows and groups, and while a
// migration runs, its progress bar with rows done of total, rows per second and time left. The
// table being worked on is marked.
class TableProgressGrid : public QTableWidget {
    Q_OBJECT
public:
    enum Column { Table, Rows, Groups, Progress, Rate, TimeLeft, State, ColumnCount };

    explicit TableProgressGrid(QWidget *parent = nullptr);

    // Lists the tables `info` has; side tables checked, optional ones not.
    void showSource(const SourceInfo &info);
    void clearSource();
    std::vector<SourceTable> checkedTables() const;
    void setChecksEnabled(bool enabled);

    // Prepares the checked tables' bars for a run (two phases when `verify`).
    void startRun(bool verify);
    void updateProgress(MigrationPhase phase, SourceTable table, qint64 done, qint64 total);
    // Marks every table with its result (or as stopped when `report` is null).
    void finishRun(const std::vector<TableReport> *tables);
    // Work done so far over all checked tables and phases, 0 to 1.
    double overallFraction() const;

protected:
    // Space toggles the current row's checkbox, wherever in the row the cursor is.
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;

private:
    struct RowState {
        int row = -1;
        qint64 total = 0;
        qint64 done[2] = {0, 0}; // per phase
        QElapsedTimer timer;     // since the current phase of this table began
        MigrationPhase phase = MigrationPhase::Scanning;
        bool started = false;
    };

    QProgressBar *barAt(int row) const;
    void markCurrent(SourceTable table);
    void setState(int row, const QString &text);

    std::map<SourceTable, RowState> m_rows;
    bool m_verify = true;
};

} // namespace magellan
