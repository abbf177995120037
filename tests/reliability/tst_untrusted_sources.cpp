// Sources whose own reader could be fooled: damaged b-trees, indexes that disagree with their
// tables, side tables that are not tables, sidecar files, hot journals. None may give a store
// that lost rows and passed (kv-format.md, "Names and shapes (rev. 2)").
#include "store/kv_store.h"
#include "migrate/migration.h"
#include "browse/source_comparison.h"
#include "source/source_database.h"
#include "store/staged_destination.h"
#include "store_oracle.h"
#include "migrate/table_scanner.h"
#include "test_database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <functional>

using namespace magellan;

namespace {

// 400 AST nodes of four files and 200 chunks on 1 KB pages: several leaf pages per table.
const char *const pagedSql = R"sql(
PRAGMA page_size = 1024;
CREATE TABLE code_chunks(id INTEGER PRIMARY KEY, file_path TEXT, byte_start INTEGER,
  byte_end INTEGER, content TEXT, content_hash TEXT, symbol_name TEXT, symbol_kind TEXT,
  created_at INTEGER);
CREATE TABLE ast_nodes(id INTEGER PRIMARY KEY, parent_id INTEGER, kind TEXT, byte_start INTEGER,
  byte_end INTEGER, file_id INTEGER);
CREATE TABLE cfg_blocks(id INTEGER PRIMARY KEY, function_id INTEGER, kind TEXT, terminator TEXT,
  byte_start INTEGER, byte_end INTEGER, start_line INTEGER, start_col INTEGER, end_line INTEGER,
  end_col INTEGER);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)
INSERT INTO ast_nodes SELECT i, NULL, 'node number ' || i, i, i + 1, i / 100 FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
INSERT INTO code_chunks SELECT i, 'src/f' || (i % 7) || '.rs', i, i + 1,
  'fn f' || i || '() { body of some length }', 'h', 'f', 'function', 1 FROM n;
INSERT INTO cfg_blocks VALUES (1, 1, 'entry', 'return', 0, 1, 1, 0, 1, 1);
)sql";

// Applies `edit` to the root page of `table` (1 KB pages, an interior page of a table b-tree with
// at least three children) and writes it back. Returns "" or what went wrong.
QString editRootPage(const QString &path, const char *table,
                     const std::function<void(QByteArray &page, int cells)> &edit) {
    const int root = test::rootPage(path, table);
    QFile file(path);
    if (root < 2 || !file.open(QIODevice::ReadWrite))
        return QStringLiteral("no root page");
    constexpr int pageSize = 1024;
    file.seek(qint64(root - 1) * pageSize);
    QByteArray page = file.read(pageSize);
    const int cells = (uchar(page[3]) << 8) | uchar(page[4]);
    if (page[0] != char(0x05) || cells < 3)
        return QStringLiteral("the root page is not an interior page of three cells or more");
    edit(page, cells);
    file.seek(qint64(root - 1) * pageSize);
    file.write(page);
    return {};
}

// Points the second child of `table`'s root page at the first child's page: a scan reads that
// leaf twice and never reaches the one it replaced.
QString readOnePageTwice(const QString &path, const char *table) {
    return editRootPage(path, table, [](QByteArray &page, int) {
        const auto u16 = [&](int at) { return (uchar(page[at]) << 8) | uchar(page[at + 1]); };
        page.replace(u16(14), 4, page.mid(u16(12), 4)); // second cell's child = the first's
    });
}

// Drops the second child of `table`'s root page: a scan of the table never reaches that page,
// and no rowid comes out of order.
QString missOnePage(const QString &path, const char *table) {
    return editRootPage(path, table, [](QByteArray &page, int cells) {
        page.remove(14, 2); // the second cell's pointer
        page.insert(12 + 2 * (cells - 1), QByteArray(2, '\0'));
        page[3] = char((cells - 1) >> 8);
        page[4] = char((cells - 1) & 0xFF);
    });
}

// Migrations that record every progress call.
class RecordingObserver final : public ProgressObserver {
public:
    void tableProgress(MigrationPhase phase, SourceTable table, qint64 done, qint64) override {
        if (phase == MigrationPhase::Scanning)
            calls[table].push_back(done);
    }
    std::map<SourceTable, std::vector<qint64>> calls;
};

} // namespace

class TestUntrustedSources : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // A page read twice while another is missed: refused with the table named, nothing
    // published, for the table read in storage order and the one read in key order alike.
    void damagedTableIsRefused_data() {
        QTest::addColumn<QString>("table");
        QTest::newRow("ast_nodes") << QStringLiteral("ast_nodes");
        QTest::newRow("code_chunks") << QStringLiteral("code_chunks");
    }
    void damagedTableIsRefused() {
        QFETCH(QString, table);
        const QString source = m_dir.filePath(table + QStringLiteral("-damaged.db"));
        QCOMPARE(test::createDatabase(source, QString::fromUtf8(pagedSql)), QString());
        const QString earlier = m_dir.filePath(table + QStringLiteral("-before-damage.kv"));
        QVERIFY(migrateDatabase(source, earlier, {}, nullptr).status.isOk());
        QCOMPARE(readOnePageTwice(source, table.toUtf8().constData()), QString());
        const QByteArray before = test::fileBytes(source);
        const QString store = m_dir.filePath(table + QStringLiteral("-damaged.kv"));

        const MigrationOutcome outcome = migrateDatabase(source, store, {}, nullptr);
        QCOMPARE(outcome.status.code(), Status::Code::Corrupt);
        QVERIFY2(
            outcome.status.message().contains(QStringLiteral("table %1 is damaged").arg(table)),
            qPrintable(outcome.status.message()));
        QVERIFY(!QFileInfo::exists(store));
        QCOMPARE(test::folderEntries(m_dir.path()).filter(QStringLiteral("staging")),
                 QStringList());
        // Verifying a store against the damaged source is refused the same way.
        const MigrationOutcome verified = verifyStore(source, earlier, {}, nullptr);
        QCOMPARE(verified.status.code(), Status::Code::Corrupt);
        QVERIFY(
            verified.status.message().contains(QStringLiteral("table %1 is damaged").arg(table)));
        QVERIFY(test::fileBytes(source) == before);

        // SQLite's own quick_check, on request, names the damage in its words.
        MigrationOptions checked;
        checked.quickCheck = true;
        const MigrationOutcome quick = migrateDatabase(source, store, checked, nullptr);
        QCOMPARE(quick.status.code(), Status::Code::Corrupt);
        QVERIFY2(quick.status.message().contains(QStringLiteral("quick_check")),
                 qPrintable(quick.status.message()));
        QVERIFY(!QFileInfo::exists(store));
    }

    // A page of the table missed, and no rowid out of order: the table's count disagrees with
    // its index's, and the whole file has a page no b-tree uses. Refused, by default.
    void missedPageIsRefused_data() {
        QTest::addColumn<QString>("table");
        QTest::newRow("ast_nodes") << QStringLiteral("ast_nodes");
        QTest::newRow("code_chunks") << QStringLiteral("code_chunks");
    }
    void missedPageIsRefused() {
        QFETCH(QString, table);
        const QString source = m_dir.filePath(table + QStringLiteral("-missed.db"));
        QCOMPARE(test::createDatabase(source, QString::fromUtf8(pagedSql) +
                                                  QStringLiteral("CREATE INDEX ast_by_file ON "
                                                                 "ast_nodes(file_id);"
                                                                 "CREATE INDEX chunk_by_path ON "
                                                                 "code_chunks(file_path);")),
                 QString());
        QCOMPARE(missOnePage(source, table.toUtf8().constData()), QString());
        const QString store = m_dir.filePath(table + QStringLiteral("-missed.kv"));
        const MigrationOutcome outcome = migrateDatabase(source, store, {}, nullptr);
        QCOMPARE(outcome.status.code(), Status::Code::Corrupt);
        QVERIFY2(
            outcome.status.message().contains(QStringLiteral("table %1 is damaged").arg(table)),
            qPrintable(outcome.status.message()));
        QVERIFY2(outcome.status.message().contains(QStringLiteral("never used")),
                 qPrintable(outcome.status.message()));
        QVERIFY(!QFileInfo::exists(store));
    }

    // The scan itself notices rowids out of storage order, without the structure check.
    void scanNoticesRowidsOutOfOrder() {
        const QString source = m_dir.filePath(QStringLiteral("scan-damaged.db"));
        QCOMPARE(test::createDatabase(source, QString::fromUtf8(pagedSql)), QString());
        QCOMPARE(readOnePageTwice(source, "ast_nodes"), QString());
        auto database = SourceDatabase::open(source, 1000);
        QVERIFY(database.isOk());
        auto info = database.value()->inspect(false);
        QVERIFY(info.isOk());
        TableScanner scanner(*database.value(), info->table(SourceTable::AstNodes),
                             KeyLayout::Seed);
        test::CapturingSink sink;
        const auto scanned = scanner.run(sink, nullptr);
        QVERIFY(!scanned.isOk());
        QCOMPARE(scanned.status().code(), Status::Code::Corrupt);
        QVERIFY2(scanned.status().message().contains(QStringLiteral("comes after row")),
                 qPrintable(scanned.status().message()));
    }

    // An index whose entries belong to another column: what is carried comes from the tables.
    void indexThatDisagreesChangesNothing() {
        const QString source = m_dir.filePath(QStringLiteral("stale-index.db"));
        QCOMPARE(test::createDatabase(source, QString::fromUtf8(pagedSql) + QStringLiteral(R"sql(
UPDATE ast_nodes SET file_id = NULL WHERE id % 50 = 0;
CREATE INDEX ast_by_file ON ast_nodes(byte_start, id);
CREATE INDEX chunks_by_span ON code_chunks(symbol_kind, byte_start, byte_end);
PRAGMA writable_schema = ON;
UPDATE sqlite_master SET sql = 'CREATE INDEX ast_by_file ON ast_nodes(file_id, id)'
  WHERE name = 'ast_by_file';
UPDATE sqlite_master SET sql = 'CREATE INDEX chunks_by_span ON code_chunks(file_path, byte_start, byte_end)'
  WHERE name = 'chunks_by_span';
)sql")),
                 QString());
        const QString store = m_dir.filePath(QStringLiteral("stale-index.kv"));
        const MigrationOutcome outcome = migrateDatabase(source, store, {}, nullptr);
        QVERIFY2(outcome.status.isOk(), qPrintable(outcome.status.message()));
        const auto entries = test::readStore(store);
        const test::OracleResult oracle = test::checkStoreAgainstSource(source, entries);
        QVERIFY2(oracle.problems.isEmpty(), qPrintable(oracle.problems.join(QLatin1Char('\n'))));
        QVERIFY(entries.count("ast:0") && entries.count("ast:null"));
        QCOMPARE(oracle.tables.at(SourceTable::AstNodes).carried, qint64(400));
        QCOMPARE(oracle.tables.at(SourceTable::CodeChunks).carried, qint64(200));
    }

    // An index left with entries of rows deleted since (its table changed while it was detached
    // from the schema): the counts differ, the file is whole, and the table's rows are carried.
    void staleIndexWithOtherCountChangesNothing() {
        const QString source = m_dir.filePath(QStringLiteral("stale-count.db"));
        QCOMPARE(test::createDatabase(source, QString::fromUtf8(pagedSql) + QStringLiteral(R"sql(
CREATE INDEX ast_by_file ON ast_nodes(file_id, id);
CREATE TABLE saved AS SELECT * FROM sqlite_master WHERE name = 'ast_by_file';
PRAGMA writable_schema = ON;
DELETE FROM sqlite_master WHERE name = 'ast_by_file';
)sql")),
                 QString());
        QCOMPARE(test::createDatabase(source, QStringLiteral(R"sql(
DELETE FROM ast_nodes WHERE id > 350;
PRAGMA writable_schema = ON;
INSERT INTO sqlite_master SELECT * FROM saved;
)sql")),
                 QString());
        const QString store = m_dir.filePath(QStringLiteral("stale-count.kv"));
        const MigrationOutcome outcome = migrateDatabase(source, store, {}, nullptr);
        QVERIFY2(outcome.status.isOk(), qPrintable(outcome.status.message()));
        const auto entries = test::readStore(store);
        const test::OracleResult oracle = test::checkStoreAgainstSource(source, entries);
        QVERIFY2(oracle.problems.isEmpty(), qPrintable(oracle.problems.join(QLatin1Char('\n'))));
        QCOMPARE(oracle.tables.at(SourceTable::AstNodes).carried, qint64(350));
    }

    // A side table that is a view or has no rowid is refused, named, with nothing written.
    void sideTableThatIsNotATableIsRefused_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("expected");
        QTest::newRow("view")
            << QStringLiteral(
                   "CREATE TABLE nodes(id INTEGER PRIMARY KEY, parent_id INTEGER, kind TEXT, "
                   "byte_start INTEGER, byte_end INTEGER, file_id INTEGER);"
                   "CREATE VIEW AST_NODES AS SELECT * FROM nodes;")
            << QStringLiteral("AST_NODES is a view");
        QTest::newRow("without rowid")
            << QStringLiteral(
                   "CREATE TABLE ast_nodes(id INTEGER PRIMARY KEY, parent_id INTEGER, kind TEXT, "
                   "byte_start INTEGER, byte_end INTEGER, file_id INTEGER) WITHOUT ROWID;")
            << QStringLiteral("ast_nodes is a WITHOUT ROWID table");
        QTest::newRow("rowid hidden")
            << QStringLiteral("CREATE TABLE ast_nodes(id INTEGER, parent_id INTEGER, kind TEXT, "
                              "byte_start INTEGER, "
                              "byte_end INTEGER, file_id INTEGER, rowid INTEGER, _rowid_ INTEGER, "
                              "OID INTEGER);")
            << QStringLiteral("hide its row id");
    }
    void sideTableThatIsNotATableIsRefused() {
        QFETCH(QString, sql);
        QFETCH(QString, expected);
        const QString source = m_dir.filePath(QStringLiteral("not-a-table-%1.db").arg(qHash(sql)));
        QCOMPARE(test::createDatabase(
                     source, QStringLiteral("CREATE TABLE code_chunks(id INTEGER PRIMARY KEY, "
                                            "file_path TEXT, byte_start INTEGER, byte_end "
                                            "INTEGER);") +
                                 sql),
                 QString());
        const QString store = m_dir.filePath(QStringLiteral("not-a-table.kv"));
        const MigrationOutcome outcome = migrateDatabase(source, store, {}, nullptr);
        QCOMPARE(outcome.status.code(), Status::Code::InvalidInput);
        QVERIFY2(outcome.status.message().contains(expected), qPrintable(outcome.status.message()));
        QVERIFY(!QFileInfo::exists(store));
    }

    // A cleanly closed WAL database has no -wal or -shm file; reading it leaves none behind.
    void walSourceLeavesNoSidecars() {
        const QString folder = m_dir.filePath(QStringLiteral("wal"));
        QVERIFY(QDir().mkpath(folder));
        const QString source = folder + QStringLiteral("/code.db");
        QCOMPARE(test::createDatabase(source, QStringLiteral("PRAGMA journal_mode=WAL;") +
                                                  QString::fromUtf8(pagedSql)),
                 QString());
        QCOMPARE(test::folderEntries(folder), QStringList{QStringLiteral("code.db")});
        const QString store = m_dir.filePath(QStringLiteral("wal.kv"));
        const MigrationOutcome outcome = migrateDatabase(source, store, {}, nullptr);
        QVERIFY2(outcome.status.isOk(), qPrintable(outcome.status.message()));
        QVERIFY(verifyStore(source, store, {}, nullptr).status.isOk());
        QCOMPARE(test::folderEntries(folder), QStringList{QStringLiteral("code.db")});
    }

    // Through a link, SQLite puts its files beside the file the link leads to: nothing is left
    // there either; and a -shm this run made beside a -wal that was there goes again.
    void linkedAndHalfWalSourcesLeaveNoSidecars() {
        const QString folder = m_dir.filePath(QStringLiteral("linked"));
        QVERIFY(QDir().mkpath(folder + QStringLiteral("/real")));
        const QString real = folder + QStringLiteral("/real/code.db");
        QCOMPARE(test::createDatabase(real, QStringLiteral("PRAGMA journal_mode=WAL;") +
                                                QString::fromUtf8(pagedSql)),
                 QString());
        const QString link = folder + QStringLiteral("/code.db");
        QVERIFY(QFile::link(real, link));
        const MigrationOutcome outcome =
            migrateDatabase(link, m_dir.filePath(QStringLiteral("linked.kv")), {}, nullptr);
        QVERIFY2(outcome.status.isOk(), qPrintable(outcome.status.message()));
        QCOMPARE(test::folderEntries(folder + QStringLiteral("/real")),
                 QStringList{QStringLiteral("code.db")});

        // A -wal with a committed row, and no -shm (a copied pair).
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(real.toUtf8().constData(), &db), SQLITE_OK);
        sqlite3_exec(db,
                     "PRAGMA wal_autocheckpoint=0; INSERT INTO cfg_blocks VALUES (2, 1, 'exit', "
                     "NULL, 0, 1, 1, 0, 1, 1);",
                     nullptr, nullptr, nullptr);
        const QByteArray wal = test::fileBytes(real + QStringLiteral("-wal"));
        const QByteArray main = test::fileBytes(real);
        sqlite3_close(db); // checkpoints: the files are put back as they were before it
        QFile walFile(real + QStringLiteral("-wal"));
        QVERIFY(walFile.open(QIODevice::WriteOnly));
        walFile.write(wal);
        walFile.close();
        QFile mainFile(real);
        QVERIFY(mainFile.open(QIODevice::WriteOnly));
        mainFile.write(main);
        mainFile.close();
        QFile::remove(real + QStringLiteral("-shm"));
        const QStringList before = test::folderEntries(folder + QStringLiteral("/real"));
        QCOMPARE(before, (QStringList{QStringLiteral("code.db"), QStringLiteral("code.db-wal")}));
        const MigrationOutcome again =
            migrateDatabase(link, m_dir.filePath(QStringLiteral("linked-wal.kv")), {}, nullptr);
        QVERIFY2(again.status.isOk(), qPrintable(again.status.message()));
        QCOMPARE(again.report.tables[2].sourceRows, qint64(2)); // the row in the -wal is read
        QCOMPARE(test::folderEntries(folder + QStringLiteral("/real")), before);
        QVERIFY(test::fileBytes(real + QStringLiteral("-wal")) == wal);
    }

    // A hot rollback journal is named, with what to do, not "attempt to write a readonly
    // database".
    void hotJournalIsExplained() {
        const QString source = m_dir.filePath(QStringLiteral("hot.db"));
        QCOMPARE(test::createDatabase(source, QString::fromUtf8(pagedSql)), QString());
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(source.toUtf8().constData(), &db), SQLITE_OK);
        sqlite3_exec(db, "PRAGMA cache_size = 1; BEGIN; UPDATE ast_nodes SET kind = kind || 'x';",
                     nullptr, nullptr, nullptr);
        const QByteArray journal = test::fileBytes(source + QStringLiteral("-journal"));
        const QByteArray changed = test::fileBytes(source);
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        QVERIFY(journal.size() > 512);
        // As a killed writer leaves it: the changed file and the journal to undo the change.
        QFile file(source);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(changed);
        file.close();
        QFile hot(source + QStringLiteral("-journal"));
        QVERIFY(hot.open(QIODevice::WriteOnly));
        hot.write(journal);
        hot.close();

        const MigrationOutcome outcome =
            migrateDatabase(source, m_dir.filePath(QStringLiteral("hot.kv")), {}, nullptr);
        QCOMPARE(outcome.status.code(), Status::Code::InvalidInput);
        QVERIFY2(outcome.status.message().contains(QStringLiteral("hot rollback journal")),
                 qPrintable(outcome.status.message()));
        QVERIFY(test::fileBytes(source) == changed);
        QVERIFY(test::fileBytes(source + QStringLiteral("-journal")) == journal);
    }

    // Read again by key after storage order proved too scattered: no dead versions in the
    // published store, and progress that never goes back.
    void fallbackLeavesNoDeadVersions() {
        const QString source = m_dir.filePath(QStringLiteral("scattered.db"));
        QCOMPARE(test::createDatabase(
                     source, QStringLiteral(
                                 "CREATE TABLE ast_nodes(id INTEGER PRIMARY KEY, parent_id "
                                 "INTEGER, kind TEXT, byte_start INTEGER, byte_end INTEGER, "
                                 "file_id INTEGER);"
                                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                                 "WHERE i < 80000) INSERT INTO ast_nodes SELECT i, NULL, 'k', i, "
                                 "i + 1, i % 300 FROM n;")),
                 QString());
        const QString store = m_dir.filePath(QStringLiteral("scattered.kv"));
        RecordingObserver observer;
        const MigrationOutcome outcome = migrateDatabase(source, store, {}, &observer);
        QVERIFY2(outcome.status.isOk(), qPrintable(outcome.status.message()));
        QVERIFY(outcome.report.tables.front().scan.keysPutAgain);
        const std::vector<qint64> &done = observer.calls.at(SourceTable::AstNodes);
        QVERIFY(std::is_sorted(done.begin(), done.end()));
        QCOMPARE(done.back(), qint64(80000));

        auto opened = KvStore::open(store, KvStore::Mode::ReadOnly);
        QVERIFY(opened.isOk());
        const auto versions = opened.value()->storedEntryVersions();
        QVERIFY(versions.isOk());
        QCOMPARE(versions.value(), qint64(test::readStore(store).size()));
    }

    // "Compare with source" on a reject compares its row with the row as found, whatever the
    // reason, duplicate spans included.
    void rejectIsComparedWithTheRowAsFound() {
        const QString source = m_dir.filePath(QStringLiteral("duplicate.db"));
        QCOMPARE(test::createDatabase(
                     source, QStringLiteral(
                                 "CREATE TABLE code_chunks(id INTEGER PRIMARY KEY, file_path TEXT, "
                                 "byte_start INTEGER, byte_end INTEGER, content BLOB);"
                                 "INSERT INTO code_chunks VALUES (1, 'a.rs', 0, 1, 'x'), "
                                 "(2, 'a.rs', 0, 1, X'FF'), (3, NULL, 0, 1, 'z');")),
                 QString());
        const QString store = m_dir.filePath(QStringLiteral("duplicate.kv"));
        QVERIFY(migrateDatabase(source, store, {}, nullptr).status.code() == Status::Code::Ok);
        const auto entries = test::readStore(store);
        auto database = SourceDatabase::open(source, 1000);
        QVERIFY(database.isOk());
        auto info = database.value()->inspect(false);
        for (const char *key : {"reject:code_chunks:2", "reject:code_chunks:3"}) {
            QVERIFY2(entries.count(key), key);
            const auto comparison = compareWithSource(*database.value(), info.value(),
                                                      KeyLayout::Seed, key, entries.at(key));
            QVERIFY(comparison.isOk());
            QVERIFY2(comparison->allMatch(), key);
            QVERIFY(comparison->note.isEmpty());
        }
        // And a changed row is still told apart.
        std::string changed = entries.at("reject:code_chunks:2");
        changed.replace(changed.find("\"id\":2"), 6, "\"id\":9");
        const auto comparison = compareWithSource(*database.value(), info.value(), KeyLayout::Seed,
                                                  "reject:code_chunks:2", changed);
        QVERIFY(comparison.isOk());
        QVERIFY(!comparison->allMatch());
    }

    // A side table the run was not asked for is named in the report with the reason, never
    // passed over in silence.
    void tablesNotReadAreNamed() {
        const QString source = m_dir.filePath(QStringLiteral("some-tables.db"));
        QCOMPARE(test::createDatabase(source, QString::fromUtf8(pagedSql)), QString());
        MigrationOptions options;
        options.tables = {SourceTable::CodeChunks};
        const QString store = m_dir.filePath(QStringLiteral("some-tables.kv"));
        const MigrationOutcome outcome = migrateDatabase(source, store, options, nullptr);
        QVERIFY2(outcome.status.isOk(), qPrintable(outcome.status.message()));
        QCOMPARE(outcome.report.notCarried.size(), size_t(2));
        QCOMPARE(outcome.report.notCarried[0].first, SourceTable::AstNodes);
        QCOMPARE(outcome.report.notCarried[1].first, SourceTable::CfgBlocks);
        const auto json = outcome.report.toJson();
        QCOMPARE(json["not_carried"].size(), size_t(2));
        QCOMPARE(json["not_carried"][0]["table"].get<std::string>(), std::string("ast_nodes"));
        QVERIFY(!json["tables"].contains("ast_nodes"));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestUntrustedSources)
#include "tst_untrusted_sources.moc"
