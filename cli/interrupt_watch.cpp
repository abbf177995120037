#include "interrupt_watch.h"

#include <pthread.h>

#include <ctime>

namespace magellan {
namespace {

// Set by the handler, which only runs in a thread that was started before the watch (and so
// does not block the signals); none is expected, but then the signal is not lost either.
std::atomic<bool> takenByAnotherThread{false};

extern "C" void onInterrupt(int signal) {
    takenByAnotherThread.store(true);
    std::signal(signal, SIG_DFL); // a second one ends the process
}

} // namespace

InterruptWatch::InterruptWatch() {
    takenByAnotherThread.store(false);
    sigemptyset(&m_signals);
    sigaddset(&m_signals, SIGINT);
    sigaddset(&m_signals, SIGTERM);
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    pthread_sigmask(SIG_BLOCK, &m_signals, &m_previousMask);
}

InterruptWatch::~InterruptWatch() {
    // A signal still pending is the user's: it acts now, with its default action.
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    pthread_sigmask(SIG_SETMASK, &m_previousMask, nullptr);
}

bool InterruptWatch::requested() const {
    if (m_requested.load())
        return true;
    const timespec now{0, 0};
    if (!takenByAnotherThread.load() && sigtimedwait(&m_signals, nullptr, &now) < 0)
        return false;
    m_requested.store(true);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    pthread_sigmask(SIG_UNBLOCK, &m_signals, nullptr);
    return true;
}

} // namespace magellan
