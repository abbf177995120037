#pragma once

#include "existing_destination.h"
#include "migrate/migration.h"
#include "report_rows_model.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QMessageBox;
class QProgressBar;
class QPushButton;
class QTableView;
class QGroupBox;
class QModelIndex;

namespace magellan {

class ComparisonModel;
class ElidedLabel;
class MigrationController;
class RejectedRowsModel;
class TableProgressGrid;

// The window's one page: what is in the opened database, the migration options, per-table
// progress while it runs, and the count comparison when it is done.
class MigrationPanel : public QWidget {
    Q_OBJECT
public:
    enum class State { Empty, Inspecting, Ready, Migrating, Finished };
    Q_ENUM(State)

    explicit MigrationPanel(QWidget *parent = nullptr);
    ~MigrationPanel() override;

    // Reads `path` in the background; shows what is in it, or an error dialog naming the file.
    void openDatabase(const QString &path);
    // The Migrate button: asks before replacing an existing destination, then starts.
    void startMigration();
    // The Cancel button: asks to confirm, then stops the migration; nothing is left written. While
    // the question is open the migration may run on but publishes nothing.
    void requestCancel();

    State state() const { return m_state; }
    QString databasePath() const { return m_databasePath; }
    // The destination field as an absolute path; a relative one is taken beside the database.
    QString destinationPath() const;
    void setDestinationPath(const QString &path);
    const ComparisonModel *comparisonModel() const { return m_comparison; }
    // The differences, rejected rows and repaired values of the last run.
    const ReportRowsModel *reportRowsModel() const { return m_reportRows; }
    const std::optional<MigrationOutcome> &lastOutcome() const { return m_outcome; }
    // Work done in the running migration, 0 to 1.
    double overallProgress() const;
    // Writes the last report to `path` as CSV or JSON; "" or the reason it was not written. A
    // path that is the source, one of its SQLite files, or inside the store is refused untouched.
    QString exportReportTo(const QString &path, bool csv);
    // What is already at the destination, as last looked at (on opening and on every edit).
    const ExistingDestination &existingDestination() const { return m_existing; }
    QString destinationNote() const;
    QString statusText() const;
    TableProgressGrid *tableGrid() const { return m_grid; }
    QTableView *reportRowsView() const { return m_reportRowsView; }

Q_SIGNALS:
    void stateChanged(magellan::MigrationPanel::State state);
    void databaseOpened(const QString &path);
    void progressChanged(double fraction);
    // The user answered the cancel question: `stop` when they chose to stop.
    void cancelAnswered(bool stop);
    // The store is complete and waits for the open cancel question before it is published.
    void waitingToPublish();
    // "Open in KV browser" after a migration.
    void browseRequested(const QString &storePath, const QString &sourcePath);
    // A rejected row or repaired value was opened: its key in the published store.
    void keyRequested(const QString &storePath, const QString &sourcePath, const QString &key);
    // A report was exported to `path`.
    void reportExported(const QString &path);

private:
    void buildLayout();
    void setState(State state);
    void showInspection(const SourceInfo &info);
    void showInspectionError(const QString &path, const Status &status);
    void beginMigration(bool replaceExisting);
    void showProgress(MigrationPhase phase, SourceTable table, qint64 done, qint64 total);
    void showOutcome(const MigrationOutcome &outcome);
    void chooseDestination();
    void exportReport(bool csv);
    void showMessage(int icon, const QString &title, const QString &text);
    void answerCancel(bool stop);
    void lookAtDestination();
    void showExistingDestination(const ExistingDestination &existing);
    void openReportRow(const QModelIndex &index);
    void showReportRows(const MigrationOutcome &outcome);
    // "the store at X is unchanged" or "nothing was written to X", for cancel and failure.
    QString untouchedDestinationText() const;

    MigrationController *m_controller;
    State m_state = State::Empty;
    QString m_databasePath;
    std::optional<SourceInfo> m_info;
    std::optional<MigrationOutcome> m_outcome;
    QPointer<QMessageBox> m_cancelQuestion; // open while the user is asked whether to cancel
    QFutureWatcher<ExistingDestination> m_destinationWatcher;
    ExistingDestination m_existing;

    QLabel *m_summary;
    TableProgressGrid *m_grid;
    QComboBox *m_layout;
    QCheckBox *m_verify;
    QLineEdit *m_destination;
    QPushButton *m_browse;
    QLabel *m_destinationNote;
    QProgressBar *m_overall;
    ElidedLabel *m_status;
    QPushButton *m_migrate;
    QPushButton *m_cancel;
    QGroupBox *m_results;
    QLabel *m_verdict;
    QTableView *m_comparisonView;
    QLabel *m_reportRowsTitle;
    QTableView *m_reportRowsView;
    QPushButton *m_browseStore;
    ComparisonModel *m_comparison;
    ReportRowsModel *m_reportRows;
};

} // namespace magellan
