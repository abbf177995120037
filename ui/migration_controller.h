#pragma once

#include "migrate/migration.h"
#include "migration_worker.h"
#include "publish_gate.h"

#include <QObject>
#include <QThread>

#include <atomic>

namespace magellan {

// Owns the worker thread: starts inspections and migrations on it, cancels them, and reports
// their results as signals on the GUI thread. Its destructor cancels, quits and waits.
class MigrationController : public QObject {
    Q_OBJECT
public:
    explicit MigrationController(QObject *parent = nullptr);
    ~MigrationController() override;

    // Inspects `path` in the background; a newer inspection supersedes an older one, whose result
    // is then dropped.
    void inspect(const QString &path);
    // Migrates in the background. REQUIRES: !isMigrating().
    void migrate(const QString &source, const QString &destination,
                 const MigrationOptions &options);
    // Verifies the store `store` against `source` in the background. REQUIRES: !isMigrating().
    void verify(const QString &source, const QString &store, const VerifyOptions &options);
    // Asks the running migration to stop; it ends with a Cancelled outcome.
    void cancel();
    // While held, a migration that has finished its store waits before publishing it (and says
    // so with waitingToPublish()); release() lets it go on, cancel() ends it unpublished.
    void holdPublishing() { m_gate.hold(); }
    void releasePublishing() { m_gate.release(); }
    bool isMigrating() const { return m_migrating; }

Q_SIGNALS:
    void inspected(const magellan::SourceInfo &info);
    void inspectionFailed(const QString &path, const magellan::Status &status);
    void progressed(magellan::MigrationPhase phase, magellan::SourceTable table, qint64 done,
                    qint64 total);
    void waitingToPublish();
    void migrationFinished(const magellan::MigrationOutcome &outcome);
    void verificationFinished(const magellan::MigrationOutcome &outcome);

private:
    MigrationWorker::Callbacks
    runCallbacks(void (MigrationController::*finished)(const MigrationOutcome &));

    QThread m_thread;
    MigrationWorker *m_worker = nullptr; // lives on m_thread, deleted when it finishes
    std::atomic<bool> m_cancel{false};
    PublishGate m_gate{m_cancel};
    quint64 m_generation = 0; // of the latest inspection
    bool m_migrating = false;
};

} // namespace magellan
