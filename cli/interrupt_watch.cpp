#include "interrupt_watch.h"

#include <pthread.h>

#include <ctime>

namespace magellan {

InterruptWatch::InterruptWatch() {
    sigemptyset(&m_signals);
    sigaddset(&m_signals, SIGINT);
    sigaddset(&m_signals, SIGTERM);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    pthread_sigmask(SIG_BLOCK, &m_signals, &m_previousMask);
}

InterruptWatch::~InterruptWatch() {
    // A signal still pending is the user's: it acts now, with its default action.
    pthread_sigmask(SIG_SETMASK, &m_previousMask, nullptr);
}

bool InterruptWatch::requested() const {
    if (m_requested.load())
        return true;
    const timespec now{0, 0};
    if (sigtimedwait(&m_signals, nullptr, &now) < 0)
        return false;
    m_requested.store(true);
    pthread_sigmask(SIG_UNBLOCK, &m_signals, nullptr);
    return true;
}

} // namespace magellan
