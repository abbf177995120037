#include "fixture_generator.h"
#include "migrate/migration.h"
#include "test_database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace magellan;

namespace {

// The fields the contract puts in a cfg block for a source of `version` made with `seed`.
std::vector<std::string> expectedCfgFields(int version, unsigned long long seed) {
    std::vector<std::string> fields{"id",         "function_id", "kind",       "terminator",
                                    "byte_start", "byte_end",    "start_line", "start_col",
                                    "end_line",   "end_col"};
    if (version >= 8)
        fields.push_back("cfg_hash");
    if (version >= 9)
        fields.push_back("statements");
    if (version >= 10 && version <= 20 && seed % 2 == 1)
        for (const char *coord : {"coord_x", "coord_y", "coord_z", "coord_t"})
            fields.push_back(coord);
    if (version >= 16)
        fields.push_back("cfg_condition");
    return fields;
}

} // namespace

class TestSchemaVersions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyVersionMigratesAndVerifies_data() {
        QTest::addColumn<int>("version");
        QTest::addColumn<bool>("wal");
        for (int version = 5; version <= 21; ++version)
            QTest::addRow("v%d", version) << version << false;
        QTest::newRow("v21 wal") << 21 << true;
    }
    void everyVersionMigratesAndVerifies() {
        QFETCH(int, version);
        QFETCH(bool, wal);
        QTemporaryDir dir;
        const QString source = dir.filePath(QStringLiteral("code.db"));
        fixture::FixtureSpec spec;
        spec.schemaVersion = version;
        spec.totalRows = 4000;
        spec.seed = static_cast<unsigned long long>(version); // odd versions get the coord columns
        spec.walMode = wal;
        fixture::FixtureSummary summary;
        QCOMPARE(
            QString::fromStdString(fixture::generateFixture(source.toStdString(), spec, &summary)),
            QString());

        const QString store = dir.filePath(QStringLiteral("code.kv"));
        const MigrationOutcome outcome = migrateDatabase(source, store, {}, nullptr);
        QVERIFY2(outcome.status.isOk(), qPrintable(outcome.status.message()));
        QCOMPARE(outcome.report.source.schemaVersion, version);
        QCOMPARE(outcome.report.rejectedRows(), 0);
        const TableReport &chunks = outcome.report.tables[0];
        const TableReport &ast = outcome.report.tables[1];
        const TableReport &cfg = outcome.report.tables[2];
        QCOMPARE(chunks.store.records, summary.chunks);
        QCOMPARE(ast.store.records, summary.astNodes);
        QCOMPARE(ast.store.keys, summary.astFiles + (summary.nullFileAstNodes > 0 ? 1 : 0));
        QCOMPARE(cfg.store.records, summary.cfgBlocks);

        const auto entries = test::readStore(store);
        if (version == 5) // no file_id column: every node in the NULL group
            QCOMPARE(nlohmann::json::parse(entries.at("ast:null")).size(),
                     size_t(summary.astNodes));
        const auto firstCfg = entries.lower_bound("cfg:");
        QVERIFY(firstCfg != entries.end() && firstCfg->first.starts_with("cfg:"));
        const auto block = nlohmann::ordered_json::parse(firstCfg->second).at(0);
        std::vector<std::string> fields;
        for (const auto &item : block.items())
            fields.push_back(item.key());
        QCOMPARE(fields, expectedCfgFields(version, spec.seed));
        if (version >= 9)
            QVERIFY(block["statements"].is_string()); // stays the string it was in SQLite
        QVERIFY(verifyStore(source, store, {}, nullptr).status.isOk());
    }
};

QTEST_GUILESS_MAIN(TestSchemaVersions)
#include "tst_schema_versions.moc"
