// A source in a folder that cannot be written (a read-only bind mount: as root, permissions alone
// would not stop anything). Plain and WAL databases migrate in full, rows still in a -wal file
// included; the one case SQLite cannot read (a -wal without its -shm) gets a clear message.
#include "hostile_sources.h"
#include "sample_sources.h"
#include "scoped_mount.h"
#include "store_oracle.h"
#include "test_database.h"
#include "tool_process.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace magellan;

class TestReadOnlySource : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(QFileInfo(test::toolBinary()).isExecutable());
        QVERIFY(m_dir.isValid());
        m_writable = m_dir.filePath(QStringLiteral("writable"));
        const QString &writable = m_writable;
        QVERIFY(QDir().mkpath(writable + QStringLiteral("/plain")));
        QVERIFY(QDir().mkpath(writable + QStringLiteral("/wal-checkpointed")));
        QVERIFY(QDir().mkpath(writable + QStringLiteral("/wal-pending")));
        QVERIFY(QDir().mkpath(writable + QStringLiteral("/wal-without-shm")));
        const QString sample = test::sampleSourceSql(2000);
        QCOMPARE(test::createDatabase(writable + QStringLiteral("/plain/code.db"), sample),
                 QString());
        QCOMPARE(test::createDatabase(writable + QStringLiteral("/wal-checkpointed/code.db"),
                                      sample + QStringLiteral("PRAGMA journal_mode=WAL;")),
                 QString());
        const auto &sources = test::hostileSources();
        const auto pending =
            std::find_if(sources.begin(), sources.end(), [](const test::HostileSource &source) {
                return source.name.startsWith(QLatin1String("-wal file"));
            });
        QVERIFY(pending != sources.end());
        for (const char *folder : {"/wal-pending/code.db", "/wal-without-shm/code.db"})
            QCOMPARE(pending->create(writable + QLatin1String(folder)), QString());
        QVERIFY(QFileInfo::exists(writable + QStringLiteral("/wal-pending/code.db-shm")));
        QVERIFY(QFile::remove(writable + QStringLiteral("/wal-without-shm/code.db-shm")));

        m_readOnly = m_dir.filePath(QStringLiteral("read-only"));
        QVERIFY(QDir().mkpath(m_readOnly));
        const QString isolation = test::enterPrivateMountNamespace();
        if (!isolation.isEmpty())
            qWarning("mounting in the shared namespace (%s)", qPrintable(isolation));
        m_mount.emplace(test::ScopedMount::readOnlyBind(writable, m_readOnly));
        if (!m_mount->isMounted())
            QSKIP(qPrintable(QStringLiteral("cannot make a read-only bind mount here (needs root "
                                            "or CAP_SYS_ADMIN): %1")
                                 .arg(m_mount->error())));
        QFile probe(m_readOnly + QStringLiteral("/plain/probe"));
        QVERIFY(!probe.open(QIODevice::WriteOnly)); // not even root can write there
    }
    void cleanupTestCase() { m_mount.reset(); }

    void migratesInFull_data() {
        QTest::addColumn<QString>("folder");
        QTest::newRow("rollback journal") << QStringLiteral("plain");
        QTest::newRow("WAL, all checkpointed, no -wal or -shm")
            << QStringLiteral("wal-checkpointed");
        QTest::newRow("WAL, rows only in the -wal") << QStringLiteral("wal-pending");
    }
    void migratesInFull() {
        QFETCH(QString, folder);
        const QString source = m_readOnly + QLatin1Char('/') + folder + QStringLiteral("/code.db");
        const QStringList filesBefore = test::folderEntries(QFileInfo(source).path());
        const QByteArray bytesBefore = test::fileBytes(source);
        const QString store = m_dir.filePath(folder + QStringLiteral(".kv"));
        const test::ToolRun run = test::runTool({QStringLiteral("migrate"), source, store});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("deep check: pass")));
        QCOMPARE(test::folderEntries(QFileInfo(source).path()), filesBefore);
        QCOMPARE(test::fileBytes(source), bytesBefore);
        // The same file through the writable folder: SQLite itself cannot open every case here.
        const test::OracleResult oracle = test::checkStoreAgainstSource(
            m_writable + QLatin1Char('/') + folder + QStringLiteral("/code.db"),
            test::readStore(store));
        QVERIFY2(oracle.problems.isEmpty(), qPrintable(oracle.problems.join(QLatin1Char('\n'))));
        QVERIFY(oracle.tables.at(SourceTable::AstNodes).carried > 0);
        if (folder == QLatin1String("wal-pending"))
            QVERIFY(test::readStore(store).count("ast:99")); // a group that only the -wal holds
    }

    void walWithoutShmGetsAClearMessage() {
        const QString source = m_readOnly + QStringLiteral("/wal-without-shm/code.db");
        const QString store = m_dir.filePath(QStringLiteral("without-shm.kv"));
        const test::ToolRun run = test::runTool({QStringLiteral("migrate"), source, store});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith(QStringLiteral("magellan-kv: error: ") + source +
                                    QStringLiteral(": is in WAL mode and has a -wal file")),
                 qPrintable(run.err));
        QVERIFY(run.err.contains(
            QStringLiteral("copy the database with its -wal file to a writable folder")));
        QVERIFY(!QFileInfo::exists(store));
    }

private:
    QTemporaryDir m_dir;
    QString m_writable;
    QString m_readOnly;
    std::optional<test::ScopedMount> m_mount;
};

QTEST_GUILESS_MAIN(TestReadOnlySource)
#include "tst_read_only_source.moc"
