// Two migrations to the same destination at once, with and without --force, in two processes or
// two threads of one: one of them gets a clear message at once, the other finishes, and the store
// at the destination is always whole and verified.
#include "fixture_generator.h"
#include "migrate/migration.h"
#include "sample_sources.h"
#include "test_database.h"
#include "tool_process.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <condition_variable>
#include <csignal>
#include <mutex>
#include <thread>

using namespace magellan;

namespace {

const QString busyMessage =
    QStringLiteral("is already writing a store there; try again when it has finished");

// Holds a migration in its first progress call until release(): it then owns the destination.
class GateObserver final : public ProgressObserver {
public:
    void tableProgress(MigrationPhase, SourceTable, qint64, qint64) override {
        std::unique_lock lock(m_mutex);
        m_reached = true;
        m_changed.notify_all();
        m_changed.wait(lock, [&] { return m_released; });
    }
    void waitUntilReached() {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_reached; });
    }
    void release() {
        std::lock_guard lock(m_mutex);
        m_released = true;
        m_changed.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_reached = false;
    bool m_released = false;
};

} // namespace

class TestConcurrentMigrations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(QFileInfo(test::toolBinary()).isExecutable());
        QVERIFY(m_dir.isValid());
        m_source = m_dir.filePath(QStringLiteral("code.db"));
        m_destination = m_dir.filePath(QStringLiteral("code.kv"));
        QCOMPARE(test::generateSource(m_source, 60000), QString());
    }
    void cleanup() { QDir(m_destination).removeRecursively(); }

    void secondRunIsRefusedWhileTheFirstHoldsTheDestination_data() {
        QTest::addColumn<bool>("force");
        QTest::newRow("new store") << false;
        QTest::newRow("--force over an old one") << true;
    }
    void secondRunIsRefusedWhileTheFirstHoldsTheDestination() {
        QFETCH(bool, force);
        QStringList arguments{QStringLiteral("migrate"), m_source, m_destination};
        if (force) {
            QCOMPARE(test::runTool(arguments + QStringList{QStringLiteral("--tables"),
                                                           QStringLiteral("code_chunks")})
                         .exitCode,
                     0);
            arguments << QStringLiteral("--force");
        }
        QProcess first;
        test::startTool(first, arguments, test::stopAt::beforePublish); // store complete
        QVERIFY(test::waitUntilStopped(first.processId()));

        const test::ToolRun second = test::runTool(arguments);
        QCOMPARE(second.exitCode, 2);
        QVERIFY2(second.err.contains(
                     m_destination +
                     QStringLiteral(": another magellan-kv (pid %1) ").arg(first.processId()) +
                     busyMessage),
                 qPrintable(second.err));

        ::kill(static_cast<pid_t>(first.processId()), SIGCONT);
        const test::ToolRun finished = test::finishTool(first);
        QVERIFY2(finished.exitCode == 0, qPrintable(finished.err));
        expectOneVerifiedStore();
    }

    void racingRunsNeverCorruptTheStore_data() {
        QTest::addColumn<bool>("force");
        QTest::newRow("new store") << false;
        QTest::newRow("--force") << true;
    }
    void racingRunsNeverCorruptTheStore() {
        QFETCH(bool, force);
        QStringList arguments{QStringLiteral("migrate"), m_source, m_destination};
        if (force)
            arguments << QStringLiteral("--force");
        for (int round = 0; round < 3; ++round) {
            QDir(m_destination).removeRecursively();
            QProcess a;
            QProcess b;
            test::startTool(a, arguments);
            test::startTool(b, arguments);
            const test::ToolRun runs[] = {test::finishTool(a), test::finishTool(b)};
            int succeeded = 0;
            for (const test::ToolRun &run : runs) {
                if (run.exitCode == 0) {
                    ++succeeded;
                    continue;
                }
                // Refused: while the other wrote, or (without --force) after it had finished.
                QCOMPARE(run.exitCode, 2);
                QVERIFY2(
                    run.err.contains(busyMessage) ||
                        (!force && run.err.contains(QStringLiteral("already exists (use --force"))),
                    qPrintable(run.err));
            }
            QVERIFY(force ? succeeded >= 1 : succeeded == 1);
            expectOneVerifiedStore();
        }
    }

    void secondThreadIsRefusedToo() {
        GateObserver gate;
        MigrationOutcome first;
        std::thread thread([&] { first = migrateDatabase(m_source, m_destination, {}, &gate); });
        gate.waitUntilReached();
        const MigrationOutcome second = migrateDatabase(m_source, m_destination, {}, nullptr);
        gate.release();
        thread.join();
        QCOMPARE(second.status.code(), Status::Code::Busy);
        QVERIFY2(second.status.message().contains(busyMessage),
                 qPrintable(second.status.message()));
        QVERIFY2(first.status.isOk(), qPrintable(first.status.message()));
        expectOneVerifiedStore();
    }

private:
    void expectOneVerifiedStore() {
        const test::ToolRun verify =
            test::runTool({QStringLiteral("verify"), m_source, m_destination});
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.err + verify.out));
        QCOMPARE(test::folderEntries(m_dir.path()),
                 QStringList({QStringLiteral("code.db"), QStringLiteral("code.kv")}));
    }

    QTemporaryDir m_dir;
    QString m_source;
    QString m_destination;
};

QTEST_GUILESS_MAIN(TestConcurrentMigrations)
#include "tst_concurrent_migrations.moc"
