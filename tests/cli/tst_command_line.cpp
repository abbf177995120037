// The headless commands, run as a user runs them: a separate process, its exit status, its
// output, and what it leaves on disk.
#include "fixture_generator.h"
#include "kv_store.h"
#include "sample_sources.h"
#include "test_database.h"
#include "tool_process.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <sqlite3.h>
#include <unistd.h>

using namespace magellan;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runTool(const QStringList &arguments) {
    QProcess process;
    process.start(qEnvironmentVariable("MAGELLAN_KV_BINARY"), arguments);
    process.waitForFinished(120000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void writeFile(const QString &path, const QByteArray &bytes) {
    QFile file(path);
    file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    file.write(bytes);
}

} // namespace

class TestCommandLine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(QFileInfo(qEnvironmentVariable("MAGELLAN_KV_BINARY")).isExecutable());
        QVERIFY(m_dir.isValid());
        m_source = m_dir.filePath(QStringLiteral("code.db"));
        QCOMPARE(test::generateSource(m_source, 20000, true), QString());
    }

    void helpAndVersion() {
        const Run help = runTool({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("Exit status:")));
        QVERIFY(help.out.contains(QStringLiteral("magellan-kv migrate SRC DST")));
        const Run version = runTool({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(QStringLiteral("magellan-kv 0.")));
    }

    void inspectShowsTablesAndCounts() {
        const Run run = runTool({QStringLiteral("inspect"), m_source, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject info = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(info[QStringLiteral("schema_version")].toInt(), 21);
        const QJsonObject ast =
            info[QStringLiteral("tables")][QStringLiteral("ast_nodes")].toObject();
        QVERIFY(ast[QStringLiteral("rows")].toInteger() > 10000);
        QVERIFY(ast[QStringLiteral("groups")].toInteger() > 1);
        QVERIFY(ast[QStringLiteral("columns")].toArray().contains(QStringLiteral("file_id")));
        QVERIFY(runTool({QStringLiteral("inspect"), m_source})
                    .out.contains(QStringLiteral("schema version: 21")));
    }

    void migratePrintsTheComparisonAndVerifyAgrees() {
        const QString dst = m_dir.filePath(QStringLiteral("code.kv"));
        const QString report = m_dir.filePath(QStringLiteral("report.json"));
        const Run run = runTool(
            {QStringLiteral("migrate"), m_source, dst, QStringLiteral("--report"), report,
             QStringLiteral("--tables"),
             QStringLiteral(
                 "code_chunks,ast_nodes,cfg_blocks,execution_log,file_metrics,symbol_metrics")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QVERIFY(run.out.startsWith(QStringLiteral("table ")));
        QVERIFY(run.out.contains(QStringLiteral("deep check: pass")));
        QCOMPARE(run.out.count(QStringLiteral(" pass\n")), 6);
        const QJsonObject written = QJsonDocument::fromJson(test::fileBytes(report)).object();
        QVERIFY(written[QStringLiteral("passed")].toBool());

        const Run verify =
            runTool({QStringLiteral("verify"), m_source, dst, QStringLiteral("--json")});
        QCOMPARE(verify.exitCode, 0);
        const QJsonObject verified = QJsonDocument::fromJson(verify.out.toUtf8()).object();
        const QJsonObject tables = verified[QStringLiteral("tables")].toObject();
        QCOMPARE(tables.size(), 6);
        for (const QString &name : tables.keys()) {
            const QJsonObject mine = tables[name].toObject();
            const QJsonObject theirs = written[QStringLiteral("tables")][name].toObject();
            for (const char *field :
                 {"source_rows", "kv_keys", "kv_records", "kv_rejected", "kv_checksum"})
                QCOMPARE(mine[QLatin1String(field)], theirs[QLatin1String(field)]);
            QCOMPARE(mine[QStringLiteral("status")].toString(), QStringLiteral("pass"));
        }
    }

    void rejectedRowsGiveStatusOne() {
        const QString source = m_dir.filePath(QStringLiteral("rejects.db"));
        QCOMPARE(
            test::createDatabase(
                source, test::sampleSourceSql(200) +
                            QStringLiteral(
                                "INSERT INTO ast_nodes VALUES (100000, NULL, 'bad', 'x', 1, 1);")),
            QString());
        const Run run = runTool(
            {QStringLiteral("migrate"), source, m_dir.filePath(QStringLiteral("rejects.kv"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.contains(QStringLiteral(
            "ast_nodes 100000 byte_start: byte_start holds TEXT, expected INTEGER")));
        QVERIFY(QFileInfo::exists(
            m_dir.filePath(QStringLiteral("rejects.kv")))); // complete, with its rejects
    }

    void badInputGetsOneLineAndLeavesNothing_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("destination");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("message");
        const QString bad = m_dir.filePath(QStringLiteral("bad"));
        QDir().mkpath(bad);
        const QString dst = bad + QStringLiteral("/out.kv");

        QTest::newRow("missing") << bad + "/missing.db" << dst << QStringList()
                                 << "missing.db: no such file";
        QTest::newRow("folder") << bad << dst << QStringList()
                                << ": is a folder, not a database file";
        writeFile(bad + "/notes.db", "just some text\n");
        QTest::newRow("not sqlite")
            << bad + "/notes.db" << dst << QStringList() << "notes.db: is not a SQLite database";
        writeFile(bad + "/empty.db", {});
        QTest::newRow("empty") << bad + "/empty.db" << dst << QStringList()
                               << "empty.db: is empty (0 bytes)";
        writeFile(bad + "/native.db", QByteArray("MAG2") + QByteArray(4096, '\1'));
        QTest::newRow("native v2") << bad + "/native.db" << dst << QStringList()
                                   << "native.db: is a magellan Native V2 file";
        const QByteArray whole = test::fileBytes(m_source);
        writeFile(bad + "/truncated.db", whole.left(whole.size() / 2));
        QTest::newRow("truncated")
            << bad + "/truncated.db" << dst << QStringList() << "truncated.db: is truncated";
        test::createDatabase(bad + "/corrupt.db", test::sampleSourceSql(20000));
        test::corruptLastPage(bad + "/corrupt.db"); // a page of cfg_blocks, which is read
        QTest::newRow("corrupt") << bad + "/corrupt.db" << dst << QStringList()
                                 << "corrupt.db: is corrupt";
        test::createDatabase(bad + "/other.db",
                             QStringLiteral("CREATE TABLE t(x); INSERT INTO t VALUES (1);"));
        QTest::newRow("no side tables")
            << bad + "/other.db" << dst << QStringList() << "other.db: has none of the tables";
        writeFile(bad + "/a-file.kv", "I am a file");
        QTest::newRow("dst is a file") << m_source << bad + "/a-file.kv" << QStringList()
                                       << "a-file.kv: is a file, not a store folder";
        QTest::newRow("dst parent missing")
            << m_source << bad + "/no/such/out.kv" << QStringList() << "does not exist";
        QString readOnly = bad + "/read-only";
        if (::geteuid() == 0) {
            readOnly = QStringLiteral("/sys"); // refuses new folders even to root
        } else {
            QDir().mkpath(readOnly);
            QFile::setPermissions(readOnly, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        }
        QTest::newRow("dst folder not writable")
            << m_source << readOnly + "/out.kv" << QStringList()
            << "cannot create a folder in " + readOnly;
        QTest::newRow("bad layout")
            << m_source << dst << QStringList{"--key-layout", "flat"} << "--key-layout must be";
        QTest::newRow("bad table") << m_source << dst << QStringList{"--tables", "graph_entities"}
                                   << "unknown table 'graph_entities'";
        QTest::newRow("missing table")
            << m_source << dst << QStringList{"--tables", "ast_nodes,nope"}
            << "unknown table 'nope'";
    }
    void badInputGetsOneLineAndLeavesNothing() {
        QFETCH(QString, source);
        QFETCH(QString, destination);
        QFETCH(QStringList, extra);
        QFETCH(QString, message);
        const QStringList before = test::folderEntries(QFileInfo(destination).absolutePath());
        const QByteArray sourceBefore =
            QFileInfo(source).isFile() ? test::fileBytes(source) : QByteArray();
        const Run run =
            runTool(QStringList{QStringLiteral("migrate"), source, destination} + extra);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith(QStringLiteral("magellan-kv: error: ")), qPrintable(run.err));
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY2(run.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size() <= 2,
                 qPrintable(run.err));
        QCOMPARE(run.out, QString());
        QCOMPARE(test::folderEntries(QFileInfo(destination).absolutePath()), before);
        if (QFileInfo(source).isFile())
            QCOMPARE(test::fileBytes(source), sourceBefore);
    }

    void sourceLockedByAWriter() {
        const QString source = m_dir.filePath(QStringLiteral("locked.db"));
        QCOMPARE(test::createDatabase(source, test::sampleSourceSql(100)), QString());
        sqlite3 *writer = nullptr;
        sqlite3_open(source.toUtf8().constData(), &writer);
        QCOMPARE(sqlite3_exec(writer, "BEGIN EXCLUSIVE; DELETE FROM ast_nodes WHERE id = 1;",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        const QString dst = m_dir.filePath(QStringLiteral("locked.kv"));
        const Run run = runTool({QStringLiteral("migrate"), source, dst,
                                 QStringLiteral("--lock-timeout"), QStringLiteral("0.3")});
        sqlite3_exec(writer, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(writer);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(
                     QStringLiteral("locked.db: is locked by another process (waited 0.3 s)")),
                 qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(dst));
    }

    void destinationStoreHeldOpen() {
        const QString dst = m_dir.filePath(QStringLiteral("held.kv"));
        QCOMPARE(runTool({QStringLiteral("migrate"), m_source, dst}).exitCode, 0);
        const auto before = test::readStore(dst);
        {
            auto holder =
                KvStore::open(dst, KvStore::Mode::ReadWrite); // this process holds the lock
            QVERIFY(holder.isOk());
            const Run run =
                runTool({QStringLiteral("migrate"), m_source, dst, QStringLiteral("--force")});
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(
                         QStringLiteral("held.kv: the store is in use by another process (pid %1)")
                             .arg(::getpid())),
                     qPrintable(run.err));
        }
        QVERIFY(test::readStore(dst) == before);
        QCOMPARE(test::folderEntries(m_dir.path()).filter(QStringLiteral("held")),
                 QStringList{QStringLiteral("held.kv")});
        QCOMPARE(
            runTool({QStringLiteral("migrate"), m_source, dst, QStringLiteral("--force")}).exitCode,
            0);
    }

    void existingDestinationNeedsForce() {
        const QString dst = m_dir.filePath(QStringLiteral("twice.kv"));
        QCOMPARE(runTool({QStringLiteral("migrate"), m_source, dst}).exitCode, 0);
        const Run again = runTool({QStringLiteral("migrate"), m_source, dst});
        QCOMPARE(again.exitCode, 2);
        QVERIFY(again.err.contains(
            QStringLiteral("twice.kv: already exists (use --force to replace it)")));
    }

    void usageErrors() {
        QCOMPARE(runTool({QStringLiteral("migrate"), m_source}).exitCode, 2);
        QCOMPARE(runTool({QStringLiteral("frobnicate")}).exitCode, 2);
        QCOMPARE(runTool({QStringLiteral("migrate"), QStringLiteral("--bogus"), m_source,
                          QStringLiteral("x")})
                     .exitCode,
                 2);
        QCOMPARE(runTool({QStringLiteral("verify"), m_source, m_dir.path()}).exitCode, 2);
    }

    void interruptLeavesNothing() {
        const QString source = m_dir.filePath(QStringLiteral("big.db"));
        QCOMPARE(test::generateSource(source, 600000), QString());
        const QString dst = m_dir.filePath(QStringLiteral("interrupted.kv"));
        QProcess process;
        test::startTool(process, {QStringLiteral("migrate"), source, dst});
        const qint64 pid = process.processId();
        QVERIFY(pid > 0);
        // Its staging folder is made before the first row is read: the run is under way.
        QVERIFY(test::waitUntilExists(
            m_dir.filePath(QStringLiteral(".interrupted.kv.magellan-kv-staging-%1").arg(pid)),
            pid));
        process.terminate(); // SIGTERM
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 130);
        QVERIFY(QString::fromUtf8(process.readAllStandardError())
                    .contains(QStringLiteral("interrupted; nothing was written")));
        QVERIFY(!QFileInfo::exists(dst));
        QCOMPARE(test::folderEntries(m_dir.path()).filter(QStringLiteral("interrupted")),
                 QStringList());
    }

    // Two different signals are both pending when the run resumes: the first cancels, the second
    // ends the process at once, and still nothing is published. The run stops itself right
    // before publishing (test hook), so the signals arrive at a known point.
    void aSecondInterruptEndsTheRunAtOnce() {
        const QString dst = m_dir.filePath(QStringLiteral("interrupted-twice.kv"));
        QProcess process;
        test::startTool(process, {QStringLiteral("migrate"), m_source, dst}, true);
        const qint64 pid = process.processId();
        QVERIFY(pid > 0);
        if (!test::waitUntilStopped(pid))
            QFAIL(qPrintable(QStringLiteral("the run never reached the rename: ") +
                             test::finishTool(process).err));
        ::kill(static_cast<pid_t>(pid), SIGINT);
        ::kill(static_cast<pid_t>(pid), SIGTERM);
        ::kill(static_cast<pid_t>(pid), SIGCONT);
        const test::ToolRun run = test::finishTool(process);
        QVERIFY(run.killedBySignal);
        QVERIFY(!QFileInfo::exists(dst));
    }

private:
    QTemporaryDir m_dir;
    QString m_source;
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_command_line.moc"
