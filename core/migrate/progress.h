#pragma once

#include "format/source_tables.h"

#include <QElapsedTimer>

namespace magellan {

enum class MigrationPhase {
    Scanning,           // reading the source and writing the store
    Verifying,          // reading the finished store back
    FindingDifferences, // a table differs: reading both sides again to say where
};

// What a migration or verification tells its caller while it runs. The command line and the
// desktop worker both implement it; the default does nothing and never cancels. Called on the
// thread that runs the migration (the one that opened the source), never on a pipeline thread.
class ProgressObserver {
public:
    virtual ~ProgressObserver() = default;
    // Called when a table starts (done = 0), every few thousand rows, and when it ends
    // (done = total). `total` is the table's source row count.
    virtual void tableProgress(MigrationPhase phase, SourceTable table, qint64 done, qint64 total) {
        Q_UNUSED(phase);
        Q_UNUSED(table);
        Q_UNUSED(done);
        Q_UNUSED(total);
    }
    // Polled every few thousand rows; true stops the work with Status::Cancelled.
    virtual bool isCancelRequested() const { return false; }
    // Called once the store is complete, just before it replaces the destination; may block until
    // the caller allows it. False stops the work with Status::Cancelled and nothing is published.
    virtual bool mayPublish() { return true; }
};

// Lets through at most one update per interval, and always the first and the last. Used on one
// thread: the one that reports.
class ProgressThrottle {
public:
    explicit ProgressThrottle(int intervalMs = 40) : m_intervalMs(intervalMs) {}
    // True when an update with `done` of `total` should be shown now.
    bool shouldEmit(qint64 done, qint64 total) {
        const bool edge = done == 0 || done >= total;
        if (!edge && m_timer.isValid() && m_timer.elapsed() < m_intervalMs)
            return false;
        m_timer.start();
        return true;
    }

private:
    int m_intervalMs;
    QElapsedTimer m_timer;
};

} // namespace magellan
