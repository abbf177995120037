#include "batch_pipe.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>

#include <unistd.h>

using namespace magellan;

namespace {
struct Numbers {
    std::vector<int> values;
};

// The scheduler's state letter of thread `tid` of this process (R, S, ...), or 0 when unknown.
char threadState(pid_t tid) {
    QFile stat(QStringLiteral("/proc/self/task/%1/stat").arg(tid));
    if (tid == 0 || !stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')'); // the name in parentheses may hold spaces
    return close >= 0 && close + 2 < line.size() ? line[close + 2] : 0;
}

// Waits until the thread whose id lands in `tid` sleeps in the kernel: it has reached its wait.
bool waitUntilAsleep(const std::atomic<pid_t> &tid) {
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000) {
        if (threadState(tid) == 'S')
            return true;
        QThread::usleep(100);
    }
    return false;
}
} // namespace

class TestBatchPipe : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void batchesArriveInOrderAndFinishDrainsTheQueue() {
        BatchPipe<Numbers> pipe(3);
        std::vector<int> received;
        std::thread consumer([&] {
            while (std::unique_ptr<Numbers> batch = pipe.pop()) {
                received.insert(received.end(), batch->values.begin(), batch->values.end());
                pipe.recycle(std::move(batch));
            }
        });
        for (int i = 0; i < 100; ++i) {
            std::unique_ptr<Numbers> batch = pipe.emptyBatch();
            QVERIFY(batch);
            batch->values.assign({2 * i, 2 * i + 1});
            QVERIFY(pipe.push(std::move(batch)));
        }
        pipe.finish();
        consumer.join();
        QCOMPARE(received.size(), size_t(200));
        for (int i = 0; i < 200; ++i)
            QCOMPARE(received[i], i);
    }

    void noMoreThanCapacityBatchesAreAlive() {
        BatchPipe<Numbers> pipe(2);
        std::unique_ptr<Numbers> first = pipe.emptyBatch();
        std::unique_ptr<Numbers> second = pipe.emptyBatch();
        QVERIFY(first && second);
        std::atomic<bool> gotThird = false;
        std::atomic<pid_t> producerId = 0;
        Numbers *third = nullptr;
        std::thread producer([&] {
            producerId = gettid();
            std::unique_ptr<Numbers> batch = pipe.emptyBatch(); // waits for a recycled one
            third = batch.get();
            gotThird = true;
            pipe.push(std::move(batch));
        });
        QVERIFY(waitUntilAsleep(producerId));
        QVERIFY(!gotThird);
        Numbers *recycled = first.get();
        pipe.recycle(std::move(first));
        producer.join();
        QVERIFY(gotThird);
        QCOMPARE(third, recycled);         // reused, not allocated
        QCOMPARE(pipe.pop().get(), third); // queued
    }

    void closingWakesBothSidesAndDropsWhatIsQueued() {
        BatchPipe<Numbers> pipe(1);
        std::unique_ptr<Numbers> held = pipe.emptyBatch();
        std::atomic<bool> producerWoke = false, consumerWoke = false;
        bool producerGotBatch = true, consumerGotBatch = true;
        std::atomic<pid_t> producerId = 0, consumerId = 0;
        std::thread producer([&] {
            producerId = gettid();
            producerGotBatch = pipe.emptyBatch() != nullptr; // capacity reached: waits
            producerWoke = true;
        });
        std::thread consumer([&] {
            consumerId = gettid();
            consumerGotBatch = pipe.pop() != nullptr;
            consumerWoke = true;
        });
        QVERIFY(waitUntilAsleep(producerId) && waitUntilAsleep(consumerId));
        QVERIFY(!producerWoke && !consumerWoke);
        pipe.close();
        producer.join();
        consumer.join();
        QVERIFY(producerWoke && consumerWoke);
        QVERIFY(!producerGotBatch && !consumerGotBatch);
        QVERIFY(!pipe.push(std::move(held)));
        QVERIFY(!pipe.pop()); // closed: no wait
        QVERIFY(pipe.isClosed());
    }

    void aConsumerThreadLeftBehindIsStoppedAndJoined() {
        BatchPipe<Numbers> pipe(2);
        std::atomic<int> consumed = 0;
        std::atomic<bool> exited = false;
        {
            PipeConsumerThread<Numbers> consumer(pipe, [&] {
                while (std::unique_ptr<Numbers> batch = pipe.pop()) {
                    ++consumed;
                    pipe.recycle(std::move(batch));
                }
                exited = true;
            });
            pipe.push(pipe.emptyBatch());
            // Leaves the scope without finish(), as an error path would.
        }
        QVERIFY(exited); // joined: it ran to its end before the scope closed
        QVERIFY(pipe.isClosed());
        QVERIFY(consumed <= 1);
    }

    void stoppingWithDrainWorksThroughTheQueueFirst() {
        BatchPipe<Numbers> pipe(4);
        std::atomic<int> consumed = 0;
        PipeConsumerThread<Numbers> consumer(pipe, [&] {
            while (std::unique_ptr<Numbers> batch = pipe.pop()) {
                ++consumed;
                pipe.recycle(std::move(batch));
            }
        });
        for (int i = 0; i < 20; ++i)
            QVERIFY(pipe.push(pipe.emptyBatch()));
        consumer.stop(true);
        QCOMPARE(int(consumed), 20);
    }
};

QTEST_GUILESS_MAIN(TestBatchPipe)
#include "tst_batch_pipe.moc"
