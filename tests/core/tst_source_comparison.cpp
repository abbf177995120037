#include "fixture_generator.h"
#include "migrate/migration.h"
#include "sample_sources.h"
#include "browse/source_comparison.h"
#include "test_database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace magellan;

class TestSourceComparison : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_source = m_dir.filePath(QStringLiteral("code.db"));
        QCOMPARE(test::generateSource(m_source, 6000, true), QString());
        QCOMPARE(test::createDatabase(
                     m_source, QStringLiteral(
                                   "INSERT INTO ast_nodes(id, parent_id, kind, byte_start, "
                                   "byte_end, file_id) VALUES (9000000, NULL, 'odd', 'x', 1, 1);")),
                 QString());
        m_store = m_dir.filePath(QStringLiteral("code.kv"));
        MigrationOptions options;
        options.tables = {SourceTable::CodeChunks,    SourceTable::AstNodes,
                          SourceTable::CfgBlocks,     SourceTable::FileMetrics,
                          SourceTable::SymbolMetrics, SourceTable::ExecutionLog};
        const MigrationOutcome outcome = migrateDatabase(m_source, m_store, options, nullptr);
        QVERIFY2(outcome.status.isOk(), qPrintable(outcome.status.message()));
        m_entries = test::readStore(m_store);
    }

    void everyKindOfKeyMatchesItsSource() {
        auto source = SourceDatabase::open(m_source, 1000);
        QVERIFY(source.isOk());
        const SourceInfo info = source.value()->inspectColumns().value();
        int compared = 0;
        for (const auto &[key, value] : m_entries) {
            const auto comparison =
                compareWithSource(*source.value(), info, KeyLayout::Seed, key, value);
            QVERIFY2(comparison.isOk(), qPrintable(comparison.status().message()));
            if (key == "meta:migration") {
                QVERIFY(comparison->records.empty());
                QVERIFY(!comparison->note.isEmpty());
                continue;
            }
            QVERIFY2(comparison->allMatch(), key.c_str());
            ++compared;
        }
        QCOMPARE(compared, static_cast<int>(m_entries.size()) - 1);
        QVERIFY(m_entries.count("reject:ast_nodes:9000000"));
    }

    void aTamperedRecordIsMarked() {
        auto source = SourceDatabase::open(m_source, 1000);
        const SourceInfo info = source.value()->inspectColumns().value();
        const std::string key = "ast:1";
        auto nodes = nlohmann::ordered_json::parse(m_entries.at(key));
        QVERIFY(nodes.size() > 2);
        nodes[1]["kind"] = "tampered";
        const qint64 droppedId = nodes.back()["id"].get<qint64>();
        nodes.erase(nodes.size() - 1);
        const auto comparison =
            compareWithSource(*source.value(), info, KeyLayout::Seed, key, nodes.dump());
        QVERIFY(comparison.isOk());
        QVERIFY(!comparison->allMatch());
        QCOMPARE(comparison->matching(), static_cast<int>(nodes.size()) - 1);
        QVERIFY(!comparison->records[1].matches);
        QVERIFY(!comparison->records[1].source.empty() && !comparison->records[1].store.empty());
        const RecordComparison &missing = comparison->records.back();
        QCOMPARE(missing.label, QStringLiteral("id %1").arg(droppedId));
        QVERIFY(missing.store.empty());
        QVERIFY(!missing.matches);

        std::string chunk = m_entries.lower_bound("chunk:")->second;
        const auto tamperedChunk =
            compareWithSource(*source.value(), info, KeyLayout::Seed,
                              m_entries.lower_bound("chunk:")->first, chunk + " ");
        QVERIFY(
            tamperedChunk->allMatch()); // whitespace is not a difference: records are re-encoded
        chunk.replace(chunk.find("\"id\":"), 5, "\"id\":9");
        QVERIFY(!compareWithSource(*source.value(), info, KeyLayout::Seed,
                                   m_entries.lower_bound("chunk:")->first, chunk)
                     ->allMatch());
    }

    void filePathsComeFromGraphEntities() {
        auto source = SourceDatabase::open(m_source, 1000);
        QVERIFY(sourceFilePath(*source.value(), 1).has_value());
        QVERIFY(!sourceFilePath(*source.value(), -42).has_value());
        QTemporaryDir dir;
        const QString bare = dir.filePath(QStringLiteral("bare.db"));
        QCOMPARE(test::createDatabase(bare, test::sampleSourceSql(50)), QString());
        auto withoutGraph = SourceDatabase::open(bare, 1000);
        QVERIFY(!sourceFilePath(*withoutGraph.value(), 1).has_value()); // no graph_entities table
    }

    void layoutIsDetected() {
        auto seed = KvStore::open(m_store, KvStore::Mode::ReadOnly);
        QCOMPARE(detectKeyLayout(*seed.value()), KeyLayout::Seed);
        const QString magellan = m_dir.filePath(QStringLiteral("magellan.kv"));
        MigrationOptions options;
        options.layout = KeyLayout::Magellan;
        QVERIFY(migrateDatabase(m_source, magellan, options, nullptr).status.isOk());
        auto store = KvStore::open(magellan, KvStore::Mode::ReadOnly);
        QCOMPARE(detectKeyLayout(*store.value()), KeyLayout::Magellan);
        auto source = SourceDatabase::open(m_source, 1000);
        const SourceInfo info = source.value()->inspectColumns().value();
        const auto entries = test::readStore(magellan);
        const auto group = entries.lower_bound("cfg:func:");
        QVERIFY(compareWithSource(*source.value(), info, KeyLayout::Magellan, group->first,
                                  group->second)
                    ->allMatch());
    }

private:
    QTemporaryDir m_dir;
    QString m_source;
    QString m_store;
    std::map<std::string, std::string> m_entries;
};

QTEST_GUILESS_MAIN(TestSourceComparison)
#include "tst_source_comparison.moc"
