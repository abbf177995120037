#include "migration_worker.h"

#include "publish_gate.h"

#include <QMetaObject>

#include <map>

namespace magellan {
namespace {

// Sends progress to the controller's thread, at most 25 updates a second per table and phase,
// always the first and the last; waits at the gate before publishing.
class ThrottledProgress final : public ProgressObserver {
public:
    ThrottledProgress(const std::atomic<bool> &cancelFlag, PublishGate &gate,
                      const MigrationWorker::Callbacks &callbacks)
        : m_cancelFlag(cancelFlag), m_gate(gate), m_callbacks(callbacks) {}

    void tableProgress(MigrationPhase phase, SourceTable table, qint64 done,
                       qint64 total) override {
        ProgressThrottle &throttle = m_throttles[{phase, table}];
        if (!throttle.shouldEmit(done, total))
            return;
        QMetaObject::invokeMethod(m_callbacks.receiver,
                                  [callback = m_callbacks.progressed, phase, table, done, total] {
                                      callback(phase, table, done, total);
                                  });
    }
    bool isCancelRequested() const override { return m_cancelFlag.load(); }
    bool mayPublish() override {
        return m_gate.waitUntilOpen([this] {
            QMetaObject::invokeMethod(m_callbacks.receiver, m_callbacks.waitingToPublish);
        });
    }

private:
    const std::atomic<bool> &m_cancelFlag;
    PublishGate &m_gate;
    const MigrationWorker::Callbacks &m_callbacks;
    std::map<std::pair<MigrationPhase, SourceTable>, ProgressThrottle> m_throttles;
};

} // namespace

void MigrationWorker::inspect(const QString &path, const Callbacks &callbacks) {
    const auto fail = [&](const Status &status) {
        QMetaObject::invokeMethod(callbacks.receiver, [callback = callbacks.inspectionFailed,
                                                       status] { callback(status); });
    };
    Result<std::unique_ptr<SourceDatabase>> source = SourceDatabase::open(path, 2000);
    if (!source.isOk())
        return fail(source.status());
    Result<SourceInfo> info = source.value()->inspect(true);
    if (!info.isOk())
        return fail(info.status());
    if (Result<std::vector<SourceTable>> tables = resolveTables(info.value(), {}); !tables.isOk())
        return fail(tables.status());
    QMetaObject::invokeMethod(callbacks.receiver, [callback = callbacks.inspected,
                                                   info = info.value()] { callback(info); });
}

void MigrationWorker::migrate(const QString &source, const QString &destination,
                              const MigrationOptions &options, const Callbacks &callbacks) {
    ThrottledProgress progress(m_cancelFlag, m_gate, callbacks);
    report(migrateDatabase(source, destination, options, &progress), callbacks);
}

void MigrationWorker::verify(const QString &source, const QString &store,
                             const VerifyOptions &options, const Callbacks &callbacks) {
    ThrottledProgress progress(m_cancelFlag, m_gate, callbacks);
    report(verifyStore(source, store, options, &progress), callbacks);
}

void MigrationWorker::report(MigrationOutcome outcome, const Callbacks &callbacks) {
    QMetaObject::invokeMethod(
        callbacks.receiver,
        [callback = callbacks.finished, outcome = std::move(outcome)] { callback(outcome); });
}

} // namespace magellan
