// magellan-kv migrate killed (SIGKILL) or interrupted (SIGTERM, Ctrl-C) at each phase of a run:
// its staging store just made, reading the tables, writing the table files, reading the store
// back, and at the final rename. The run stops itself at the phase (test hook, test::stopAt) and
// is signalled there. Each time the source must be untouched, no store may appear at the
// destination, and a re-run must succeed and verify.
#include "fixture_generator.h"
#include "store/kv_store.h"
#include "sample_sources.h"
#include "test_database.h"
#include "tool_process.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace magellan;

namespace {

QString signalName(int signal) {
    return signal == SIGKILL   ? QStringLiteral("SIGKILL")
           : signal == SIGTERM ? QStringLiteral("SIGTERM")
                               : QStringLiteral("SIGINT");
}

} // namespace

class TestKilledMigration : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(QFileInfo(test::toolBinary()).isExecutable());
        QVERIFY(m_dir.isValid());
        m_source = m_dir.filePath(QStringLiteral("code.db"));
        m_destination = m_dir.filePath(QStringLiteral("code.kv"));
        // A realistic source whose run does some work in every phase (the stops are phase hooks, not
        // delays, so it need not be long), small enough to run 16 times under the sanitizers too.
        QCOMPARE(test::generateSource(m_source, 60000), QString());
        m_sourceBytes = test::fileBytes(m_source);
    }

    void cleanup() { QDir(m_destination).removeRecursively(); }

    void stoppedRunLeavesNothingAndReRunSucceeds_data() {
        QTest::addColumn<int>("signal");
        QTest::addColumn<QString>("phase");
        for (const int signal : {SIGKILL, SIGTERM, SIGINT})
            for (const char *phase : test::stopAt::all)
                QTest::addRow("%s at %s", qPrintable(signalName(signal)), phase)
                    << signal << QString::fromLatin1(phase);
    }
    void stoppedRunLeavesNothingAndReRunSucceeds() {
        QFETCH(int, signal);
        QFETCH(QString, phase);
        QProcess process;
        test::startTool(process, {QStringLiteral("migrate"), m_source, m_destination},
                        qPrintable(phase));
        if (!test::waitUntilStopped(process.processId()))
            QFAIL(qPrintable(QStringLiteral("the run never reached %1: ").arg(phase) +
                             test::finishTool(process).err));
        const qint64 pid = process.processId();
        const QString staging = stagingFolder(pid);
        // The record is written last: only at the rename is the store whole.
        QCOMPARE(isCompleteStore(staging), phase == QLatin1String(test::stopAt::beforePublish));
        QVERIFY(!QFileInfo::exists(m_destination));
        ::kill(static_cast<pid_t>(pid), signal);
        ::kill(static_cast<pid_t>(pid), SIGCONT); // a stopped process handles SIGTERM/SIGINT now
        const test::ToolRun run = test::finishTool(process);

        if (signal == SIGKILL) {
            QVERIFY(run.killedBySignal);
        } else {
            QCOMPARE(run.exitCode, 130);
            QVERIFY2(run.err.contains(
                         QStringLiteral("magellan-kv: interrupted; nothing was written to ") +
                         m_destination),
                     qPrintable(run.err));
        }
        QCOMPARE(test::fileBytes(m_source), m_sourceBytes);
        QVERIFY(!QFileInfo::exists(m_destination));
        const QStringList left = test::folderEntries(m_dir.path());
        if (signal == SIGKILL) { // no chance to clean up: what is left is only ever hidden
            for (const QString &name : left)
                QVERIFY2(name == QLatin1String("code.db") ||
                             name == QFileInfo(staging).fileName() ||
                             name == QLatin1String(".code.kv.magellan-kv-lock"),
                         qPrintable(name));
        } else {
            QCOMPARE(left, QStringList{QStringLiteral("code.db")});
        }

        const test::ToolRun again =
            test::runTool({QStringLiteral("migrate"), m_source, m_destination});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY(again.out.contains(QStringLiteral("deep check: pass")));
        QCOMPARE(test::folderEntries(m_dir.path()),
                 QStringList({QStringLiteral("code.db"), QStringLiteral("code.kv")}));
        QCOMPARE(test::fileBytes(m_source), m_sourceBytes);
    }

    void killedWhileReplacingKeepsTheOldStore() {
        const test::ToolRun old =
            test::runTool({QStringLiteral("migrate"), m_source, m_destination,
                           QStringLiteral("--tables"), QStringLiteral("code_chunks")});
        QCOMPARE(old.exitCode, 0);
        const auto before = test::readStore(m_destination);
        QVERIFY(!before.empty());
        QProcess process;
        test::startTool(
            process,
            {QStringLiteral("migrate"), m_source, m_destination, QStringLiteral("--force")},
            test::stopAt::beforePublish);
        QVERIFY(test::waitUntilStopped(process.processId()));
        process.kill();
        QVERIFY(test::finishTool(process).killedBySignal);
        QVERIFY(test::readStore(m_destination) == before);
        QCOMPARE(test::fileBytes(m_source), m_sourceBytes);

        const test::ToolRun again = test::runTool(
            {QStringLiteral("migrate"), m_source, m_destination, QStringLiteral("--force")});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY(test::readStore(m_destination).size() > before.size()); // the new, whole store
        const test::ToolRun verify =
            test::runTool({QStringLiteral("verify"), m_source, m_destination});
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.err + verify.out));
        QCOMPARE(test::folderEntries(m_dir.path()),
                 QStringList({QStringLiteral("code.db"), QStringLiteral("code.kv")}));
    }

private:
    QString stagingFolder(qint64 pid) const {
        return m_dir.filePath(QStringLiteral(".code.kv.magellan-kv-staging-%1").arg(pid));
    }
    static bool isCompleteStore(const QString &path) {
        auto store = KvStore::open(path, KvStore::Mode::ReadOnly);
        return store.isOk() && store.value()->get("meta:migration").isOk() &&
               store.value()->get("meta:migration").value().has_value();
    }

    QTemporaryDir m_dir;
    QString m_source;
    QString m_destination;
    QByteArray m_sourceBytes;
};

QTEST_GUILESS_MAIN(TestKilledMigration)
#include "tst_killed_migration.moc"
