#include "publish_gate.h"

namespace magellan {

void PublishGate::hold() {
    QMutexLocker lock(&m_mutex);
    m_held = true;
}

void PublishGate::release() {
    QMutexLocker lock(&m_mutex);
    m_held = false;
    m_changed.wakeAll();
}

void PublishGate::wake() {
    QMutexLocker lock(&m_mutex); // a waiter between its check and its wait cannot miss this
    m_changed.wakeAll();
}

} // namespace magellan
