#include "value_search_runner.h"

#include "store/kv_store.h"

#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <mutex>

namespace magellan {
namespace {

constexpr int tickMs = 40; // 25 updates a second at most

} // namespace

// What a searching thread hands to the GUI thread.
struct ValueSearchRunner::Shared {
    std::atomic<bool> cancel{false};
    std::mutex mutex;
    // Guarded by mutex:
    std::vector<ValueMatch> pending;
    SearchProgress progress;
    bool done = false;
    bool cancelled = false;
    QString error;
};

ValueSearchRunner::ValueSearchRunner(std::shared_ptr<const KvStore> store, QObject *parent)
    : QObject(parent), m_store(std::move(store)) {
    m_tick.setInterval(tickMs);
    connect(&m_tick, &QTimer::timeout, this, &ValueSearchRunner::drain);
}

ValueSearchRunner::~ValueSearchRunner() {
    if (m_current)
        m_current->cancel.store(true);
    m_running.waitForFinished();
}

void ValueSearchRunner::start(std::shared_ptr<const ValueSearch> search, qint64 listLimit) {
    cancel();
    m_current.reset(); // dropped: whatever it still hands over goes nowhere
    ++m_generation;
    auto shared = std::make_shared<Shared>();
    m_current = shared;
    // Futures already finished need no waiting; keep the list short.
    QList<QFuture<void>> live;
    for (const QFuture<void> &future : m_running.futures())
        if (!future.isFinished())
            live << future;
    m_running.clearFutures();
    for (const QFuture<void> &future : live)
        m_running.addFuture(future);
    m_running.addFuture(QtConcurrent::run([store = m_store, search, shared, listLimit] {
        SearchCallbacks callbacks;
        callbacks.isCancelled = [&] { return shared->cancel.load(); };
        callbacks.onMatch = [&](ValueMatch match) {
            const std::lock_guard lock(shared->mutex);
            shared->pending.push_back(std::move(match));
        };
        SearchProgress progress;
        callbacks.onProgress = [&](const SearchProgress &now) {
            const std::lock_guard lock(shared->mutex);
            shared->progress = now;
        };
        SearchLimits limits;
        limits.listLimit = listLimit;
        const Result<SearchPosition> ended = search->run(*store, {}, progress, callbacks, limits);
        const std::lock_guard lock(shared->mutex);
        shared->progress = progress;
        shared->done = true;
        if (!ended.isOk()) {
            shared->cancelled = ended.status().code() == Status::Code::Cancelled;
            if (!shared->cancelled)
                shared->error = ended.status().message();
        }
    }));
    m_tick.start();
}

void ValueSearchRunner::cancel() {
    if (m_current)
        m_current->cancel.store(true);
}

void ValueSearchRunner::drain() {
    if (!m_current) {
        m_tick.stop();
        return;
    }
    const std::shared_ptr<Shared> shared = m_current;
    std::vector<ValueMatch> matches;
    SearchProgress progress;
    bool done = false, cancelled = false;
    QString error;
    {
        const std::lock_guard lock(shared->mutex);
        matches.swap(shared->pending);
        progress = shared->progress;
        done = shared->done;
        cancelled = shared->cancelled;
        error = shared->error;
    }
    if (!matches.empty())
        Q_EMIT matchesFound(matches);
    if (shared != m_current)
        return; // a slot started another search
    if (!done) {
        Q_EMIT progressed(progress);
        return;
    }
    m_tick.stop();
    m_current.reset();
    Q_EMIT finished(progress, cancelled, error);
}

} // namespace magellan
