#include "store/bulk_load_sink.h"
#include "store/kv_store.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <map>
#include <numeric>
#include <random>

using namespace magellan;

namespace {

std::map<std::string, std::string> readAll(const KvStore &store) {
    std::map<std::string, std::string> entries;
    const auto cursor = store.cursor();
    std::string previous;
    for (cursor->seekToFirst(); cursor->isValid(); cursor->next()) {
        const std::string key(cursor->key());
        if (!entries.empty() && key <= previous)
            qFatal("keys out of order: %s after %s", key.c_str(), previous.c_str());
        previous = key;
        entries.emplace(key, std::string(cursor->value()));
    }
    return entries;
}

} // namespace

class TestBulkLoadSink : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        auto store =
            KvStore::open(m_dir->filePath(QStringLiteral("store")), KvStore::Mode::CreateNew);
        QVERIFY2(store.isOk(), qPrintable(store.status().message()));
        m_store = std::move(store.value());
        m_folder = m_dir->filePath(QStringLiteral("store/bulk-load"));
    }
    void cleanup() {
        m_store.reset();
        m_dir.reset();
    }

    // Keys arrive in any order over several budgets; the store holds each once, in key order.
    void entriesInAnyOrderComeBackSorted() {
        std::vector<int> numbers(500);
        std::iota(numbers.begin(), numbers.end(), 0);
        std::shuffle(numbers.begin(), numbers.end(), std::mt19937(7));
        std::map<std::string, std::string> expected;
        BulkLoadSink sink(*m_store, m_folder, 1000);
        for (const int n : numbers) {
            const std::string key = "ast:" + std::to_string(n);
            const std::string value = "[{\"id\":" + std::to_string(n * 3) + "}]";
            QVERIFY(sink.put(key, value).isOk());
            expected[key] = value;
        }
        QVERIFY(QDir(m_folder).exists());
        const Status finished = sink.finish();
        QVERIFY2(finished.isOk(), qPrintable(finished.message()));
        QVERIFY2(sink.filesWritten() > 5, qPrintable(QString::number(sink.filesWritten())));
        QVERIFY(!QDir(m_folder).exists()); // every file moved into the store
        QVERIFY(readAll(*m_store) == expected);
    }

    // The last value put under a key wins, in one file or across files.
    void aKeyPutTwiceKeepsItsLastValue() {
        BulkLoadSink sink(*m_store, m_folder, 64);
        QVERIFY(sink.put("b", "first").isOk());
        QVERIFY(sink.put("a", "one").isOk());
        QVERIFY(sink.put("b", "second").isOk());              // same budget as "first"
        QVERIFY(sink.put("c", std::string(100, 'c')).isOk()); // fills it: a new budget follows
        QVERIFY(sink.put("a", "two").isOk());                 // in a later file than "one"
        QVERIFY(sink.finish().isOk());
        const auto entries = readAll(*m_store);
        QCOMPARE(entries.size(), size_t(3));
        QCOMPARE(entries.at("a"), std::string("two"));
        QCOMPARE(entries.at("b"), std::string("second"));
    }

    // Each budget writes its own file, the last one on the calling thread while the writer
    // thread may still write the one before: files are still added in the order of their puts.
    void theLastPutWinsAcrossManyFiles() {
        BulkLoadSink sink(*m_store, m_folder, 64);
        for (int i = 0; i < 40; ++i) {
            QVERIFY(sink.put("x", "value " + std::to_string(i)).isOk());
            QVERIFY(sink.put("y" + std::to_string(i), std::string(64, 'y')).isOk()); // full
        }
        QVERIFY(sink.finish().isOk());
        QCOMPARE(sink.filesWritten(), size_t(80));
        const auto entries = readAll(*m_store);
        QCOMPARE(entries.size(), size_t(41));
        QCOMPARE(entries.at("x"), std::string("value 39"));
    }

    // A large last budget is written as two files at once, split between two keys: every
    // key's puts stay in one of them, so its last put still wins.
    void aLargeLastBudgetIsWrittenInTwoHalves() {
        BulkLoadSink sink(*m_store, m_folder, 1 << 20);
        std::map<std::string, std::string> expected;
        for (int i = 0; i < 1000; ++i) {
            char key[16];
            std::snprintf(key, sizeof key, "k%04d", i);
            QVERIFY(sink.put(key, std::string(400, 'a' + i % 26)).isOk());
            expected[key] = std::string(400, 'a' + i % 26);
        }
        for (int i = 490; i < 510; ++i) { // again, around the middle: in key order, the last put
            char key[16];
            std::snprintf(key, sizeof key, "k%04d", i);
            QVERIFY(sink.put(key, "again " + std::to_string(i)).isOk());
            expected[key] = "again " + std::to_string(i);
        }
        QVERIFY(sink.finish().isOk());
        QCOMPARE(sink.filesWritten(), size_t(2));
        QVERIFY(readAll(*m_store) == expected);
    }

    void anEntryLargerThanTheBudgetIsCarried() {
        const std::string large(200000, 'L');
        BulkLoadSink sink(*m_store, m_folder, 1024);
        QVERIFY(sink.put("m", "small").isOk());
        QVERIFY(sink.put("k", large).isOk());
        QVERIFY(sink.put("a", "after").isOk());
        QVERIFY(sink.finish().isOk());
        QCOMPARE(sink.filesWritten(), size_t(3));
        const auto entries = readAll(*m_store);
        QCOMPARE(entries.size(), size_t(3));
        QCOMPARE(entries.at("k"), large);
    }

    void nothingPutAddsNothing() {
        BulkLoadSink sink(*m_store, m_folder);
        QVERIFY(sink.finish().isOk());
        QCOMPARE(sink.filesWritten(), size_t(0));
        QVERIFY(readAll(*m_store).empty());
        QVERIFY(!QDir(m_folder).exists());
    }

    // A load that ends without finish() (an error upstream, a cancel) adds nothing to the store
    // and leaves no table file behind.
    void anUnfinishedLoadAddsNothing() {
        {
            BulkLoadSink sink(*m_store, m_folder, 100);
            for (int i = 0; i < 50; ++i)
                QVERIFY(sink.put("k" + std::to_string(i), std::string(40, 'v')).isOk());
        }
        QVERIFY(!QDir(m_folder).exists());
        QVERIFY(readAll(*m_store).empty());
    }

    // A table file that cannot be written stops the load with a message naming the store.
    void aFileThatCannotBeWrittenStopsTheLoad() {
        BulkLoadSink sink(*m_store, m_folder, 100);
        QVERIFY(QDir(m_folder).removeRecursively());
        Status status;
        for (int i = 0; i < 100 && status.isOk(); ++i)
            status = sink.put("k" + std::to_string(i), std::string(40, 'v'));
        if (status.isOk())
            status = sink.finish();
        QCOMPARE(status.code(), Status::Code::IoError);
        QVERIFY2(status.message().startsWith(m_store->path() + QStringLiteral(": ")),
                 qPrintable(status.message()));
        QVERIFY2(status.message().contains(QStringLiteral("bulk-000001.sst")),
                 qPrintable(status.message()));
        QVERIFY(readAll(*m_store).empty());
    }

    void aFolderThatCannotBeMadeIsNamed() {
        QFile blocker(m_folder);
        QVERIFY(blocker.open(QIODevice::WriteOnly)); // a file where the folder should go
        blocker.close();
        BulkLoadSink sink(*m_store, m_folder);
        const Status status = sink.put("a", "b");
        QCOMPARE(status.code(), Status::Code::IoError);
        QVERIFY2(status.message().contains(m_folder), qPrintable(status.message()));
        QCOMPARE(sink.finish().code(), Status::Code::IoError);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<KvStore> m_store;
    QString m_folder;
};

QTEST_GUILESS_MAIN(TestBulkLoadSink)
#include "tst_bulk_load_sink.moc"
