#include "store/kv_store.h"
#include "test_database.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace magellan;

class TestKvStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The one write outside the bulk load (the migration record): a key written again keeps its
    // last value, large or small, once flushed.
    void aRecordWrittenAgainKeepsItsLastValue() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store"));
        const std::string large(3 << 20, 'L');
        QCOMPARE(test::writeStore(path, {{"a", "bulk"}, {"b", "bulk"}}), QString());
        {
            auto store = KvStore::open(path, KvStore::Mode::ReadWrite);
            QVERIFY2(store.isOk(), qPrintable(store.status().message()));
            QVERIFY(store.value()->putRecord("c", "small").isOk());
            QVERIFY(store.value()->putRecord("c", large).isOk()); // after the small one: wins
            QVERIFY(store.value()->putRecord("d", large).isOk());
            QVERIFY(store.value()->putRecord("d", "small again").isOk());
            QVERIFY(store.value()->flush().isOk());
        }
        QCOMPARE(test::readStore(path),
                 (std::map<std::string, std::string>{
                     {"a", "bulk"}, {"b", "bulk"}, {"c", large}, {"d", "small again"}}));
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
            auto empty =
                KvStore::open(dir.filePath(QStringLiteral("empty")), KvStore::Mode::CreateNew);
            QVERIFY(empty.isOk());
            QVERIFY(!empty.value()->approximateMiddleKey());
        }
        QCOMPARE(test::writeStore(dir.filePath(QStringLiteral("small")),
                                  {{"a", "small"}, {"b", "small"}}),
                 QString());
        {
            auto small =
                KvStore::open(dir.filePath(QStringLiteral("small")), KvStore::Mode::ReadOnly);
            QVERIFY(small.isOk());
            QVERIFY(!small.value()->approximateMiddleKey()); // too small to split
        }
        std::vector<std::pair<std::string, std::string>> entries;
        for (int i = 0; i < 200; ++i) {
            const std::string key = "k" +
                                    std::string(i < 10    ? "00"
                                                : i < 100 ? "0"
                                                          : "") +
                                    std::to_string(i);
            entries.emplace_back(key, incompressible(20000));
        }
        entries.emplace_back("z", incompressible(4000000));
        QCOMPARE(test::writeStore(path, entries), QString());
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
        QCOMPARE(keys, 201);
    }

    // A cursor walks back as it walks forward: seekForPrev lands on the key or the one before it,
    // prev() steps to the key before and past the first one; an upper bound holds either way.
    void cursorsWalkBackward() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store"));
        QCOMPARE(test::writeStore(path, {{"b", "1"}, {"d", "2"}, {"f", "3"}, {"h", "4"}}),
                 QString());
        auto store = KvStore::open(path, KvStore::Mode::ReadOnly);
        QVERIFY(store.isOk());
        const auto cursor = store.value()->cursor();
        cursor->seekForPrev("d");
        QVERIFY(cursor->isValid());
        QCOMPARE(cursor->key(), "d");
        QCOMPARE(cursor->value(), "2");
        cursor->seekForPrev("e");
        QCOMPARE(cursor->key(), "d");
        cursor->seekForPrev("a");
        QVERIFY(!cursor->isValid());
        std::string walked;
        for (cursor->seekForPrev("z"); cursor->isValid(); cursor->prev())
            walked += cursor->key();
        QCOMPARE(walked, "hfdb");
        QVERIFY(cursor->status().isOk());
        cursor->seek("f"); // and forward again from where a seek puts it
        cursor->prev();
        QCOMPARE(cursor->key(), "d");
        cursor->next();
        QCOMPARE(cursor->key(), "f");
        const auto bounded = store.value()->cursor("f");
        bounded->seekForPrev("z");
        QVERIFY(bounded->isValid());
        QCOMPARE(bounded->key(), "d");
    }

    // Errors are told apart by RocksDB's codes and the lock itself, not by words: a store under
    // .../blocks/lock/ whose LOCK cannot be opened (it is a folder) is an I/O error, not "in use".
    void anErrorNamingALockIsNotABusyStore() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("blocks/lock/store"));
        QVERIFY(QDir().mkpath(path));
        QVERIFY(KvStore::open(path, KvStore::Mode::CreateNew).isOk());
        QVERIFY(QFile::remove(path + QStringLiteral("/LOCK")));
        QVERIFY(QDir().mkdir(path + QStringLiteral("/LOCK")));
        const auto store = KvStore::open(path, KvStore::Mode::ReadWrite);
        QVERIFY(!store.isOk());
        QCOMPARE(store.status().code(), Status::Code::IoError);
        QVERIFY2(store.status().message().startsWith(path + QStringLiteral(": ")),
                 qPrintable(store.status().message()));
    }

    // A lock really held, by another process or by this one, is Busy; the holder's pid is named.
    void aHeldLockIsABusyStore() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("blocks/lock/store"));
        QVERIFY(QDir().mkpath(path));
        QVERIFY(KvStore::open(path, KvStore::Mode::CreateNew).isOk());
        {
            auto first = KvStore::open(path, KvStore::Mode::ReadWrite);
            QVERIFY(first.isOk());
            QCOMPARE(storeLockHolder(path), qint64(::getpid())); // asked without releasing it
            const auto second = KvStore::open(path, KvStore::Mode::ReadWrite);
            QVERIFY(!second.isOk());
            QCOMPARE(second.status().code(), Status::Code::Busy);
            QVERIFY2(second.status().message().contains(QStringLiteral("already open in this "
                                                                       "process")),
                     qPrintable(second.status().message()));
        }
        int ready[2];
        QCOMPARE(::pipe(ready), 0);
        const QByteArray lockFile = QFile::encodeName(path + QStringLiteral("/LOCK"));
        const pid_t holder = ::fork();
        if (holder == 0) { // holds LOCK the way RocksDB does, until killed
            const int fd = ::open(lockFile.constData(), O_RDWR);
            struct flock lock {};
            lock.l_type = F_WRLCK;
            lock.l_whence = SEEK_SET;
            const char done = fd >= 0 && ::fcntl(fd, F_SETLK, &lock) == 0 ? 'y' : 'n';
            if (::write(ready[1], &done, 1) == 1)
                ::pause();
            ::_exit(0);
        }
        QVERIFY(holder > 0);
        char done = 0;
        const bool locked = ::read(ready[0], &done, 1) == 1 && done == 'y';
        const auto store = KvStore::open(path, KvStore::Mode::ReadWrite);
        ::kill(holder, SIGKILL);
        ::waitpid(holder, nullptr, 0);
        ::close(ready[0]);
        ::close(ready[1]);
        QVERIFY(locked);
        QVERIFY(!store.isOk());
        QCOMPARE(store.status().code(), Status::Code::Busy);
        QVERIFY2(store.status().message().contains(
                     QStringLiteral("in use by another process (pid %1)").arg(holder)),
                 qPrintable(store.status().message()));
        QVERIFY(KvStore::open(path, KvStore::Mode::ReadWrite).isOk()); // free again
    }

    // A damaged table file found while walking: the cursor's error names the store.
    void cursorErrorsNameTheStore() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store"));
        std::vector<std::pair<std::string, std::string>> entries;
        std::uint64_t noise = 88172645463325252ULL;
        for (int i = 0; i < 100; ++i) {
            std::string value;
            while (value.size() < 20000) {
                noise ^= noise << 13, noise ^= noise >> 7, noise ^= noise << 17;
                value += std::to_string(noise);
            }
            entries.emplace_back("k" + std::to_string(1000 + i), value);
        }
        QCOMPARE(test::writeStore(path, entries), QString());
        const QStringList tables = QDir(path).entryList({QStringLiteral("*.sst")});
        QVERIFY(!tables.isEmpty());
        for (const QString &name : tables) { // every table file damaged halfway through
            QFile table(QDir(path).filePath(name));
            QVERIFY(table.open(QIODevice::ReadWrite));
            QVERIFY(table.seek(table.size() / 2));
            QCOMPARE(table.write(QByteArray(64, '\x5a')), 64);
        }
        auto store = KvStore::open(path, KvStore::Mode::ReadOnly);
        QVERIFY(store.isOk());
        const auto cursor = store.value()->cursor();
        for (cursor->seekToFirst(); cursor->isValid(); cursor->next()) {
        }
        const Status status = cursor->status();
        QVERIFY(!status.isOk());
        QVERIFY2(status.message().startsWith(path + QStringLiteral(": ")),
                 qPrintable(status.message()));
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
