#include "interrupt_watch.h"

#include <QCoreApplication>
#include <QTest>
#include <QThread>

#include <thread>

#include <pthread.h>
#include <unistd.h>

using namespace magellan;

class TestInterruptWatch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Threads started under the watch never take the signal: the thread that polls finds it,
    // and the process lives on.
    void theSignalWaitsForThePollingThread() {
        const InterruptWatch watch;
        QVERIFY(!watch.requested());
        std::thread worker([] { ::kill(::getpid(), SIGTERM); });
        worker.join();
        QVERIFY(watch.requested());
        QVERIFY(watch.requested()); // stays requested
    }

    // A thread that was running before the watch (here, one that unblocks the signal for
    // itself) takes the signal through the handler: it is still seen as requested.
    void aThreadStartedBeforeTheWatchDoesNotLoseIt() {
        const InterruptWatch watch;
        std::thread early([] {
            sigset_t signals;
            sigemptyset(&signals);
            sigaddset(&signals, SIGTERM);
            pthread_sigmask(SIG_UNBLOCK, &signals, nullptr);
            ::pthread_kill(::pthread_self(), SIGTERM); // delivered here, to the handler
        });
        early.join();
        QVERIFY(watch.requested());
    }

    void nothingSentNothingRequested() {
        const InterruptWatch watch;
        std::thread worker([] { QThread::msleep(10); });
        worker.join();
        QVERIFY(!watch.requested());
    }
};

int main(int argc, char **argv) {
    // As in the command line, no thread may run before the watch is made: QtTest starts a
    // watchdog thread first, so the signals are blocked before it starts.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    QCoreApplication app(argc, argv);
    TestInterruptWatch test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_interrupt_watch.moc"
