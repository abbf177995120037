#include "migrate/migration.h"
#include "source/source_database.h"
#include "test_database.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace magellan;

namespace {

const char *const smallSource =
    "CREATE TABLE ast_nodes(id INTEGER PRIMARY KEY, parent_id INTEGER, kind TEXT NOT NULL,"
    " byte_start INTEGER, byte_end INTEGER, file_id INTEGER);"
    "INSERT INTO ast_nodes VALUES (1, NULL, 'root', 0, 10, 1), (2, 1, 'leaf', 0, 5, 1);";

// A writer connection kept open by the test, as magellan's indexer would keep one.
class Writer {
public:
    explicit Writer(const QString &path) { sqlite3_open(path.toUtf8().constData(), &m_db); }
    ~Writer() { sqlite3_close(m_db); }
    QString exec(const char *sql) {
        char *error = nullptr;
        const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &error);
        const QString message = rc == SQLITE_OK ? QString() : QString::fromUtf8(error);
        sqlite3_free(error);
        return message;
    }

private:
    sqlite3 *m_db = nullptr;
};

} // namespace

class TestSourceDatabase : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }

    void fileChecksNameTheFileAndTheProblem_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << "is empty (0 bytes)";
        QTest::newRow("text") << QByteArray("hello, this is not a database\n")
                              << "is not a SQLite database";
        QTest::newRow("native v2") << QByteArray("MAG2\x01\x00\x00\x00", 8) + QByteArray(200, 'x')
                                   << "magellan Native V2 file (MAG2)";
        QByteArray header("SQLite format 3\0", 16);
        header += QByteArray(84, '\0');
        header[16] = 0x03; // page size 999: not a power of two
        header[17] = char(0xE7);
        QTest::newRow("bad page size") << header + QByteArray(899, '\0') << "invalid page size";
    }
    void fileChecksNameTheFileAndTheProblem() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const QString path = m_dir.filePath(QStringLiteral("input.db"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
        file.close();
        const auto source = SourceDatabase::open(path, 100);
        QVERIFY(!source.isOk());
        QVERIFY2(source.status().message().startsWith(path + QStringLiteral(": ")),
                 qPrintable(source.status().message()));
        QVERIFY2(source.status().message().contains(message),
                 qPrintable(source.status().message()));
        QCOMPARE(test::fileBytes(path), bytes); // never written to
    }

    void missingAndFolder() {
        const auto missing = SourceDatabase::open(m_dir.filePath(QStringLiteral("nope.db")), 100);
        QVERIFY(missing.status().message().endsWith(QStringLiteral("nope.db: no such file")));
        const auto folder = SourceDatabase::open(m_dir.path(), 100);
        QVERIFY(folder.status().message().contains(QStringLiteral("is a folder")));
    }

    void truncatedFileIsCaught() {
        const QString path = m_dir.filePath(QStringLiteral("whole.db"));
        QCOMPARE(test::createDatabase(
                     path, QString::fromLatin1(smallSource) +
                               QStringLiteral("CREATE TABLE pad(x);"
                                              "INSERT INTO pad VALUES (zeroblob(20000));")),
                 QString());
        QByteArray bytes = test::fileBytes(path);
        const QString cut = m_dir.filePath(QStringLiteral("cut.db"));
        QFile file(cut);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes.left(bytes.size() / 2 / 4096 * 4096)); // whole pages, but too few
        file.close();
        const auto source = SourceDatabase::open(cut, 100);
        QVERIFY(!source.isOk());
        QVERIFY2(source.status().message().contains(QStringLiteral("is truncated")),
                 qPrintable(source.status().message()));
        const QString ragged = m_dir.filePath(QStringLiteral("ragged.db"));
        QFile raggedFile(ragged);
        QVERIFY(raggedFile.open(QIODevice::WriteOnly));
        raggedFile.write(bytes.left(bytes.size() - 100));
        raggedFile.close();
        QVERIFY(SourceDatabase::open(ragged, 100)
                    .status()
                    .message()
                    .contains(QStringLiteral("truncated")));
    }

    void inspectReadsRealColumnsAndCounts() {
        const QString path = m_dir.filePath(QStringLiteral("inspect.db"));
        QCOMPARE(test::createDatabase(
                     path, QString::fromLatin1(smallSource) +
                               QStringLiteral("CREATE TABLE magellan_meta(id INTEGER PRIMARY KEY, "
                                              "magellan_schema_version INTEGER);"
                                              "INSERT INTO magellan_meta VALUES (1, 12);"
                                              "INSERT INTO ast_nodes VALUES (3, NULL, 'x', 0, 1, "
                                              "NULL), (4, NULL, 'y', 0, 1, 2);")),
                 QString());
        auto source = SourceDatabase::open(path, 100);
        QVERIFY(source.isOk());
        const auto info = source.value()->inspect(true);
        QVERIFY(info.isOk());
        QCOMPARE(info->schemaVersion, 12);
        const SourceTableInfo &ast = info->table(SourceTable::AstNodes);
        QVERIFY(ast.exists);
        QCOMPARE(ast.columns,
                 QStringList({"id", "parent_id", "kind", "byte_start", "byte_end", "file_id"}));
        QCOMPARE(ast.rows, 4);
        QCOMPARE(ast.groups, 3); // 1, 2 and NULL
        QVERIFY(!info->table(SourceTable::CodeChunks).exists);
        QVERIFY(info->hasAnySideTable());
    }

    void noSideTablesIsRefused() {
        const QString path = m_dir.filePath(QStringLiteral("other.db"));
        QCOMPARE(test::createDatabase(
                     path, QStringLiteral("CREATE TABLE t(x); INSERT INTO t VALUES (1);")),
                 QString());
        auto source = SourceDatabase::open(path, 100);
        QVERIFY(source.isOk());
        const auto tables = resolveTables(source.value()->inspect(false).value(), {});
        QVERIFY(!tables.isOk());
        QVERIFY(tables.status().message().contains(QStringLiteral("has none of the tables")));
    }

    void walRowsAreReadAndTheFileIsUntouched() {
        const QString path = m_dir.filePath(QStringLiteral("wal.db"));
        QCOMPARE(test::createDatabase(path, QString::fromLatin1(smallSource) +
                                                QStringLiteral("PRAGMA journal_mode=WAL;")),
                 QString());
        Writer writer(path);
        QCOMPARE(
            writer.exec(
                "PRAGMA wal_autocheckpoint=0;"
                "INSERT INTO ast_nodes VALUES (3, 1, 'in-wal', 5, 6, 1), (4, NULL, 'x', 0, 1, 9);"),
            QString());
        QVERIFY(QFile(path + QStringLiteral("-wal")).size() > 0);
        const QByteArray before = test::fileBytes(path);
        auto source = SourceDatabase::open(path, 100);
        QVERIFY(source.isOk());
        QCOMPARE(source.value()->inspect(false)->table(SourceTable::AstNodes).rows, 4);
        source.value().reset();
        QCOMPARE(test::fileBytes(path), before);
    }

    void oneSnapshotWhileAWriterGoesOn() {
        const QString path = m_dir.filePath(QStringLiteral("live.db"));
        QCOMPARE(test::createDatabase(path, QString::fromLatin1(smallSource) +
                                                QStringLiteral("PRAGMA journal_mode=WAL;")),
                 QString());
        Writer writer(path);
        auto source = SourceDatabase::open(path, 100);
        QVERIFY(source.isOk());
        QCOMPARE(writer.exec("INSERT INTO ast_nodes VALUES (3, 1, 'later', 5, 6, 1);"), QString());
        const auto info = source.value()->inspect(false);
        QCOMPARE(info->table(SourceTable::AstNodes).rows, 2); // the snapshot began at open
    }

    void aWritersLockIsWaitedForThenReported() {
        const QString path = m_dir.filePath(QStringLiteral("locked.db"));
        QCOMPARE(test::createDatabase(path, QString::fromLatin1(smallSource)), QString());
        Writer writer(path);
        QCOMPARE(
            writer.exec("BEGIN EXCLUSIVE; INSERT INTO ast_nodes VALUES (9, NULL, 'w', 0, 1, 1);"),
            QString());
        QElapsedTimer timer;
        timer.start();
        const auto source = SourceDatabase::open(path, 300);
        QVERIFY(!source.isOk());
        QCOMPARE(source.status().code(), Status::Code::Busy);
        QVERIFY2(source.status().message().contains(QStringLiteral("is locked by another process")),
                 qPrintable(source.status().message()));
        QVERIFY(timer.elapsed() >= 250);
        QCOMPARE(writer.exec("ROLLBACK;"), QString());
        QVERIFY(SourceDatabase::open(path, 300).isOk());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestSourceDatabase)
#include "tst_source_database.moc"
