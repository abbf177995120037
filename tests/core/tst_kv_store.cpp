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

    // Keys k000..k199 with 20 kB that do not compress each, and one value as large as all of
    // them after them: the middle by bytes is about k199, not the middle key.
    void theMiddleKeyDividesTheBytes() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store"));
        std::uint64_t noise = 88172645463325252ULL;
        const auto incompressible = [&](size_t bytes) {
            std::string text;
            while (text.size() < bytes) {
                noise ^= noise << 13, noise ^= noise >> 7, noise ^= noise << 17;
                text += std::to_string(noise);
            }
            return text;
        };
        {
            auto store = KvStore::open(path, KvStore::Mode::CreateNew);
            QVERIFY(store.isOk());
            QVERIFY(!store.value()->approximateMiddleKey()); // empty
            QVERIFY(store.value()->put("a", "small").isOk());
            QVERIFY(store.value()->put("b", "small").isOk());
            QVERIFY(store.value()->flush().isOk());
            QVERIFY(!store.value()->approximateMiddleKey()); // too small to split
            for (int i = 0; i < 200; ++i) {
                const std::string key = "k" +
                                        std::string(i < 10    ? "00"
                                                    : i < 100 ? "0"
                                                              : "") +
                                        std::to_string(i);
                QVERIFY(store.value()->put(key, incompressible(20000)).isOk());
            }
            QVERIFY(store.value()->put("z", incompressible(4000000)).isOk());
            QVERIFY(store.value()->flush().isOk());
        }
        auto store = KvStore::open(path, KvStore::Mode::ReadOnly);
        QVERIFY(store.isOk());
        const std::optional<std::string> middle = store.value()->approximateMiddleKey();
        QVERIFY(middle);
        QVERIFY2(*middle > "k180" && *middle <= "z", middle->c_str());
        // A cursor bounded by it stops before it; one from it starts there.
        const auto below = store.value()->cursor(*middle);
        int keys = 0;
        for (below->seekToFirst(); below->isValid(); below->next(), ++keys)
            QVERIFY(below->key() < *middle);
        const auto above = store.value()->cursor();
        for (above->seek(*middle); above->isValid(); above->next(), ++keys)
            QVERIFY(above->key() >= *middle);
        QCOMPARE(keys, 203);
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
