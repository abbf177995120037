// Hostile source databases (hostile_sources.cpp, one small readable fixture each): every row must
// be carried or rejected with its reason, source rows = carried + rejected, the count comparison
// and the deep check must pass, and an independent oracle (store_oracle.cpp) must find every
// source row in the store, value for value.
#include "hostile_sources.h"
#include "migrate/migration.h"
#include "store_oracle.h"
#include "test_database.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <set>

using namespace magellan;

namespace {

// Every file of a source database: the file itself and its -wal.
std::map<QString, QByteArray> sourceFiles(const QString &path) {
    std::map<QString, QByteArray> files{{path, test::fileBytes(path)}};
    if (QFileInfo::exists(path + QStringLiteral("-wal")))
        files[path + QStringLiteral("-wal")] = test::fileBytes(path + QStringLiteral("-wal"));
    return files;
}

} // namespace

class TestHostileSources : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void everyRowIsCarriedOrRejected_data() {
        QTest::addColumn<int>("index");
        for (size_t i = 0; i < test::hostileSources().size(); ++i)
            QTest::newRow(qPrintable(test::hostileSources()[i].name)) << static_cast<int>(i);
    }
    void everyRowIsCarriedOrRejected() {
        QFETCH(int, index);
        const test::HostileSource &hostile = test::hostileSources()[index];
        const QString folder = m_dir.filePath(QString::number(index));
        QVERIFY(QDir().mkpath(folder));
        const QString source = folder + QStringLiteral("/code.db");
        QCOMPARE(hostile.create(source), QString());
        const auto filesBefore = sourceFiles(source);

        const QString store = folder + QStringLiteral("/code.kv");
        const MigrationOutcome outcome = migrateDatabase(source, store, {}, nullptr);
        QVERIFY2(outcome.status.isOk(), qPrintable(outcome.status.message()));
        QVERIFY(outcome.report.passed()); // counts, deep check, no stray keys
        for (const TableReport &table : outcome.report.tables) {
            QCOMPARE(table.store.records + table.store.rejected, table.sourceRows);
            QVERIFY(table.checksumsMatch());
            QCOMPARE(table.store.undecodable, 0);
        }

        const std::map<std::string, std::string> entries = test::readStore(store);
        std::set<std::pair<SourceTable, qint64>> expected;
        for (const test::ExpectedReject &reject : hostile.rejects) {
            expected.insert({reject.table, reject.rowid});
            const std::string key = kvkey::reject(tableDefinition(reject.table).name, reject.rowid);
            QVERIFY2(entries.count(key), key.c_str());
            QVERIFY2(QString::fromStdString(entries.at(key)).contains(reject.reason),
                     entries.at(key).c_str());
        }
        std::set<std::pair<SourceTable, qint64>> found;
        for (const TableReport &table : outcome.report.tables)
            for (const RejectedRow &reject : table.scan.rejects)
                found.insert({reject.table, reject.rowid});
        QVERIFY(found == expected); // exactly the rows the fixture says, no others

        const test::OracleResult oracle = test::checkStoreAgainstSource(source, entries);
        QVERIFY2(oracle.problems.isEmpty(), qPrintable(oracle.problems.join(QLatin1Char('\n'))));
        for (const TableReport &table : outcome.report.tables) {
            const test::OracleCounts &counts = oracle.tables.at(table.table);
            QCOMPARE(counts.sourceRows, table.sourceRows);
            QCOMPARE(counts.carried, table.store.records);
            QCOMPARE(counts.rejected, table.store.rejected);
        }
        if (hostile.check)
            QCOMPARE(hostile.check(entries), QString());

        const MigrationOutcome verified = verifyStore(source, store, {}, nullptr);
        QVERIFY2(verified.status.isOk(), qPrintable(verified.status.message()));
        QVERIFY(sourceFiles(source) == filesBefore); // the source, -wal included, untouched
    }

    // The oracle above is only worth its silence if it speaks up when a row goes missing or
    // changes.
    void oracleNoticesLostAndChangedRows() {
        const QString source = m_dir.filePath(QStringLiteral("oracle.db"));
        QCOMPARE(test::hostileSources().front().create(source), QString());
        const QString store = m_dir.filePath(QStringLiteral("oracle.kv"));
        QVERIFY(migrateDatabase(source, store, {}, nullptr).status.isOk());
        const auto entries = test::readStore(store);
        QVERIFY(test::checkStoreAgainstSource(source, entries).problems.isEmpty());
        const auto problemsWith =
            [&](const std::function<void(std::map<std::string, std::string> &)> &change) {
                auto changed = entries;
                change(changed);
                return test::checkStoreAgainstSource(source, changed)
                    .problems.join(QLatin1Char('\n'));
            };
        QVERIFY(problemsWith([](auto &e) {
                    e.erase("chunk:src/a.rs:0:10");
                }).contains(QStringLiteral("lost")));
        QVERIFY(problemsWith([](auto &e) {
                    e.erase("reject:ast_nodes:3");
                }).contains(QStringLiteral("lost")));
        QVERIFY(problemsWith([](auto &e) {
                    auto &value = e.at("chunk:src/a.rs:0:10");
                    value.replace(value.find("1700000000"), 10, "1700000001");
                }).contains(QStringLiteral("created_at: expected integer 1700000000")));
        QVERIFY(
            problemsWith([](auto &e) {
                e["ast:77"] =
                    R"([{"id":1,"parent_id":null,"kind":"source_file","byte_start":0,"byte_end":100}])";
            }).contains(QStringLiteral("carried twice")));
        QVERIFY(problemsWith([](auto &e) {
                    e["graph:1"] = "{}";
                }).contains(QStringLiteral("a key of no migrated table")));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestHostileSources)
#include "tst_hostile_sources.moc"
