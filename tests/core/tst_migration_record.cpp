#include "migrate/migration.h"
#include "migrate/migration_record.h"
#include "sample_sources.h"
#include "test_database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace magellan;

class TestMigrationRecord : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aMigratedStoreNamesItsLayoutTablesAndSource() {
        QTemporaryDir dir;
        const QString source = dir.filePath(QStringLiteral("code.db"));
        QCOMPARE(test::createDatabase(source, test::sampleSourceSql(200)), QString());
        const QString storePath = dir.filePath(QStringLiteral("code.kv"));
        MigrationOptions options;
        options.layout = KeyLayout::Magellan;
        options.tables = {SourceTable::CfgBlocks, SourceTable::AstNodes};
        QVERIFY(migrateDatabase(source, storePath, options, nullptr).status.isOk());
        auto store = KvStore::open(storePath, KvStore::Mode::ReadOnly);
        QVERIFY(store.isOk());
        const auto recorded = readMigrationRecord(*store.value());
        QVERIFY(recorded.isOk() && recorded.value());
        QCOMPARE(recorded.value()->layout, std::optional(KeyLayout::Magellan));
        const std::vector<SourceTable> tables{SourceTable::CfgBlocks, SourceTable::AstNodes};
        QVERIFY(recorded.value()->tables == tables);
        QCOMPARE(recorded.value()->sourcePath, source);
    }

    void aStoreWithoutARecordHasNone() {
        QTemporaryDir dir;
        const QString storePath = dir.filePath(QStringLiteral("empty.kv"));
        QCOMPARE(test::writeStore(storePath, {{"ast:1", "[]"}}), QString());
        auto store = KvStore::open(storePath, KvStore::Mode::ReadOnly);
        const auto recorded = readMigrationRecord(*store.value());
        QVERIFY(recorded.isOk());
        QVERIFY(!recorded.value());
    }

    void partsItDoesNotKnowAreLeftOut_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<bool>("isRecord");
        QTest::addColumn<bool>("hasLayout");
        QTest::addColumn<int>("tables");
        QTest::addColumn<QString>("sourcePath");
        QTest::newRow("not json") << "{oops" << false << false << 0 << "";
        QTest::newRow("an array") << "[1,2]" << false << false << 0 << "";
        QTest::newRow("empty object") << "{}" << true << false << 0 << "";
        QTest::newRow("unknown layout") << R"({"key_layout":"flat"})" << true << false << 0 << "";
        QTest::newRow("layout not a string") << R"({"key_layout":1})" << true << false << 0 << "";
        QTest::newRow("unknown table skipped")
            << R"({"tables":{"nodes":{},"ast_nodes":{}}})" << true << false << 1 << "";
        QTest::newRow("source path") << R"({"key_layout":"seed","source":{"path":"/x/code.db"}})"
                                     << true << true << 0 << "/x/code.db";
        QTest::newRow("source path not a string")
            << R"({"source":{"path":7}})" << true << false << 0 << "";
        // Shapes the format never writes: a record with those parts left out, or no record.
        QTest::newRow("tables a number") << R"({"tables":5})" << true << false << 0 << "";
        QTest::newRow("source a list") << R"({"source":[]})" << true << false << 0 << "";
        QTest::newRow("format version text")
            << R"({"format_version":"x","key_layout":"magellan"})" << true << true << 0 << "";
        QTest::newRow("huge number") << R"({"format_version":1e999})" << false << false << 0 << "";
        QTest::newRow("empty") << "" << false << false << 0 << "";
        QTest::newRow("deep") << QString(R"({"tables":)") + QString(5000, QLatin1Char('[')) +
                                     QString(5000, QLatin1Char(']')) + QStringLiteral("}")
                              << false << false << 0 << "";
    }
    void partsItDoesNotKnowAreLeftOut() {
        QFETCH(QString, json);
        QFETCH(bool, isRecord);
        QFETCH(bool, hasLayout);
        QFETCH(int, tables);
        QFETCH(QString, sourcePath);
        const auto recorded = parseMigrationRecord(json.toStdString());
        QCOMPARE(recorded.isOk(), isRecord);
        if (!recorded.isOk())
            return;
        QCOMPARE(recorded->layout.has_value(), hasLayout);
        QCOMPARE(int(recorded->tables.size()), tables);
        QCOMPARE(recorded->sourcePath, sourcePath);
    }
};

QTEST_GUILESS_MAIN(TestMigrationRecord)
#include "tst_migration_record.moc"
