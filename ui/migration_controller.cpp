#include "migration_controller.h"

#include "migration_worker.h"

namespace magellan {

MigrationController::MigrationController(QObject *parent) : QObject(parent) {
    m_worker = new MigrationWorker(m_cancel, m_gate);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("magellan-kv worker"));
    m_thread.start();
}

MigrationController::~MigrationController() {
    cancel();
    m_thread.quit();
    m_thread.wait();
}

void MigrationController::inspect(const QString &path) {
    const quint64 generation = ++m_generation;
    MigrationWorker::Callbacks callbacks;
    callbacks.receiver = this;
    callbacks.inspected = [this, generation](const SourceInfo &info) {
        if (generation == m_generation)
            Q_EMIT inspected(info);
    };
    callbacks.inspectionFailed = [this, generation, path](const Status &status) {
        if (generation == m_generation)
            Q_EMIT inspectionFailed(path, status);
    };
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, path, callbacks] { worker->inspect(path, callbacks); });
}

// Callbacks of a run: progress while it runs, then `finished` (a signal of this controller).
MigrationWorker::Callbacks
MigrationController::runCallbacks(void (MigrationController::*finished)(const MigrationOutcome &)) {
    m_cancel.store(false);
    m_migrating = true;
    MigrationWorker::Callbacks callbacks;
    callbacks.receiver = this;
    callbacks.progressed = [this](MigrationPhase phase, SourceTable table, qint64 done,
                                  qint64 total) {
        if (m_migrating)
            Q_EMIT progressed(phase, table, done, total);
    };
    callbacks.finished = [this, finished](const MigrationOutcome &outcome) {
        m_migrating = false;
        Q_EMIT(this->*finished)(outcome);
    };
    return callbacks;
}

void MigrationController::migrate(const QString &source, const QString &destination,
                                  const MigrationOptions &options) {
    MigrationWorker::Callbacks callbacks = runCallbacks(&MigrationController::migrationFinished);
    callbacks.waitingToPublish = [this] {
        if (m_migrating)
            Q_EMIT waitingToPublish();
    };
    QMetaObject::invokeMethod(m_worker,
                              [worker = m_worker, source, destination, options, callbacks] {
                                  worker->migrate(source, destination, options, callbacks);
                              });
}

void MigrationController::verify(const QString &source, const QString &store,
                                 const VerifyOptions &options) {
    const MigrationWorker::Callbacks callbacks =
        runCallbacks(&MigrationController::verificationFinished);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, source, store, options, callbacks] {
        worker->verify(source, store, options, callbacks);
    });
}

void MigrationController::cancel() {
    m_cancel.store(true);
    m_gate.wake();
}

} // namespace magellan
