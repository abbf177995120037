// A destination on a disk too small for the store: the run fails with a clear "no space" message
// (exit 3), and leaves no store, no staging folder and no lock file; an old store stays as it was.
// The small disk is a 3 MB tmpfs that the test mounts in a private mount namespace.
#include "fixture_generator.h"
#include "sample_sources.h"
#include "scoped_mount.h"
#include "test_database.h"
#include "tool_process.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace magellan;

namespace {

constexpr qint64 diskBytes = 3 << 20;

// Writes zeros into `path` until the disk is full. Returns the bytes written.
qint64 fillDisk(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return 0;
    const QByteArray block(64 << 10, '\0');
    qint64 written = 0;
    while (file.write(block) == block.size() && file.flush())
        written += block.size();
    return written;
}

} // namespace

class TestDiskFull : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(QFileInfo(test::toolBinary()).isExecutable());
        QVERIFY(m_dir.isValid());
        m_source = m_dir.filePath(QStringLiteral("code.db"));
        QCOMPARE(test::generateSource(m_source, 150000),
                 QString()); // a store of about 5 MB: more than the disk holds
        m_sourceBytes = test::fileBytes(m_source);
        m_disk = m_dir.filePath(QStringLiteral("small-disk"));
        QVERIFY(QDir().mkpath(m_disk));
        const QString isolation = test::enterPrivateMountNamespace();
        if (!isolation.isEmpty())
            qWarning("mounting in the shared namespace (%s)", qPrintable(isolation));
        m_mount.emplace(test::ScopedMount::tmpfs(m_disk, diskBytes));
        if (!m_mount->isMounted())
            QSKIP(qPrintable(QStringLiteral("cannot mount a 3 MB tmpfs here (needs root or "
                                            "CAP_SYS_ADMIN): %1")
                                 .arg(m_mount->error())));
    }
    void cleanupTestCase() { m_mount.reset(); }

    void cleanup() {
        for (const QString &name : test::folderEntries(m_disk)) {
            const QString path = QDir(m_disk).filePath(name);
            QFileInfo(path).isDir() ? QDir(path).removeRecursively() : QFile::remove(path);
        }
        QCOMPARE(test::fileBytes(m_source), m_sourceBytes); // never touched
    }

    void newStoreThatDoesNotFit() {
        const QString destination = QDir(m_disk).filePath(QStringLiteral("code.kv"));
        const test::ToolRun run = test::runTool({QStringLiteral("migrate"), m_source, destination});
        QCOMPARE(run.exitCode, 3);
        expectNoSpaceMessage(run);
        QCOMPARE(test::folderEntries(m_disk), QStringList());
    }

    void noRoomEvenToStart() {
        QVERIFY(fillDisk(QDir(m_disk).filePath(QStringLiteral("filler"))) > diskBytes / 2);
        const QString destination = QDir(m_disk).filePath(QStringLiteral("code.kv"));
        const test::ToolRun run = test::runTool({QStringLiteral("migrate"), m_source, destination});
        QCOMPARE(run.exitCode, 3);
        expectNoSpaceMessage(run);
        QCOMPARE(test::folderEntries(m_disk), QStringList{QStringLiteral("filler")});
    }

    void replacementThatDoesNotFitKeepsTheOldStore() {
        const QString destination = QDir(m_disk).filePath(QStringLiteral("code.kv"));
        const test::ToolRun small =
            test::runTool({QStringLiteral("migrate"), m_source, destination,
                           QStringLiteral("--tables"), QStringLiteral("code_chunks")});
        QVERIFY2(small.exitCode == 0, qPrintable(small.err));
        const auto before = test::readStore(destination);
        QVERIFY(!before.empty());
        const test::ToolRun run = test::runTool(
            {QStringLiteral("migrate"), m_source, destination, QStringLiteral("--force")});
        QCOMPARE(run.exitCode, 3);
        expectNoSpaceMessage(run);
        QVERIFY(test::readStore(destination) == before);
        QCOMPARE(test::folderEntries(m_disk), QStringList{QStringLiteral("code.kv")});
    }

private:
    static void expectNoSpaceMessage(const test::ToolRun &run) {
        QVERIFY2(run.err.startsWith(QStringLiteral("magellan-kv: error: ")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("no space left on the device")),
                 qPrintable(run.err));
        // It names the destination the user gave, not the hidden staging folder.
        QVERIFY2(run.err.contains(QStringLiteral("/code.kv: ")), qPrintable(run.err));
        QVERIFY2(!run.err.contains(QStringLiteral("magellan-kv-staging")), qPrintable(run.err));
        QCOMPARE(run.out, QString()); // no comparison table for a store that does not exist
    }

    QTemporaryDir m_dir;
    QString m_source;
    QByteArray m_sourceBytes;
    QString m_disk;
    std::optional<test::ScopedMount> m_mount;
};

QTEST_GUILESS_MAIN(TestDiskFull)
#include "tst_disk_full.moc"
