#include "migrate/migration.h"
#include "sample_sources.h"
#include "migrate/store_contents.h"
#include "test_database.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace magellan;

namespace {

// Remembers every update, and may ask to stop after the first few.
class RecordingObserver final : public ProgressObserver {
public:
    void tableProgress(MigrationPhase phase, SourceTable table, qint64 done, qint64) override {
        if (phase == MigrationPhase::Verifying)
            last[table] = done;
        ++updates;
    }
    bool isCancelRequested() const override { return cancelAfter > 0 && updates >= cancelAfter; }
    std::map<SourceTable, qint64> last;
    int updates = 0;
    int cancelAfter = 0;
};

const std::vector<SourceTable> allTables{SourceTable::CodeChunks, SourceTable::AstNodes,
                                         SourceTable::CfgBlocks};

} // namespace

class TestStoreContents : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_source = m_dir.filePath(QStringLiteral("code.db"));
        QCOMPARE(test::generateSource(m_source, 60000), QString());
        m_store = m_dir.filePath(QStringLiteral("code.kv"));
        const MigrationOutcome outcome = migrateDatabase(m_source, m_store, {}, nullptr);
        QVERIFY2(outcome.status.isOk(), qPrintable(outcome.status.message()));
        for (const TableReport &table : outcome.report.tables)
            m_sourceRows[table.table] = table.sourceRows;
        // Keys that belong to no table, spread through the key space.
        for (const char *stray : {"zz:last", "aa:first", "ast-not-a-group", "chunk", "b:1", "cfh:1",
                                  "m:2", "q:3", "r:4", "s:5", "t:6", "u:7"})
            QCOMPARE(test::tamperStore(m_store, stray, std::string("{}")), QString());
    }

    // Two threads tally what one thread tallies, and their progress ends at the same counts.
    void parallelReadMatchesTheSingleThreadedRead() {
        auto store = KvStore::open(m_store, KvStore::Mode::ReadOnly);
        QVERIFY(store.isOk());
        QVERIFY(store.value()->approximateMiddleKey()); // large enough to be read in two halves
        RecordingObserver oneProgress, twoProgress;
        const auto one =
            readStoreContents(*store.value(), KeyLayout::Seed, allTables, {}, &oneProgress, false);
        const auto two =
            readStoreContents(*store.value(), KeyLayout::Seed, allTables, {}, &twoProgress, true);
        QVERIFY(one.isOk() && two.isOk());
        for (const SourceTable table : allTables) {
            const StoreTableContents &a = one->tables.at(table);
            const StoreTableContents &b = two->tables.at(table);
            QCOMPARE(a.keys, b.keys);
            QCOMPARE(a.records, b.records);
            QCOMPARE(a.rejected, b.rejected);
            QCOMPARE(a.undecodable, b.undecodable);
            QCOMPARE(a.checksum, b.checksum);
            QCOMPARE(a.records + a.rejected, m_sourceRows.at(table));
            QCOMPARE(oneProgress.last.at(table), a.records + a.rejected);
            QCOMPARE(twoProgress.last.at(table), a.records + a.rejected);
        }
        QCOMPARE(one->strayKeys, 12);
        QCOMPARE(two->strayKeys, 12);
        QCOMPARE(one->strayExamples, two->strayExamples);
        QCOMPARE(one->strayExamples.size(), 10); // the first ten, in key order
        QCOMPARE(one->strayExamples.first(), QStringLiteral("aa:first"));
        QVERIFY(!one->strayExamples.contains(QStringLiteral("zz:last")));
        QVERIFY(one->migrationRecord && two->migrationRecord);
        QCOMPARE(*one->migrationRecord, *two->migrationRecord);
    }

    void cancellingStopsTheParallelRead() {
        auto store = KvStore::open(m_store, KvStore::Mode::ReadOnly);
        QVERIFY(store.isOk());
        RecordingObserver observer;
        observer.cancelAfter = 4;
        const auto result =
            readStoreContents(*store.value(), KeyLayout::Seed, allTables, {}, &observer, true);
        QVERIFY(!result.isOk());
        QCOMPARE(result.status().code(), Status::Code::Cancelled);
    }

    // A damaged table file is an I/O error that names the store, whichever half holds the damage:
    // a block a fifth of the way into the file's keys (the helper's half) or past its middle
    // (the calling thread's). Not the first block: without a first key there is no middle key.
    void damagedTableFileIsAnErrorInEitherHalf_data() {
        QTest::addColumn<double>("where");
        QTest::newRow("lower half") << 0.2;
        QTest::newRow("upper half") << 0.7;
    }
    void damagedTableFileIsAnErrorInEitherHalf() {
        QFETCH(double, where);
        const QString copy =
            m_dir.filePath(QStringLiteral("damaged-%1.kv").arg(QTest::currentDataTag()));
        QVERIFY(test::copyFolder(m_store, copy));
        QString largest;
        for (const QFileInfo &file : QDir(copy).entryInfoList({QStringLiteral("*.sst")}))
            if (largest.isEmpty() || file.size() > QFileInfo(largest).size())
                largest = file.filePath();
        QVERIFY(!largest.isEmpty());
        QFile table(largest);
        QVERIFY(table.open(QIODevice::ReadWrite));
        QVERIFY(table.seek(static_cast<qint64>(where * table.size())));
        QCOMPARE(table.write(QByteArray(64, '\x5a')), 64);
        table.close();

        auto store = KvStore::open(copy, KvStore::Mode::ReadOnly);
        QVERIFY2(store.isOk(), qPrintable(store.status().message()));
        QVERIFY(store.value()->approximateMiddleKey());
        const auto result =
            readStoreContents(*store.value(), KeyLayout::Seed, allTables, {}, nullptr, true);
        QVERIFY(!result.isOk());
        QCOMPARE(result.status().code(), Status::Code::IoError);
        QVERIFY2(result.status().message().startsWith(copy + QStringLiteral(": ")),
                 qPrintable(result.status().message()));
    }

private:
    QTemporaryDir m_dir;
    QString m_source;
    QString m_store;
    std::map<SourceTable, qint64> m_sourceRows;
};

QTEST_GUILESS_MAIN(TestStoreContents)
#include "tst_store_contents.moc"
