#pragma once

#include "migrate/migration.h"

#include <QObject>

#include <atomic>
#include <functional>

namespace magellan {

class PublishGate;

// Runs inspections and migrations on the thread it lives on. It has no parent: it is moved to
// the thread of a MigrationController, which calls it through queued functors and receives its
// results the same way, on the controller's thread.
class MigrationWorker : public QObject {
    Q_OBJECT
public:
    // `cancelFlag` and `gate` are owned by the controller and outlive the worker.
    MigrationWorker(const std::atomic<bool> &cancelFlag, PublishGate &gate)
        : m_cancelFlag(cancelFlag), m_gate(gate) {}

    // Where results go: each callback is invoked on `receiver`'s thread.
    struct Callbacks {
        QObject *receiver = nullptr;
        std::function<void(const SourceInfo &)> inspected;
        std::function<void(const Status &)> inspectionFailed;
        std::function<void(MigrationPhase, SourceTable, qint64, qint64)> progressed;
        std::function<void()> waitingToPublish; // the store is complete; the gate is held
        std::function<void(const MigrationOutcome &)> finished;
    };

    // Opens `path`, reads what is in it (counting groups), and reports it.
    void inspect(const QString &path, const Callbacks &callbacks);
    // Migrates, reporting throttled per-table progress and the outcome; waits at the gate before
    // publishing.
    void migrate(const QString &source, const QString &destination, const MigrationOptions &options,
                 const Callbacks &callbacks);
    // Verifies the store at `store` against `source`, reporting progress and the outcome.
    void verify(const QString &source, const QString &store, const VerifyOptions &options,
                const Callbacks &callbacks);

private:
    // Hands `outcome` to the callbacks' receiver.
    static void report(MigrationOutcome outcome, const Callbacks &callbacks);

    const std::atomic<bool> &m_cancelFlag;
    PublishGate &m_gate;
};

} // namespace magellan
