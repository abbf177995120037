#include "batch_pipe.h"

#include <QTest>

#include <atomic>
#include <thread>

using namespace magellan;

namespace {
struct Numbers {
    std::vector<int> values;
};
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
        Numbers *third = nullptr;
        std::thread producer([&] {
            std::unique_ptr<Numbers> batch = pipe.emptyBatch(); // waits for a recycled one
            third = batch.get();
            gotThird = true;
            pipe.push(std::move(batch));
        });
        QTest::qWait(50);
        QVERIFY(!gotThird);
        Numbers *recycled = first.get();
        pipe.recycle(std::move(first));
        producer.join();
        QVERIFY(gotThird);
        QCOMPARE(third, recycled); // reused, not allocated
        QCOMPARE(pipe.pop().get(), third); // queued
    }

    void closingWakesBothSidesAndDropsWhatIsQueued() {
        BatchPipe<Numbers> pipe(1);
        std::unique_ptr<Numbers> held = pipe.emptyBatch();
        std::atomic<bool> producerWoke = false, consumerWoke = false;
        bool producerGotBatch = true, consumerGotBatch = true;
        std::thread producer([&] {
            producerGotBatch = pipe.emptyBatch() != nullptr; // capacity reached: waits
            producerWoke = true;
        });
        std::thread consumer([&] {
            consumerGotBatch = pipe.pop() != nullptr;
            consumerWoke = true;
        });
        QTest::qWait(50);
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
