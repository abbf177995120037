#include "format/key_codec.h"
#include "format/source_tables.h"

#include <QTest>

#include <limits>

using namespace magellan;

class TestKeyCodec : public QObject {
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
        QCOMPARE(
            kvkey::group(std::string(kvkey::prefix(SourceTable::AstNodes, KeyLayout::Seed)), 42),
            "ast:42");
        QCOMPARE(kvkey::group(
                     std::string(kvkey::prefix(SourceTable::AstNodes, KeyLayout::Magellan)), 42),
                 "ast:file:42");
        QCOMPARE(kvkey::group(std::string(kvkey::prefix(SourceTable::AstNodes, KeyLayout::Seed)),
                              std::nullopt),
                 "ast:null");
        QCOMPARE(
            kvkey::group(std::string(kvkey::prefix(SourceTable::AstNodes, KeyLayout::Magellan)),
                         std::nullopt),
            "ast:file:null");
        QCOMPARE(
            kvkey::group(std::string(kvkey::prefix(SourceTable::CfgBlocks, KeyLayout::Seed)), -7),
            "cfg:-7");
        QCOMPARE(kvkey::group(
                     std::string(kvkey::prefix(SourceTable::CfgBlocks, KeyLayout::Magellan)), 7),
                 "cfg:func:7");
        QCOMPARE(kvkey::reject("ast_nodes", 17), "reject:ast_nodes:17");
        QCOMPARE(std::string(kvkey::prefix(SourceTable::FileMetrics, KeyLayout::Seed)),
                 "metrics:file:");
        QCOMPARE(std::string(kvkey::prefix(SourceTable::SymbolMetrics, KeyLayout::Magellan)),
                 "metrics:symbol:");
        QCOMPARE(std::string(kvkey::prefix(SourceTable::ExecutionLog, KeyLayout::Seed)),
                 "execlog:");
    }

    void keysTakenApart_data() {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QString>("layout");
        QTest::addColumn<int>("table");     // SourceTable, or -1: no source row behind it
        QTest::addColumn<QString>("where"); // the filter's condition
        QTest::addColumn<QString>("param"); // its first parameter, as text ("" for none)
        const auto ast = int(SourceTable::AstNodes);
        const auto cfg = int(SourceTable::CfgBlocks);
        QTest::newRow("chunk") << QByteArray("chunk:a::b:1:2") << "seed"
                               << int(SourceTable::CodeChunks)
                               << "file_path = ?1 AND byte_start = ?2 AND byte_end = ?3"
                               << "a:b";
        QTest::newRow("ast seed") << QByteArray("ast:42") << "seed" << ast << "\"file_id\" = ?1"
                                  << "42";
        QTest::newRow("ast null") << QByteArray("ast:null") << "seed" << ast
                                  << "\"file_id\" IS NULL"
                                  << "";
        QTest::newRow("ast magellan")
            << QByteArray("ast:file:-7") << "magellan" << ast << "\"file_id\" = ?1"
            << "-7";
        QTest::newRow("cfg magellan")
            << QByteArray("cfg:func:3") << "magellan" << cfg << "\"function_id\" = ?1"
            << "3";
        QTest::newRow("cfg null") << QByteArray("cfg:null") << "seed" << cfg
                                  << "\"function_id\" IS NULL"
                                  << "";
        QTest::newRow("reject") << QByteArray("reject:cfg_blocks:9") << "seed" << cfg
                                << "rowid = ?1"
                                << "9";
        QTest::newRow("execlog") << QByteArray("execlog:run-1") << "seed"
                                 << int(SourceTable::ExecutionLog)
                                 << "CAST(execution_id AS TEXT) = ?1"
                                 << "run-1";
        QTest::newRow("file metrics") << QByteArray("metrics:file:a::b.rs") << "magellan"
                                      << int(SourceTable::FileMetrics) << "file_path = ?1"
                                      << "a:b.rs";
        QTest::newRow("symbol metrics")
            << QByteArray("metrics:symbol:5") << "seed" << int(SourceTable::SymbolMetrics)
            << "CAST(symbol_id AS TEXT) = ?1"
            << "5";
        for (const char *key :
             {"meta:migration", "ast:007", "ast:x", "ast:file:7", "reject:nope:1", "reject:ast:1",
              "reject:ast_nodes:x", "metrics:file:a:b", "stray", "chunk:a:b:1:2"})
            QTest::addRow("none: %s", key) << QByteArray(key) << "seed" << -1 << ""
                                           << "";
        QTest::newRow("none: seed key, magellan layout")
            << QByteArray("ast:5") << "magellan" << -1 << ""
            << "";
    }
    void keysTakenApart() {
        QFETCH(QByteArray, key);
        QFETCH(QString, layout);
        QFETCH(int, table);
        QFETCH(QString, where);
        QFETCH(QString, param);
        const auto origin = kvkey::parseKey(key.toStdString(), *parseKeyLayout(layout));
        QCOMPARE(origin.has_value(), table >= 0);
        if (!origin)
            return;
        QCOMPARE(int(origin->table), table);
        const auto filter = origin->rowFilter(QStringLiteral("rowid"), true);
        QVERIFY(filter.has_value());
        QCOMPARE(filter->where, where);
        QString first;
        if (!filter->params.empty()) {
            if (const auto *integer = std::get_if<std::int64_t>(&filter->params[0]))
                first = QString::number(*integer);
            else if (const auto *text = std::get_if<std::string>(&filter->params[0]))
                first = QString::fromStdString(*text);
        }
        QCOMPARE(first, param);
    }

    // What the writer spells parses back to the rows it came from, in both layouts.
    void everyWrittenKeyParsesBack() {
        for (const KeyLayout layout : {KeyLayout::Seed, KeyLayout::Magellan}) {
            for (const SourceTable table : {SourceTable::AstNodes, SourceTable::CfgBlocks})
                for (const std::optional<std::int64_t> id :
                     {std::optional<std::int64_t>(0), std::optional<std::int64_t>(-12),
                      std::optional<std::int64_t>(std::numeric_limits<std::int64_t>::max()),
                      std::optional<std::int64_t>()}) {
                    const std::string key = kvkey::group(kvkey::prefix(table, layout), id);
                    const auto origin = kvkey::parseKey(key, layout);
                    QVERIFY2(origin && origin->table == table && origin->groupId == id,
                             key.c_str());
                    QCOMPARE(kvkey::namespaceOf(key), std::optional(table));
                }
            const std::string reject = kvkey::reject("symbol_metrics", -4);
            const auto origin = kvkey::parseKey(reject, layout);
            QVERIFY(origin && origin->table == SourceTable::SymbolMetrics && origin->rowid == -4);
            QCOMPARE(origin->rowFilter(QStringLiteral("_rowid_"), true)->where,
                     QStringLiteral("_rowid_ = ?1"));
        }
    }

    // ast_nodes of schema 5 has no file_id: every row is in the NULL group, no filter.
    void groupWithoutItsColumnIsEveryRow() {
        const auto origin = kvkey::parseKey("ast:null", KeyLayout::Seed);
        QVERIFY(origin.has_value());
        QVERIFY(!origin->rowFilter(QStringLiteral("rowid"), false).has_value());
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

QTEST_GUILESS_MAIN(TestKeyCodec)
#include "tst_key_codec.moc"
