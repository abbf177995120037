#pragma once

#include <QMutex>
#include <QWaitCondition>

#include <atomic>

namespace magellan {

// Holds a finished migration back from publishing while the user is asked whether to cancel it.
// The GUI thread holds and releases it; the worker thread waits at it just before publishing.
class PublishGate {
public:
    // `cancelFlag` outlives the gate; setting it (then calling wake()) ends any wait.
    explicit PublishGate(const std::atomic<bool> &cancelFlag) : m_cancelFlag(cancelFlag) {}

    // Makes the next wait block until release() or a cancel.
    void hold();
    void release();
    // Wakes a waiter to look at the cancel flag again; call after setting it.
    void wake();
    // Blocks while held and not cancelled; calls `waiting` once, first, when it is going to
    // block. True when publishing may go on, false when the migration was cancelled.
    template <typename Waiting> bool waitUntilOpen(Waiting &&waiting) {
        QMutexLocker lock(&m_mutex);
        if (m_held && !m_cancelFlag.load())
            waiting();
        while (m_held && !m_cancelFlag.load())
            m_changed.wait(&m_mutex);
        return !m_cancelFlag.load();
    }

private:
    const std::atomic<bool> &m_cancelFlag;
    QMutex m_mutex;
    QWaitCondition m_changed;
    bool m_held = false; // guarded by m_mutex
};

} // namespace magellan
