#include "kv_store.h"

#include <QTemporaryDir>
#include <QTest>

using namespace magellan;

class TestKvStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Large values skip the shared batch; what is read back must not depend on that.
    void writesOfAnySizeKeepTheirOrder() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store"));
        const std::string large(3 << 20, 'L');
        const std::string larger(5 << 20, 'M');
        {
            auto store = KvStore::open(path, KvStore::Mode::CreateNew);
            QVERIFY2(store.isOk(), qPrintable(store.status().message()));
            KvStore &kv = *store.value();
            QVERIFY(kv.put("a", "small").isOk());
            QVERIFY(kv.put("a", large).isOk()); // after the small one: wins
            QVERIFY(kv.put("b", larger).isOk());
            QVERIFY(kv.put("b", "small again").isOk()); // after the large one: wins
            QVERIFY(kv.put("c", large).isOk());
            QVERIFY(kv.remove("c").isOk()); // buffered after a large write: removes it
            QVERIFY(kv.remove("d").isOk());
            QVERIFY(kv.put("d", larger).isOk()); // a large write after a buffered removal
            QVERIFY(kv.flush().isOk());
        }
        auto store = KvStore::open(path, KvStore::Mode::ReadOnly);
        QVERIFY(store.isOk());
        QCOMPARE(*store.value()->get("a").value(), large);
        QCOMPARE(*store.value()->get("b").value(), std::string("small again"));
        QVERIFY(!store.value()->get("c").value());
        QCOMPARE(*store.value()->get("d").value(), larger);
        const auto cursor = store.value()->cursor();
        int keys = 0;
        for (cursor->seekToFirst(); cursor->isValid(); cursor->next())
            ++keys;
        QCOMPARE(keys, 3);
    }

    void aNewStoreNeedsAnEmptyPlace() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store"));
        QVERIFY(KvStore::open(path, KvStore::Mode::CreateNew).isOk());
        const auto again = KvStore::open(path, KvStore::Mode::CreateNew);
        QVERIFY(!again.isOk());
        QVERIFY2(again.status().message().contains(path), qPrintable(again.status().message()));
        const auto missing =
            KvStore::open(dir.filePath(QStringLiteral("none")), KvStore::Mode::ReadOnly);
        QVERIFY(!missing.isOk());
        QVERIFY(missing.status().message().contains(QStringLiteral("no such store")));
    }
};

QTEST_GUILESS_MAIN(TestKvStore)
#include "tst_kv_store.moc"
