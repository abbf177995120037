#pragma once

#include "browse/value_search.h"

#include <QFutureSynchronizer>
#include <QObject>
#include <QTimer>

#include <memory>
#include <vector>

namespace magellan {

class KvStore;

// Runs one search over a store's values at a time on QtConcurrent's pool. The searching thread
// only appends to a shared state; a timer on the GUI thread drains it at most 25 times a second
// (and once at the end), so a flood of matches costs the GUI one batched append per tick. A new
// search cancels the one before, and the state of a superseded search is dropped whole: its late
// matches never reach a signal. Lives on the GUI thread; signals arrive there.
class ValueSearchRunner : public QObject {
    Q_OBJECT
public:
    explicit ValueSearchRunner(std::shared_ptr<const KvStore> store, QObject *parent = nullptr);
    ~ValueSearchRunner() override; // cancels what runs and waits for it

    // Starts `search`, listing up to `listLimit` matched values (counting on past them).
    void start(std::shared_ptr<const ValueSearch> search, qint64 listLimit);
    // Asks the search to stop; finished() follows within a batch of values.
    void cancel();
    bool isRunning() const { return bool(m_current); }
    // Starts of searches so far: which one the signals are about.
    quint64 generation() const { return m_generation; }

Q_SIGNALS:
    void matchesFound(const std::vector<magellan::ValueMatch> &matches);
    void progressed(const magellan::SearchProgress &progress);
    // The search ended: read to the end, cancelled, or failed with `error`.
    void finished(const magellan::SearchProgress &progress, bool cancelled, const QString &error);

private:
    struct Shared;
    void drain();

    std::shared_ptr<const KvStore> m_store;
    std::shared_ptr<Shared> m_current; // of the search running; null when none
    quint64 m_generation = 0;
    QTimer m_tick;
    QFutureSynchronizer<void> m_running; // every search started, waited for on destruction
};

} // namespace magellan
