#pragma once

#include <atomic>
#include <csignal>

namespace magellan {

// Ctrl-C and SIGTERM while a command migrates or verifies. While a watch lives, both signals are
// blocked in the thread that made it and in every thread started after it (the migration's
// workers, RocksDB's pool), so no thread is interrupted and none takes the signal in another's
// place: the thread that polls requested() finds it, at the moment it asks. (A thread started
// before the watch would still take it, through a handler that records it.) After the first one,
// both are unblocked in that thread with their default action: a second one ends the process.
class InterruptWatch {
public:
    InterruptWatch();
    ~InterruptWatch();
    InterruptWatch(const InterruptWatch &) = delete;
    InterruptWatch &operator=(const InterruptWatch &) = delete;

    // True once SIGINT or SIGTERM was sent to the process. Call it on the thread that made the
    // watch.
    bool requested() const;

private:
    sigset_t m_signals;
    sigset_t m_previousMask;
    mutable std::atomic<bool> m_requested{false};
};

} // namespace magellan
