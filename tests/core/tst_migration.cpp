#include "migrate/migration.h"
#include "sample_sources.h"
#include "store/staged_destination.h"
#include "test_database.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace magellan;

namespace {

// Counts progress calls, to place a cancel at a known point.
class CountingObserver final : public ProgressObserver {
public:
    void tableProgress(MigrationPhase phase, SourceTable, qint64, qint64) override {
        (phase == MigrationPhase::Scanning ? scanning : verifying)++;
    }
    int scanning = 0;
    int verifying = 0;
};

// Cancels when another thread asks, as the app's Cancel does; notes how far ast_nodes was read.
class CancelledFromOutside final : public ProgressObserver {
public:
    void tableProgress(MigrationPhase phase, SourceTable table, qint64 done,
                       qint64 total) override {
        if (phase == MigrationPhase::Scanning && table == SourceTable::AstNodes) {
            astRows = total;
            astRowsRead = done;
        }
    }
    bool isCancelRequested() const override { return cancel; }

    std::atomic<bool> cancel = false;
    std::atomic<qint64> astRowsRead = 0;
    std::atomic<qint64> astRows = 0;
};

std::map<std::string, std::string> withoutRecord(std::map<std::string, std::string> entries) {
    entries.erase("meta:migration");
    return entries;
}

} // namespace

class TestMigration : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_source = m_dir.filePath(QStringLiteral("code.db"));
        QCOMPARE(test::createDatabase(m_source, test::sampleSourceSql(20000)), QString());
        m_sourceBytes = test::fileBytes(m_source);
    }
    void cleanup() { QCOMPARE(test::fileBytes(m_source), m_sourceBytes); } // never modified

    void migratesVerifiesAndRecords() {
        const QString dst = freshDestination(QStringLiteral("ok.kv"));
        const MigrationOutcome outcome = migrateDatabase(m_source, dst, {}, nullptr);
        QVERIFY2(outcome.status.isOk(), qPrintable(outcome.status.message()));
        QVERIFY(outcome.report.passed());
        QCOMPARE(outcome.report.tables.size(), size_t(3));
        for (const TableReport &table : outcome.report.tables) {
            QVERIFY(table.passed());
            QCOMPARE(table.store.records + table.store.rejected, table.sourceRows);
        }
        QCOMPARE(outcome.report.tables[1].store.keys, 51); // 50 files and the NULL group
        const auto entries = test::readStore(dst);
        QVERIFY(entries.count("ast:null"));
        QVERIFY(entries.count("chunk:C::\\repo\\f7.rs:70:79"));
        const auto record = nlohmann::ordered_json::parse(entries.at("meta:migration"));
        QCOMPARE(record["format_version"].get<int>(), 1);
        QCOMPARE(record["key_layout"].get<std::string>(), "seed");
        QCOMPARE(record["source"]["schema_version"].get<int>(), 21);
        QCOMPARE(record["source"]["size"].get<qint64>(), QFileInfo(m_source).size());
        QCOMPARE(record["tables"]["ast_nodes"]["source_rows"].get<qint64>(), 20000);
        QCOMPARE(record["tables"]["ast_nodes"]["source_checksum"].get<std::string>(),
                 record["tables"]["ast_nodes"]["kv_checksum"].get<std::string>());
        QCOMPARE(
            QDir(m_dir.path()).entryList({QStringLiteral(".*staging*")}, QDir::Dirs | QDir::Hidden),
            QStringList());
    }

    void secondRunIsByteIdentical() {
        const QString a = freshDestination(QStringLiteral("a.kv"));
        const QString b = freshDestination(QStringLiteral("b.kv"));
        QVERIFY(migrateDatabase(m_source, a, {}, nullptr).status.isOk());
        QVERIFY(migrateDatabase(m_source, b, {}, nullptr).status.isOk());
        const auto first = withoutRecord(test::readStore(a));
        QVERIFY(first.size() > 1000);
        QVERIFY(first == withoutRecord(test::readStore(b)));
    }

    void magellanLayout() {
        const QString dst = freshDestination(QStringLiteral("magellan.kv"));
        MigrationOptions options;
        options.layout = KeyLayout::Magellan;
        const MigrationOutcome outcome = migrateDatabase(m_source, dst, options, nullptr);
        QVERIFY(outcome.status.isOk());
        const auto entries = test::readStore(dst);
        QVERIFY(entries.count("ast:file:1"));
        QVERIFY(entries.count("ast:file:null"));
        QVERIFY(entries.count("cfg:func:0"));
        QVERIFY(!entries.count("ast:1"));
        QVERIFY(
            verifyStore(m_source, dst, {}, nullptr).status.isOk()); // layout read from the record
    }

    void cancelMidwayLeavesNothing() {
        const QString dst = freshDestination(QStringLiteral("cancelled.kv"));
        test::CancellingObserver observer(3); // mid-way through the second table
        const MigrationOutcome outcome = migrateDatabase(m_source, dst, {}, &observer);
        QCOMPARE(outcome.status.code(), Status::Code::Cancelled);
        QVERIFY(!QFileInfo::exists(dst));
        QCOMPARE(test::folderEntries(m_dir.path()).filter(QStringLiteral("cancelled")),
                 QStringList());
    }

    // README: Cancel "stops within about a tenth of a second". Asked once ast_nodes (a million
    // rows, seconds of reading) is under way; 2 s leaves a loaded machine room.
    void cancelStopsWithinMoments() {
        QTemporaryDir dir;
        const QString source = dir.filePath(QStringLiteral("large.db"));
        QCOMPARE(test::createDatabase(source, test::sampleSourceSql(1000000)), QString());
        const QString dst = dir.filePath(QStringLiteral("large.kv"));
        CancelledFromOutside observer;
        MigrationOutcome outcome;
        std::atomic<bool> returned = false;
        std::jthread migration([&] {
            outcome = migrateDatabase(source, dst, {}, &observer);
            returned = true;
        });
        // A failed check below must not wait for the whole run before the thread is joined.
        const auto cancelOnFailure = qScopeGuard([&] { observer.cancel = true; });
        QVERIFY(QTest::qWaitFor([&] { return observer.astRowsRead > 0 || returned; }, 120000));
        QVERIFY2(!returned, "the run ended before ast_nodes was under way");

        QElapsedTimer sinceCancel;
        sinceCancel.start();
        observer.cancel = true;
        migration.join();
        const qint64 stoppedMs = sinceCancel.elapsed();
        qInfo("stopped %lld ms after the cancel", stoppedMs);
        QCOMPARE(outcome.status.code(), Status::Code::Cancelled);
        QVERIFY2(stoppedMs < 2000,
                 qPrintable(QStringLiteral("stopped %1 ms after the cancel").arg(stoppedMs)));
        QVERIFY(observer.astRowsRead < observer.astRows); // not read to its end first
        QVERIFY(!QFileInfo::exists(dst));
        QCOMPARE(test::folderEntries(dir.path()), QStringList({QStringLiteral("large.db")}));
    }

    void cancelDuringVerificationLeavesNothing() {
        CountingObserver counter;
        QVERIFY(
            migrateDatabase(m_source, freshDestination(QStringLiteral("count.kv")), {}, &counter)
                .status.isOk());
        QVERIFY(counter.verifying > 0);
        const QString dst = freshDestination(QStringLiteral("cancelled-late.kv"));
        test::CancellingObserver observer(counter.scanning + 1);
        const MigrationOutcome outcome = migrateDatabase(m_source, dst, {}, &observer);
        QCOMPARE(outcome.status.code(), Status::Code::Cancelled);
        QVERIFY(!QFileInfo::exists(dst));
        QCOMPARE(test::folderEntries(m_dir.path()).filter(QStringLiteral("cancelled-late")),
                 QStringList());
    }

    void failureMidwayLeavesNothing() {
        QTemporaryDir dir;
        const QString source = dir.filePath(QStringLiteral("damaged.db"));
        QCOMPARE(test::createDatabase(source, test::sampleSourceSql(20000)), QString());
        QCOMPARE(test::breakOverflowChainOfLastRow(source), QString()); // cfg_blocks, read last
        const QString dst = dir.filePath(QStringLiteral("damaged.kv"));
        const MigrationOutcome outcome = migrateDatabase(source, dst, {}, nullptr);
        QCOMPARE(outcome.status.code(), Status::Code::Corrupt);
        QVERIFY2(outcome.status.message().startsWith(source + QStringLiteral(": is corrupt")),
                 qPrintable(outcome.status.message()));
        QCOMPARE(outcome.report.tables.size(), size_t(3));
        QCOMPARE(outcome.report.tables[1].scan.rowsRead, 20000); // it did get past ast_nodes
        QCOMPARE(test::folderEntries(dir.path()), QStringList({QStringLiteral("damaged.db")}));
    }

    void existingStoreIsKeptUnlessReplaced() {
        const QString dst = freshDestination(QStringLiteral("existing.kv"));
        MigrationOptions chunksOnly;
        chunksOnly.tables = {SourceTable::CodeChunks};
        QVERIFY(migrateDatabase(m_source, dst, chunksOnly, nullptr).status.isOk());
        const auto before = test::readStore(dst);
        const MigrationOutcome refused = migrateDatabase(m_source, dst, {}, nullptr);
        QCOMPARE(refused.status.code(), Status::Code::InvalidInput);
        QVERIFY(refused.status.message().contains(QStringLiteral("already exists (use --force")));
        QVERIFY(test::readStore(dst) == before);
        MigrationOptions replace;
        replace.replaceExisting = true;
        QVERIFY(migrateDatabase(m_source, dst, replace, nullptr).status.isOk());
        QVERIFY(test::readStore(dst).count("ast:1"));
        QCOMPARE(test::folderEntries(m_dir.path()).filter(QStringLiteral("existing")),
                 QStringList({QStringLiteral("existing.kv")}));
    }

    void destinationThatIsNotAStoreIsNeverReplaced() {
        const QString file = m_dir.filePath(QStringLiteral("notes.txt"));
        QFile(file).open(QIODevice::WriteOnly);
        MigrationOptions replace;
        replace.replaceExisting = true;
        QVERIFY(migrateDatabase(m_source, file, replace, nullptr)
                    .status.message()
                    .contains(QStringLiteral("is a file, not a store folder")));
        const QString folder = m_dir.filePath(QStringLiteral("photos"));
        QDir().mkpath(folder + QStringLiteral("/2024"));
        QVERIFY(migrateDatabase(m_source, folder, replace, nullptr)
                    .status.message()
                    .contains(QStringLiteral("is a folder that is not a store")));
        QVERIFY(QFileInfo::exists(folder + QStringLiteral("/2024")));
    }

    void stagingLeftByAKilledRunIsCleared() {
        const QString dst = freshDestination(QStringLiteral("after-kill.kv"));
        const QString stale =
            m_dir.filePath(QStringLiteral(".after-kill.kv.magellan-kv-staging-2147483000"));
        QVERIFY(QDir().mkpath(stale));
        QCOMPARE(staleStagingFolders(dst), QStringList({stale}));
        QVERIFY(migrateDatabase(m_source, dst, {}, nullptr).status.isOk());
        QVERIFY(!QFileInfo::exists(stale));
    }

    void optionalTablesOnRequest() {
        QTemporaryDir dir;
        const QString source = dir.filePath(QStringLiteral("optional.db"));
        QCOMPARE(test::createDatabase(
                     source,
                     test::sampleSourceSql(100) +
                         QStringLiteral("CREATE TABLE execution_log(id INTEGER PRIMARY KEY, "
                                        "execution_id TEXT NOT NULL UNIQUE, outcome TEXT);"
                                        "INSERT INTO execution_log VALUES (1, 'e-1', 'ok');"
                                        "CREATE TABLE file_metrics(file_path TEXT PRIMARY KEY, loc "
                                        "INTEGER, complexity_score REAL);"
                                        "INSERT INTO file_metrics VALUES ('src/a.rs', 10, 2.5);")),
                 QString());
        MigrationOptions options;
        options.tables = {SourceTable::CodeChunks, SourceTable::ExecutionLog,
                          SourceTable::FileMetrics};
        const QString dst = dir.filePath(QStringLiteral("optional.kv"));
        const MigrationOutcome outcome = migrateDatabase(source, dst, options, nullptr);
        QVERIFY2(outcome.status.isOk(), qPrintable(outcome.status.message()));
        const auto entries = test::readStore(dst);
        QCOMPARE(entries.at("execlog:e-1"), R"j({"id":1,"execution_id":"e-1","outcome":"ok"})j");
        QCOMPARE(entries.at("metrics:file:src/a.rs"),
                 R"j({"file_path":"src/a.rs","loc":10,"complexity_score":2.5})j");
        QVERIFY(!entries.count("ast:1"));
        options.tables = {SourceTable::SymbolMetrics};
        const MigrationOutcome missing =
            migrateDatabase(source, dir.filePath(QStringLiteral("x.kv")), options, nullptr);
        QVERIFY(missing.status.message().endsWith(QStringLiteral("has no table symbol_metrics")));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("x.kv"))));
    }

    void defaultStorePathSitsBesideTheDatabase() {
        QCOMPARE(defaultStorePath(QStringLiteral("/data/code.db")),
                 QStringLiteral("/data/code.kv"));
        QCOMPARE(defaultStorePath(QStringLiteral("/data/my.index.sqlite")),
                 QStringLiteral("/data/my.index.kv"));
        QCOMPARE(defaultStorePath(QStringLiteral("/data/index")), QStringLiteral("/data/index.kv"));
    }

private:
    QString freshDestination(const QString &name) { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    QString m_source;
    QByteArray m_sourceBytes;
};

QTEST_GUILESS_MAIN(TestMigration)
#include "tst_migration.moc"
