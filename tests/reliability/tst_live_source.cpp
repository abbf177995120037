// A migration while another process keeps inserting rows into the source (WAL mode, as magellan's
// watch mode does): the store must hold one consistent snapshot, every batch whole in all three
// tables or absent from all, no row half-read, and `verify` against that snapshot must pass.
#include "fixture_generator.h"
#include "live_rows.h"
#include "test_database.h"
#include "tool_process.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <map>

using namespace magellan;

namespace {

// The last batch the writer has committed, read through a connection of our own.
qint64 lastCommittedBatch(const QString &path) {
    sqlite3 *db = nullptr;
    qint64 batch = -1;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) ==
        SQLITE_OK) {
        sqlite3_busy_timeout(db, 5000);
        sqlite3_stmt *statement = nullptr;
        sqlite3_prepare_v2(db, "SELECT max(id) FROM ast_nodes", -1, &statement, nullptr);
        if (statement && sqlite3_step(statement) == SQLITE_ROW)
            batch = live::batchOfId(sqlite3_column_int64(statement, 0));
        sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    return batch;
}

// Live rows found in the store, per batch and table.
struct LiveRowsFound {
    std::map<qint64, int> chunks, nodes, blocks;
    QStringList problems; // rows that are not what the writer wrote
};

LiveRowsFound liveRowsIn(const std::map<std::string, std::string> &entries) {
    LiveRowsFound found;
    for (const auto &[key, value] : entries) {
        if (key.starts_with("chunk:live/")) {
            const auto chunk = nlohmann::json::parse(value);
            const qint64 id = chunk["id"].get<qint64>();
            const qint64 batch = live::batchOfId(id);
            const int row = static_cast<int>(id - live::rowId(batch, 0));
            const std::string content = chunk["content"].get<std::string>();
            if (chunk["file_path"] != live::chunkPath(batch) ||
                content != live::chunkContent(batch, row) ||
                chunk["content_hash"] != live::contentHash(content))
                found.problems << QString::fromStdString(key);
            ++found.chunks[batch];
        } else if (key.starts_with("ast:") || key.starts_with("cfg:")) {
            const std::string group = key.substr(4);
            if (group == "null" || std::stoll(group) < live::firstGroup)
                continue;
            for (const auto &element : nlohmann::json::parse(value)) {
                const qint64 batch = live::batchOfId(element["id"].get<qint64>());
                if (live::groupOf(batch) != std::stoll(group))
                    found.problems << QString::fromStdString(key);
                ++(key[0] == 'a' ? found.nodes : found.blocks)[batch];
            }
        }
    }
    return found;
}

} // namespace

class TestLiveSource : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(QFileInfo(test::toolBinary()).isExecutable());
        QVERIFY(QFileInfo(QStringLiteral(LIVE_SOURCE_WRITER)).isExecutable());
        QVERIFY(m_dir.isValid());
        m_source = m_dir.filePath(QStringLiteral("code.db"));
        fixture::FixtureSpec spec;
        spec.totalRows = 200000;
        spec.walMode = true;
        QCOMPARE(QString::fromStdString(fixture::generateFixture(m_source.toStdString(), spec)),
                 QString());
    }

    void migrationSeesOneSnapshotWhileRowsArrive() {
        QProcess writer;
        writer.start(QStringLiteral(LIVE_SOURCE_WRITER), {m_source});
        QVERIFY(writer.waitForStarted());
        QTest::qWaitFor(
            [&] {
                return lastCommittedBatch(m_source) >= 20 || writer.state() != QProcess::Running;
            },
            60000);
        const qint64 before = lastCommittedBatch(m_source);
        QVERIFY2(before >= 20, qPrintable(QString::fromUtf8(writer.readAllStandardError())));

        const QString store = m_dir.filePath(QStringLiteral("code.kv"));
        const test::ToolRun run =
            test::runTool({QStringLiteral("migrate"), m_source, store,
                           QStringLiteral("--lock-timeout"), QStringLiteral("30")});
        const qint64 after = lastCommittedBatch(m_source);
        writer.terminate();
        QVERIFY(writer.waitForFinished(60000));
        QCOMPARE(writer.exitCode(), 0);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out)); // verified against its snapshot
        QVERIFY2(after > before, "the writer committed nothing while the migration ran");

        const LiveRowsFound found = liveRowsIn(test::readStore(store));
        QCOMPARE(found.problems, QStringList()); // no row half-read or mixed up
        QVERIFY(!found.chunks.empty());
        const qint64 snapshot = found.chunks.rbegin()->first;
        QVERIFY(snapshot >= before && snapshot <= after);
        qInfo("writer at batch %lld when the migration started, %lld when it ended; snapshot: %lld",
              before, after, snapshot);
        for (qint64 batch = 1; batch <= snapshot; ++batch) {
            QCOMPARE(found.chunks.count(batch) ? found.chunks.at(batch) : 0, live::rowsPerBatch);
            QCOMPARE(found.nodes.count(batch) ? found.nodes.at(batch) : 0, live::rowsPerBatch);
            QCOMPARE(found.blocks.count(batch) ? found.blocks.at(batch) : 0, live::rowsPerBatch);
        }
        QCOMPARE(found.nodes.rbegin()->first, snapshot); // nothing newer in a later-read table
        QCOMPARE(found.blocks.rbegin()->first, snapshot);

        // The snapshot the migration saw, rebuilt: the source without the batches after it.
        const QString rebuilt = m_dir.filePath(QStringLiteral("snapshot.db"));
        QVERIFY(QFile::copy(m_source, rebuilt));
        if (QFileInfo::exists(m_source + QStringLiteral("-wal")))
            QVERIFY(
                QFile::copy(m_source + QStringLiteral("-wal"), rebuilt + QStringLiteral("-wal")));
        const qint64 firstLater = live::rowId(snapshot + 1, 0);
        QCOMPARE(
            test::createDatabase(rebuilt, QStringLiteral("DELETE FROM code_chunks WHERE id >= %1;"
                                                         "DELETE FROM ast_nodes WHERE id >= %1;"
                                                         "DELETE FROM cfg_blocks WHERE id >= %1;")
                                              .arg(firstLater)),
            QString());
        const test::ToolRun verify = test::runTool({QStringLiteral("verify"), rebuilt, store});
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.err + verify.out));
        QVERIFY(verify.out.contains(QStringLiteral("deep check: pass")));
    }

private:
    QTemporaryDir m_dir;
    QString m_source;
};

QTEST_GUILESS_MAIN(TestLiveSource)
#include "tst_live_source.moc"
