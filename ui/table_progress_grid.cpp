#include "table_progress_grid.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLocale>
#include <QProgressBar>

namespace magellan {
namespace {

QString number(qint64 value) {
    return QLocale::system().toString(value);
}

QString duration(double seconds) {
    if (seconds < 60)
        return QObject::tr("%1 s").arg(qMax(0.0, seconds), 0, 'f', seconds < 10 ? 1 : 0);
    const qint64 whole = static_cast<qint64>(seconds + 0.5);
    return QObject::tr("%1 min %2 s").arg(whole / 60).arg(whole % 60, 2, 10, QLatin1Char('0'));
}

QTableWidgetItem *textItem(const QString &text, Qt::Alignment alignment = Qt::AlignLeft) {
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setTextAlignment(alignment | Qt::AlignVCenter);
    return item;
}

} // namespace

void fitHeightToRows(QTableView *view) {
    view->resizeRowsToContents();
    int height = view->horizontalHeader()->sizeHint().height() + 2 * view->frameWidth();
    const int rows = view->model() ? view->model()->rowCount() : 0;
    for (int row = 0; row < rows; ++row)
        height += view->rowHeight(row);
    view->setFixedHeight(height);
}

TableProgressGrid::TableProgressGrid(QWidget *parent) : QTableWidget(parent) {
    setColumnCount(ColumnCount);
    setHorizontalHeaderLabels({tr("Table"), tr("Rows"), tr("Groups"), tr("Progress"), tr("Rate"),
                               tr("Time left"), tr("State")});
    verticalHeader()->hide();
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setFocusPolicy(Qt::StrongFocus);
    setTabKeyNavigation(false); // Tab leaves the grid; the arrow keys move within it
    setAccessibleName(tr("Tables"));
    setAccessibleDescription(tr("Space checks or unchecks the table to migrate"));
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(Progress, QHeaderView::Stretch);
    horizontalHeader()->setHighlightSections(false);
}

void TableProgressGrid::keyPressEvent(QKeyEvent *event) {
    if ((event->key() == Qt::Key_Space || event->key() == Qt::Key_Select) &&
        event->modifiers() == Qt::NoModifier && currentIndex().isValid()) {
        QTableWidgetItem *name = item(currentRow(), Table);
        if (name && (name->flags() & Qt::ItemIsUserCheckable))
            name->setCheckState(name->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
        event->accept();
        return;
    }
    QTableWidget::keyPressEvent(event);
}

void TableProgressGrid::focusInEvent(QFocusEvent *event) {
    if (!currentIndex().isValid() && rowCount() > 0)
        setCurrentCell(0, Table);
    QTableWidget::focusInEvent(event);
}

void TableProgressGrid::clearSource() {
    setRowCount(0);
    m_rows.clear();
    fitHeightToRows(this);
}

void TableProgressGrid::showSource(const SourceInfo &info) {
    clearSource();
    for (const SourceTableInfo &table : info.tables) {
        if (!table.exists)
            continue;
        const int row = rowCount();
        insertRow(row);
        auto *name = textItem(tableName(table.table));
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        name->setCheckState(tableDefinition(table.table).optional ? Qt::Unchecked : Qt::Checked);
        name->setData(Qt::UserRole, static_cast<int>(table.table));
        name->setToolTip(tableDefinition(table.table).optional
                             ? tr("Optional table: migrated when checked")
                             : tr("Side table: migrated unless unchecked"));
        setItem(row, Table, name);
        setItem(row, Rows, textItem(number(table.rows), Qt::AlignRight));
        setItem(row, Groups,
                textItem(table.groups >= 0 ? number(table.groups) : QStringLiteral("–"),
                         Qt::AlignRight));
        setItem(row, Rate, textItem(QString(), Qt::AlignRight));
        setItem(row, TimeLeft, textItem(QString(), Qt::AlignRight));
        setItem(row, State, textItem(QString()));
        RowState state;
        state.row = row;
        state.total = table.rows;
        m_rows[table.table] = state;
    }
    fitHeightToRows(this);
}

std::vector<SourceTable> TableProgressGrid::checkedTables() const {
    std::vector<SourceTable> tables;
    for (const auto &[table, state] : m_rows)
        if (item(state.row, Table)->checkState() == Qt::Checked)
            tables.push_back(table);
    return tables;
}

void TableProgressGrid::setChecksEnabled(bool enabled) {
    for (const auto &[table, state] : m_rows)
        item(state.row, Table)
            ->setFlags(enabled ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable
                               : Qt::ItemIsEnabled | Qt::ItemIsSelectable);
}

QProgressBar *TableProgressGrid::barAt(int row) const {
    return qobject_cast<QProgressBar *>(cellWidget(row, Progress));
}

void TableProgressGrid::setState(int row, const QString &text) {
    item(row, State)->setText(text);
}

void TableProgressGrid::startRun(bool verify) {
    m_verify = verify;
    for (auto &[table, state] : m_rows) {
        const bool checked = item(state.row, Table)->checkState() == Qt::Checked;
        state.done[0] = state.done[1] = 0;
        state.started = false;
        state.phase = MigrationPhase::Scanning;
        QProgressBar *bar = barAt(state.row);
        if (!bar) { // bars appear with the first run
            bar = new QProgressBar(this);
            bar->setRange(0, 1000);
            setCellWidget(state.row, Progress, bar);
        }
        bar->setValue(0);
        bar->setEnabled(checked);
        bar->setFormat(checked ? tr("waiting") : tr("not migrated"));
        item(state.row, Rate)->setText(QString());
        item(state.row, TimeLeft)->setText(QString());
        setState(state.row, checked ? tr("waiting") : QString());
    }
    markCurrent(static_cast<SourceTable>(-1));
}

void TableProgressGrid::markCurrent(SourceTable current) {
    for (const auto &[table, state] : m_rows) {
        QFont font = this->font();
        font.setBold(table == current);
        for (int column = 0; column < ColumnCount; ++column)
            if (QTableWidgetItem *cell = item(state.row, column))
                cell->setFont(font);
        item(state.row, Table)
            ->setText((table == current ? QStringLiteral("▶ ") : QString()) + tableName(table));
    }
}

void TableProgressGrid::updateProgress(MigrationPhase phase, SourceTable table, qint64 done,
                                       qint64 total) {
    const auto found = m_rows.find(table);
    if (found == m_rows.end())
        return;
    RowState &state = found->second;
    if (!state.started || state.phase != phase) {
        state.started = true;
        state.phase = phase;
        state.timer.start();
    }
    const int phaseIndex = phase == MigrationPhase::Scanning ? 0 : 1;
    state.total = total;
    state.done[phaseIndex] = done;
    const bool scanning = phase == MigrationPhase::Scanning;
    const bool finding = phase == MigrationPhase::FindingDifferences;
    QProgressBar *bar = barAt(state.row);
    if (!bar)
        return;
    bar->setValue(total > 0 ? static_cast<int>(1000 * done / total) : 1000);
    bar->setFormat(tr("%1: %2 of %3 rows")
                       .arg(scanning  ? tr("written")
                            : finding ? tr("compared again")
                                      : tr("verified"),
                            number(done), number(total)));
    const double seconds = qMax(1e-3, state.timer.nsecsElapsed() / 1e9);
    const double rate = done / seconds;
    const bool finished = done >= total;
    item(state.row, Rate)
        ->setText(done > 0 ? tr("%1 rows/s").arg(number(static_cast<qint64>(rate))) : QString());
    item(state.row, TimeLeft)
        ->setText(finished   ? QString()
                  : done > 0 ? duration((total - done) / rate)
                             : tr("…"));
    if (finding)
        setState(state.row, finished ? tr("differences found") : tr("finding differences"));
    else if (finished)
        setState(state.row, scanning ? (m_verify ? tr("written, verifying next") : tr("written"))
                                     : tr("verified"));
    else
        setState(state.row, scanning ? tr("writing") : tr("verifying"));
    if (!finished)
        markCurrent(table);
}

void TableProgressGrid::finishRun(const std::vector<TableReport> *tables) {
    markCurrent(static_cast<SourceTable>(-1));
    for (auto &[table, state] : m_rows) {
        item(state.row, TimeLeft)->setText(QString());
        QProgressBar *bar = barAt(state.row);
        if (!bar)
            continue;
        if (!tables) {
            if (item(state.row, Table)->checkState() == Qt::Checked) {
                setState(state.row, tr("stopped"));
                bar->setValue(0); // a full bar would read as written
                bar->setFormat(tr("stopped: nothing written"));
            }
            continue;
        }
        const auto report = std::find_if(tables->begin(), tables->end(),
                                         [&](const TableReport &r) { return r.table == table; });
        if (report == tables->end())
            continue;
        bar->setValue(1000);
        bar->setFormat(tr("%1 rows").arg(number(report->sourceRows)));
        item(state.row, Rate)
            ->setText( // the write rate; read-back interleaves tables
                tr("%1 rows/s")
                    .arg(number(static_cast<qint64>(report->sourceRows /
                                                    qMax(1e-3, report->scan.seconds)))));
        setState(state.row, !report->readBack  ? tr("written, not verified")
                            : report->passed() ? tr("✔ verified")
                                               : tr("✘ failed"));
    }
}

double TableProgressGrid::overallFraction() const {
    double done = 0;
    double total = 0;
    const int phases = m_verify ? 2 : 1;
    for (const auto &[table, state] : m_rows) {
        if (item(state.row, Table)->checkState() != Qt::Checked)
            continue;
        total += static_cast<double>(qMax<qint64>(state.total, 1)) * phases;
        done += state.done[0] + (m_verify ? state.done[1] : 0);
    }
    return total > 0 ? qMin(1.0, done / total) : 0;
}

} // namespace magellan
