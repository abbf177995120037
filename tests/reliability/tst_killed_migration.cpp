// magellan-kv migrate killed (SIGKILL) or interrupted (SIGTERM, Ctrl-C) at several points: early,
// midway (at 20, 45 and 70 % of a full run: reading the tables, writing, reading back) and at the
// final rename. Each time the source must be untouched, no store may appear at the destination,
// and a re-run must succeed and verify.
#include "fixture_generator.h"
#include "store/kv_store.h"
#include "sample_sources.h"
#include "test_database.h"
#include "tool_process.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <memory>

using namespace magellan;

namespace {

const QString early = QStringLiteral("early");
const QString atRename = QStringLiteral("rename");

// The points of a full run's time at which a run is stopped midway.
const double midwayFractions[] = {0.2, 0.45, 0.7};

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
        QCOMPARE(test::generateSource(m_source, 250000),
                 QString()); // long enough to be stopped midway, short enough to run 16 times
        m_sourceBytes = test::fileBytes(m_source);
        // How long a whole run takes here, so that "midway" means midway on any machine.
        for (int i = 0; i < 2; ++i) {
            QElapsedTimer timer;
            timer.start();
            const test::ToolRun run =
                test::runTool({QStringLiteral("migrate"), m_source, m_destination});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            m_fullRunMs = i == 0 ? timer.elapsed() : std::min(m_fullRunMs, timer.elapsed());
            QVERIFY(QDir(m_destination).removeRecursively());
        }
    }

    void cleanup() { QDir(m_destination).removeRecursively(); }

    void stoppedRunLeavesNothingAndReRunSucceeds_data() {
        QTest::addColumn<int>("signal");
        QTest::addColumn<QString>("point");
        for (const int signal : {SIGKILL, SIGTERM, SIGINT}) {
            QStringList points{early};
            for (const double fraction : midwayFractions)
                points << QStringLiteral("%1%").arg(qRound(fraction * 100));
            points << atRename;
            for (const QString &point : points)
                QTest::addRow("%s at %s", qPrintable(signalName(signal)), qPrintable(point))
                    << signal << point;
        }
    }
    void stoppedRunLeavesNothingAndReRunSucceeds() {
        QFETCH(int, signal);
        QFETCH(QString, point);
        std::unique_ptr<QProcess> process;
        if (point == early) {
            process = start(false);
            QVERIFY2(
                test::waitUntilExists(stagingFolder(process->processId()), process->processId()),
                "the run never created its staging folder");
        } else if (point == atRename) {
            process = start(true);
            QVERIFY2(test::waitUntilStopped(process->processId()),
                     "the run never reached the rename");
            // The store is whole; only the rename is left.
            QVERIFY(isCompleteStore(stagingFolder(process->processId())));
        } else {
            process = stopMidway(m_fullRunMs * point.chopped(1).toInt() / 100);
            QVERIFY2(process, "the run could not be stopped midway, however early");
        }
        const qint64 pid = process->processId();
        const QString staging = stagingFolder(pid);
        QVERIFY(!QFileInfo::exists(m_destination));
        ::kill(static_cast<pid_t>(pid), signal);
        ::kill(static_cast<pid_t>(pid), SIGCONT); // a stopped process handles SIGTERM/SIGINT now
        const test::ToolRun run = test::finishTool(*process);

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
            {QStringLiteral("migrate"), m_source, m_destination, QStringLiteral("--force")}, true);
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
    std::unique_ptr<QProcess> start(bool stopBeforePublish) const {
        auto process = std::make_unique<QProcess>();
        test::startTool(*process, {QStringLiteral("migrate"), m_source, m_destination},
                        stopBeforePublish);
        return process;
    }

    // A run stopped (SIGSTOP) `delayMs` after its start, inside the migration: its staging folder
    // there, no store published yet. When the run got further than that here (a busier moment
    // than the measured run had), it is thrown away and tried again earlier.
    std::unique_ptr<QProcess> stopMidway(qint64 delayMs) const {
        for (int attempt = 0; attempt < 4; ++attempt, delayMs /= 2) {
            std::unique_ptr<QProcess> process = start(false);
            const qint64 pid = process->processId();
            QThread::msleep(static_cast<unsigned long>(delayMs));
            test::waitUntilExists(stagingFolder(pid), pid);
            ::kill(static_cast<pid_t>(pid), SIGSTOP);
            if (test::waitUntilStopped(pid) && QFileInfo::exists(stagingFolder(pid)) &&
                !QFileInfo::exists(m_destination))
                return process;
            process->kill();
            process->waitForFinished();
            QDir(m_destination).removeRecursively();
            QDir(stagingFolder(pid)).removeRecursively();
            QFile::remove(m_dir.filePath(QStringLiteral(".code.kv.magellan-kv-lock")));
        }
        return nullptr;
    }

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
    qint64 m_fullRunMs = 0;
};

QTEST_GUILESS_MAIN(TestKilledMigration)
#include "tst_killed_migration.moc"
