// What graph_entities and magellan_meta say of a file: index_root (schema 21) and the File
// entity's data (path, hash), read from sources of every shape, hostile ones too.
#include "source/entity_record.h"
#include "source/source_database.h"
#include "test_database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace magellan;

class TestEntityRecord : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<SourceDatabase> open(const QString &sql) {
        const QString path = m_dir.filePath(QStringLiteral("code%1.db").arg(++m_count));
        const QString error = test::createDatabase(path, sql);
        if (!error.isEmpty())
            qFatal("%s", qPrintable(error));
        return std::move(SourceDatabase::open(path, 1000).value());
    }

    QTemporaryDir m_dir;
    int m_count = 0;

private Q_SLOTS:
    void indexRootOfSchema21() {
        auto source = open(QStringLiteral(
            "CREATE TABLE magellan_meta (id INTEGER PRIMARY KEY CHECK (id = 1), "
            "magellan_schema_version INTEGER NOT NULL, sqlitegraph_schema_version INTEGER NOT "
            "NULL, created_at INTEGER NOT NULL, project_name TEXT, project_metadata TEXT, "
            "index_root TEXT);"
            "INSERT INTO magellan_meta VALUES (1, 21, 3, 0, NULL, NULL, '/home/a/repo');"));
        const auto root = readIndexRoot(*source);
        QVERIFY(root.isOk());
        QCOMPARE(root.value(), std::optional<QString>(QStringLiteral("/home/a/repo")));
    }

    void noIndexRootIsNoError_data() {
        QTest::addColumn<QString>("sql");
        QTest::newRow("no table") << QStringLiteral("CREATE TABLE t(x);");
        QTest::newRow("no column (v20)") << QStringLiteral(
            "CREATE TABLE magellan_meta (id INTEGER PRIMARY KEY, magellan_schema_version INT);"
            "INSERT INTO magellan_meta VALUES (1, 20);");
        QTest::newRow("no row") << QStringLiteral(
            "CREATE TABLE magellan_meta (id INTEGER PRIMARY KEY, index_root TEXT);");
        QTest::newRow("NULL") << QStringLiteral(
            "CREATE TABLE magellan_meta (id INTEGER PRIMARY KEY, index_root TEXT);"
            "INSERT INTO magellan_meta VALUES (1, NULL);");
        QTest::newRow("a number") << QStringLiteral(
            "CREATE TABLE magellan_meta (id INTEGER PRIMARY KEY, index_root);"
            "INSERT INTO magellan_meta VALUES (1, 42);");
        QTest::newRow("not UTF-8") << QStringLiteral(
            "CREATE TABLE magellan_meta (id INTEGER PRIMARY KEY, index_root TEXT);"
            "INSERT INTO magellan_meta VALUES (1, CAST(X'2FFFFE' AS TEXT));");
    }
    void noIndexRootIsNoError() {
        QFETCH(QString, sql);
        auto source = open(sql);
        const auto root = readIndexRoot(*source);
        QVERIFY2(root.isOk(), qPrintable(root.status().message()));
        QVERIFY(!root.value());
    }

    void aFileEntityWithItsHash() {
        auto source = open(QStringLiteral(
            "CREATE TABLE graph_entities (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT "
            "NOT NULL, file_path TEXT, data TEXT NOT NULL);"
            "INSERT INTO graph_entities VALUES (1, 'File', 'src/a.rs', 'src/a.rs', "
            "'{\"path\":\"src/a.rs\",\"hash\":\"00000000000000002d06800538d394c2\","
            "\"last_indexed_at\":1,\"last_modified\":2}');"
            "INSERT INTO graph_entities VALUES (2, 'Function', 'main', 'src/a.rs', "
            "'{\"name\":\"main\",\"kind\":\"Function\",\"byte_start\":10,\"byte_end\":40,"
            "\"start_line\":2,\"start_col\":0,\"end_line\":5,\"end_col\":1}');"
            "INSERT INTO graph_entities VALUES (3, 'File', 'b.rs', NULL, 'not json');"
            "INSERT INTO graph_entities VALUES (4, 'File', 'c.rs', NULL, '[1,2]');"));
        auto file = readEntityRecord(*source, 1);
        QVERIFY(file.isOk() && file.value());
        QCOMPARE(file.value()->path(), QStringLiteral("src/a.rs"));
        QCOMPARE(file.value()->hash, std::optional<QString>("00000000000000002d06800538d394c2"));
        auto function = readEntityRecord(*source, 2);
        QCOMPARE(function.value()->byteStart, std::optional<qint64>(10));
        QCOMPARE(function.value()->endLine, std::optional<qint64>(5));
        QCOMPARE(function.value()->name, QStringLiteral("main"));
        auto notJson = readEntityRecord(*source, 3);
        QVERIFY(!notJson.value()->hash);
        QCOMPARE(notJson.value()->path(), QStringLiteral("b.rs"));
        QVERIFY(notJson.value()->dataNote.contains(QStringLiteral("not a JSON object")));
        QVERIFY(readEntityRecord(*source, 4).value()->dataNote.contains(QStringLiteral("JSON")));
        QVERIFY(!readEntityRecord(*source, 99).value());
    }

    void withoutADataColumn() {
        auto source = open(QStringLiteral(
            "CREATE TABLE graph_entities (id INTEGER PRIMARY KEY, kind TEXT, name TEXT);"
            "INSERT INTO graph_entities VALUES (1, 'File', 'a.c');"));
        auto file = readEntityRecord(*source, 1);
        QVERIFY2(file.isOk(), qPrintable(file.status().message()));
        QCOMPARE(file.value()->path(), QStringLiteral("a.c"));
        QVERIFY(file.value()->dataNote.contains(QStringLiteral("no data column")));
        auto none = open(QStringLiteral("CREATE TABLE t(x);"));
        QCOMPARE(readEntityRecord(*none, 1).status().code(), Status::Code::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestEntityRecord)
#include "tst_entity_record.moc"
