#pragma once

#include "migrate/migration.h"

#include <QDialog>

#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace magellan {

class MigrationController;
class ReportRowsModel;
class SavedFileNotice;

// Verifies a store against its source on a worker thread, with progress and Cancel, then shows
// the outcome and what differed (or was rejected or repaired); opening a row asks for its key.
class VerificationDialog : public QDialog {
    Q_OBJECT
public:
    VerificationDialog(const QString &storePath, const QString &sourcePath,
                       QWidget *parent = nullptr);
    ~VerificationDialog() override;

    // Starts the verification. REQUIRES: not running.
    void start();
    bool isRunning() const;
    const std::optional<MigrationOutcome> &outcome() const { return m_outcome; }
    const ReportRowsModel *rowsModel() const { return m_rows; }
    QTableView *rowsView() const { return m_rowsView; }
    QString verdictText() const;
    // Writes the report to `path` (CSV or JSON); "" or why it was not written.
    QString exportReportTo(const QString &path, bool csv);

Q_SIGNALS:
    // A listed row was opened: its key in the store.
    void keyRequested(const QString &key);
    void finished(const magellan::MigrationOutcome &outcome);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void showProgress(MigrationPhase phase, SourceTable table, qint64 done, qint64 total);
    void showOutcome(const MigrationOutcome &outcome);
    void exportReport(bool csv);

    QString m_storePath;
    QString m_sourcePath;
    MigrationController *m_controller;
    QLabel *m_title;
    QProgressBar *m_progress;
    QLabel *m_verdict;
    QTableView *m_rowsView;
    ReportRowsModel *m_rows;
    QPushButton *m_cancel;
    QPushButton *m_exportJson;
    QPushButton *m_exportCsv;
    SavedFileNotice *m_saved;
    std::optional<MigrationOutcome> m_outcome;
};

} // namespace magellan
