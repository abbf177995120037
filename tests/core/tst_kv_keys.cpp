#include "format/kv_keys.h"
#include "source/source_tables.h"

#include <QTest>

#include <limits>

using namespace magellan;

class TestKvKeys : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void chunkKeys_data() {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<qint64>("start");
        QTest::addColumn<qint64>("end");
        QTest::addColumn<QByteArray>("key");
        QTest::newRow("plain") << QByteArray("src/a.rs") << 0LL << 10LL
                               << QByteArray("chunk:src/a.rs:0:10");
        QTest::newRow("windows") << QByteArray("C:\\x\\y.rs") << 5LL << 7LL
                                 << QByteArray("chunk:C::\\x\\y.rs:5:7");
        QTest::newRow("colons") << QByteArray("a:b::c") << 1LL << 2LL
                                << QByteArray("chunk:a::b::::c:1:2");
        QTest::newRow("trailing colon")
            << QByteArray("a:") << 1LL << 2LL << QByteArray("chunk:a:::1:2");
        QTest::newRow("leading colon")
            << QByteArray(":a") << 1LL << 2LL << QByteArray("chunk:::a:1:2");
        QTest::newRow("empty") << QByteArray("") << 1LL << 2LL << QByteArray("chunk::1:2");
        QTest::newRow("non-ascii")
            << QByteArray("src/日本/ü.rs") << 3LL << 4LL << QByteArray("chunk:src/日本/ü.rs:3:4");
        QTest::newRow("negative") << QByteArray("n") << -5LL << -1LL << QByteArray("chunk:n:-5:-1");
        QTest::newRow("extremes") << QByteArray("x") << std::numeric_limits<qint64>::min()
                                  << std::numeric_limits<qint64>::max()
                                  << QByteArray("chunk:x:-9223372036854775808:9223372036854775807");
    }
    void chunkKeys() {
        QFETCH(QByteArray, path);
        QFETCH(qint64, start);
        QFETCH(qint64, end);
        QFETCH(QByteArray, key);
        const std::string built = kvkey::chunk(path.toStdString(), start, end);
        QCOMPARE(QByteArray::fromStdString(built), key);
        const auto parsed = kvkey::parseChunk(built);
        QVERIFY(parsed.has_value());
        QCOMPARE(QByteArray::fromStdString(parsed->path), path);
        QCOMPARE(parsed->byteStart, start);
        QCOMPARE(parsed->byteEnd, end);
    }

    void malformedChunkKeysAreRefused_data() {
        QTest::addColumn<QByteArray>("key");
        QTest::newRow("other prefix") << QByteArray("ast:1:2");
        QTest::newRow("one offset") << QByteArray("chunk:a:1");
        QTest::newRow("no offsets") << QByteArray("chunk:a");
        QTest::newRow("text offset") << QByteArray("chunk:a:x:2");
        QTest::newRow("lone colon in path") << QByteArray("chunk:a:b:1:2");
        QTest::newRow("odd colons at end") << QByteArray("chunk:a::1:2");
        QTest::newRow("leading zero") << QByteArray("chunk:a:01:2");
        QTest::newRow("plus sign") << QByteArray("chunk:a:+1:2");
        QTest::newRow("minus zero") << QByteArray("chunk:a:-0:2");
        QTest::newRow("overflow") << QByteArray("chunk:a:1:9223372036854775808");
        QTest::newRow("empty offset") << QByteArray("chunk:a::2");
    }
    void malformedChunkKeysAreRefused() {
        QFETCH(QByteArray, key);
        QVERIFY(!kvkey::parseChunk(key.toStdString()).has_value());
    }

    void groupAndRejectKeys() {
        QCOMPARE(kvkey::group(keyPrefix(SourceTable::AstNodes, KeyLayout::Seed), 42), "ast:42");
        QCOMPARE(kvkey::group(keyPrefix(SourceTable::AstNodes, KeyLayout::Magellan), 42),
                 "ast:file:42");
        QCOMPARE(kvkey::group(keyPrefix(SourceTable::AstNodes, KeyLayout::Seed), std::nullopt),
                 "ast:null");
        QCOMPARE(kvkey::group(keyPrefix(SourceTable::AstNodes, KeyLayout::Magellan), std::nullopt),
                 "ast:file:null");
        QCOMPARE(kvkey::group(keyPrefix(SourceTable::CfgBlocks, KeyLayout::Seed), -7), "cfg:-7");
        QCOMPARE(kvkey::group(keyPrefix(SourceTable::CfgBlocks, KeyLayout::Magellan), 7),
                 "cfg:func:7");
        QCOMPARE(kvkey::reject("ast_nodes", 17), "reject:ast_nodes:17");
        QCOMPARE(keyPrefix(SourceTable::FileMetrics, KeyLayout::Seed), "metrics:file:");
        QCOMPARE(keyPrefix(SourceTable::SymbolMetrics, KeyLayout::Magellan), "metrics:symbol:");
        QCOMPARE(keyPrefix(SourceTable::ExecutionLog, KeyLayout::Seed), "execlog:");
    }

    void layoutNames() {
        QCOMPARE(parseKeyLayout(QStringLiteral("seed")), KeyLayout::Seed);
        QCOMPARE(parseKeyLayout(QStringLiteral("magellan")), KeyLayout::Magellan);
        QVERIFY(!parseKeyLayout(QStringLiteral("Seed")).has_value());
        QCOMPARE(keyLayoutName(KeyLayout::Magellan), QStringLiteral("magellan"));
    }

    void tableNamesAndAliases() {
        QCOMPARE(findTableDefinition(QStringLiteral("ast"))->table, SourceTable::AstNodes);
        QCOMPARE(findTableDefinition(QStringLiteral("code_chunks"))->table,
                 SourceTable::CodeChunks);
        QCOMPARE(findTableDefinition(QStringLiteral("symbol_metrics"))->table,
                 SourceTable::SymbolMetrics);
        QVERIFY(findTableDefinition(QStringLiteral("graph_entities")) == nullptr);
    }
};

QTEST_GUILESS_MAIN(TestKvKeys)
#include "tst_kv_keys.moc"
