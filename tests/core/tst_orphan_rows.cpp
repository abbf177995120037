#include "migrate/migration.h"
#include "migrate/orphan_rows.h"
#include "test_database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace magellan;

namespace {

// File entities 1 and 2 (src/a.rs, src/b.rs), a function 5; AST rows of file 3 (re-indexed away),
// CFG blocks of function 9 (gone), chunks of src/gone.rs; and rows that name what is there.
const char *const sourceSql = R"sql(
CREATE TABLE graph_entities(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL,
  file_path TEXT, data TEXT);
INSERT INTO graph_entities VALUES (1, 'File', 'a.rs', 'src/a.rs', '{}'),
  (2, 'File', 'b.rs', 'src/b.rs', '{}'), (5, 'Function', 'main', 'src/a.rs', '{}');
CREATE TABLE code_chunks(id INTEGER PRIMARY KEY, file_path TEXT NOT NULL, byte_start INTEGER NOT NULL,
  byte_end INTEGER NOT NULL, content TEXT NOT NULL, content_hash TEXT NOT NULL, symbol_name TEXT,
  symbol_kind TEXT, created_at INTEGER NOT NULL);
INSERT INTO code_chunks VALUES (1, 'src/a.rs', 0, 10, 'a', 'h', 'a', 'fn', 1),
  (2, 'src/gone.rs', 0, 5, 'g', 'h', 'g', 'fn', 1), (3, 'src/gone.rs', 6, 9, 'g', 'h', 'g', 'fn', 1);
CREATE TABLE ast_nodes(id INTEGER PRIMARY KEY, parent_id INTEGER, kind TEXT NOT NULL,
  byte_start INTEGER NOT NULL, byte_end INTEGER NOT NULL, file_id INTEGER);
INSERT INTO ast_nodes VALUES (10, NULL, 'file', 0, 9, 1), (11, NULL, 'file', 0, 9, 3),
  (12, 11, 'fn', 0, 9, 3), (13, NULL, 'file', 0, 9, NULL), (14, NULL, 'file', 0, 9, 2);
CREATE TABLE cfg_blocks(id INTEGER PRIMARY KEY, function_id INTEGER NOT NULL, kind TEXT NOT NULL,
  terminator TEXT NOT NULL, byte_start INTEGER NOT NULL, byte_end INTEGER NOT NULL,
  start_line INTEGER NOT NULL, start_col INTEGER NOT NULL, end_line INTEGER NOT NULL,
  end_col INTEGER NOT NULL);
INSERT INTO cfg_blocks VALUES (100, 5, 'entry', 'goto', 0, 5, 1, 0, 1, 5),
  (101, 9, 'entry', 'return', 0, 9, 1, 0, 1, 9);
)sql";

} // namespace

class TestOrphanRows : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void rowsNamingNoEntityAreCountedAndListed() {
        const QString source = m_dir.filePath(QStringLiteral("orphans.db"));
        QCOMPARE(test::createDatabase(source, QString::fromUtf8(sourceSql)), QString());
        const QString store = m_dir.filePath(QStringLiteral("orphans.kv"));
        const MigrationOutcome outcome = migrateDatabase(source, store, {}, nullptr);
        QVERIFY2(outcome.status.isOk(), qPrintable(outcome.status.message()));
        // Information only: the store is verified and published.
        QCOMPARE(outcome.report.outcome(), VerificationOutcome::Verified);
        const OrphanReport &orphans = outcome.report.orphans;
        QVERIFY(orphans.checked);
        QCOMPARE(orphans.total(), 5);
        QCOMPARE(orphans.tables.size(), 3u);
        const TableOrphans &chunks = orphans.tables[0];
        QCOMPARE(chunks.table, SourceTable::CodeChunks);
        QCOMPARE(chunks.total, 2);
        QCOMPARE(chunks.listed[0].rowid, 2);
        QCOMPARE(chunks.listed[0].key, std::string("chunk:src/gone.rs:0:5"));
        QCOMPARE(chunks.listed[0].reference, QStringLiteral("src/gone.rs"));
        const TableOrphans &ast = orphans.tables[1];
        QCOMPARE(ast.total, 2); // the NULL group names nothing, so it is no orphan
        QCOMPARE(ast.listed[1].rowid, 12);
        QCOMPARE(ast.listed[1].key, std::string("ast:3"));
        QCOMPARE(ast.listed[1].reference, QStringLiteral("3"));
        const TableOrphans &cfg = orphans.tables[2];
        QCOMPARE(cfg.total, 1);
        QCOMPARE(cfg.listed[0].key, std::string("cfg:9"));
        const auto json = outcome.report.toJson()["orphans"];
        QCOMPARE(json["total"].get<qint64>(), 5);
        QCOMPARE(json["tables"]["ast_nodes"]["listed"][0]["rowid"].get<qint64>(), 11);
    }

    void limitListsTheFirst() {
        const QString source = m_dir.filePath(QStringLiteral("limit.db"));
        QCOMPARE(test::createDatabase(source, QString::fromUtf8(sourceSql)), QString());
        MigrationOptions options;
        options.layout = KeyLayout::Magellan;
        options.differences.listed = 1;
        const MigrationOutcome outcome =
            migrateDatabase(source, m_dir.filePath(QStringLiteral("limit.kv")), options, nullptr);
        QVERIFY(outcome.status.isOk());
        const TableOrphans &ast = outcome.report.orphans.tables[1];
        QCOMPARE(ast.total, 2);
        QCOMPARE(ast.listed.size(), 1u);
        QCOMPARE(ast.listed[0].key, std::string("ast:file:3"));
        const MigrationOutcome verified = verifyStore(
            source, m_dir.filePath(QStringLiteral("limit.kv")), VerifyOptions{}, nullptr);
        QCOMPARE(verified.report.orphans.total(), 5); // verify finds them too
    }

    void noGraphEntitiesSaysSo() {
        const QString source = m_dir.filePath(QStringLiteral("plain.db"));
        QCOMPARE(test::createDatabase(
                     source, QStringLiteral("CREATE TABLE ast_nodes(id INTEGER PRIMARY KEY, "
                                            "parent_id INTEGER, kind TEXT NOT NULL, byte_start "
                                            "INTEGER NOT NULL, byte_end INTEGER NOT NULL, file_id "
                                            "INTEGER); INSERT INTO ast_nodes VALUES (1, NULL, "
                                            "'file', 0, 1, 7);")),
                 QString());
        const MigrationOutcome outcome =
            migrateDatabase(source, m_dir.filePath(QStringLiteral("plain.kv")), {}, nullptr);
        QVERIFY(outcome.status.isOk());
        QVERIFY(!outcome.report.orphans.checked);
        QVERIFY(outcome.report.orphans.note.contains(QStringLiteral("graph_entities")));
    }

    // A hostile graph_entities (a view that fails when read) does not stop the migration.
    void unreadableGraphEntitiesIsANote() {
        const QString source = m_dir.filePath(QStringLiteral("hostile.db"));
        QCOMPARE(
            test::createDatabase(
                source, QStringLiteral("CREATE TABLE ast_nodes(id INTEGER PRIMARY KEY, parent_id "
                                       "INTEGER, kind TEXT NOT NULL, byte_start INTEGER NOT NULL, "
                                       "byte_end INTEGER NOT NULL, file_id INTEGER); INSERT INTO "
                                       "ast_nodes VALUES (1, NULL, 'file', 0, 1, 7); CREATE TABLE "
                                       "t(x); INSERT INTO t VALUES (1);"
                                       "CREATE VIEW graph_entities(id, kind, file_path) AS SELECT "
                                       "x, x, x FROM t WHERE abs(-9223372036854775807 - 1);")),
            QString());
        const MigrationOutcome outcome =
            migrateDatabase(source, m_dir.filePath(QStringLiteral("hostile.kv")), {}, nullptr);
        QVERIFY2(outcome.status.isOk(), qPrintable(outcome.status.message()));
        QVERIFY(!outcome.report.orphans.checked);
        QVERIFY(outcome.report.orphans.note.contains(QStringLiteral("could not be read")));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestOrphanRows)
#include "tst_orphan_rows.moc"
