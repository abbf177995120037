#include "format/json_writer.h"
#include "migrate/table_scanner.h"
#include "source/source_database.h"
#include "test_database.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <set>

using namespace magellan;
using magellan::test::CapturingSink;

namespace {

// A small source whose rows each exercise one rule of kv-format.md.
const char *const fixtureSql = R"sql(
CREATE TABLE code_chunks(id INTEGER PRIMARY KEY, file_path TEXT, byte_start INTEGER, byte_end INTEGER,
  content TEXT, content_hash TEXT, symbol_name TEXT, symbol_kind TEXT, created_at INTEGER);
INSERT INTO code_chunks VALUES
  (1, 'src/a.rs', 0, 12, 'fn main() {}', 'h1', 'main', 'fn', 1700000000),
  (2, 'C:\win\b.rs', -5, 9223372036854775807, 'é 日本', 'h2', NULL, NULL, '2024-01-01'),
  (3, 'src/a.rs', 0, 12, 'a duplicate span', 'h3', 'main', 'fn', 1),
  (4, 'src/c.rs', 'seven', 9, 'x', 'h4', NULL, NULL, 1),
  (5, NULL, 0, 1, 'no path', 'h5', NULL, NULL, 1),
  (6, 'src/blob.rs', 1, 2, X'FF00616263', 'h6', NULL, NULL, 1),
  (7, 'src/bad.rs', 1, 2, CAST(X'61FE62' AS TEXT), 'h7', NULL, NULL, 1),
  (8, CAST(X'C3' AS TEXT), 1, 2, 'path not utf-8', 'h8', NULL, NULL, 1),
  (9, 'src/real.rs', 2.5, 3, 'real offset', 'h9', NULL, NULL, 1),
  (10, 'src/inf.rs', 1, 2, 'infinite', 'h10', NULL, NULL, 1e999);

CREATE TABLE ast_nodes(id INTEGER PRIMARY KEY, parent_id INTEGER, kind TEXT, byte_start INTEGER,
  byte_end INTEGER, file_id INTEGER);
INSERT INTO ast_nodes VALUES
  (1, NULL, 'source_file', 0, 100, 7),
  (2, 1, 'function_item', 0, 50, 7),
  (3, NULL, 'orphan', 1, 2, NULL),
  (4, NULL, NULL, 1, 2, 7),
  (5, NULL, 'text file id', 1, 2, 'seven'),
  (6, NULL, 'root', 0, 9, -3),
  (7, NULL, 'second orphan', 3, 4, NULL);

CREATE TABLE cfg_blocks(id INTEGER PRIMARY KEY, function_id INTEGER, kind TEXT, terminator TEXT,
  byte_start INTEGER, byte_end INTEGER, start_line INTEGER, start_col INTEGER, end_line INTEGER,
  end_col INTEGER, cfg_hash TEXT, statements TEXT, coord_x REAL, cfg_condition TEXT, extra TEXT);
INSERT INTO cfg_blocks VALUES
  (1, 5, 'entry', 'goto', 0, 1, 1, 0, 1, 5, 'abc', '["let x = 1;","f(x)"]', 0.1, NULL, 'e'),
  (2, 5, 'exit', 'return', 1, 2, 2, 0, 2, 5, 'def', '[]', 1.0, 'x > 0', NULL),
  (3, NULL, 'entry', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);

CREATE TABLE file_metrics(file_path TEXT, loc INTEGER);
INSERT INTO file_metrics VALUES ('a:b.rs', 10), ('a:b.rs', 11);
CREATE TABLE execution_log(id INTEGER PRIMARY KEY, execution_id TEXT, outcome TEXT);
INSERT INTO execution_log VALUES (1, 'run-1', 'ok'), (2, '5', 'ok');
CREATE TABLE symbol_metrics(symbol_id INTEGER, loc INTEGER);
INSERT INTO symbol_metrics VALUES (5, 1), ('5', 2);
)sql";

// Rows enough to fill several batches: one AST group of 5000 nodes with rejects inside it, chunk
// texts larger than a batch's byte budget, and cfg groups across batch boundaries.
const char *const batchSpanningSql =
    "CREATE TABLE code_chunks(id INTEGER PRIMARY KEY, file_path TEXT, byte_start INTEGER,"
    "  byte_end INTEGER, content TEXT, content_hash TEXT, symbol_name TEXT, symbol_kind TEXT,"
    "  created_at INTEGER);"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)"
    "INSERT INTO code_chunks SELECT i, 'src/f' || (i % 40) || '.rs', i, i + 10,"
    "  CASE WHEN i % 1000 = 0 THEN printf('%.*c', 1500000, 'x')"
    "       WHEN i % 777 = 0 THEN CAST(X'41FF42' AS TEXT) ELSE 'fn f' || i || '() {}' END,"
    "  'h' || i, 'f' || i, 'fn', 1700000000 + i FROM n;"
    "INSERT INTO code_chunks VALUES (3001, 'src/f1.rs', 1, 11, 'duplicate span', 'h', NULL,"
    "  NULL, 1);"
    "CREATE TABLE ast_nodes(id INTEGER PRIMARY KEY, parent_id INTEGER, kind TEXT,"
    "  byte_start INTEGER, byte_end INTEGER, file_id INTEGER);"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 9000)"
    "INSERT INTO ast_nodes SELECT i, NULLIF(i - 1, 0), CASE WHEN i % 1500 = 0 THEN NULL"
    "  ELSE 'kind' || (i % 7) END, i, i + 1,"
    "  CASE WHEN i <= 5000 THEN 1 WHEN i % 9 = 0 THEN NULL ELSE 2 + i % 50 END FROM n;"
    "CREATE TABLE cfg_blocks(id INTEGER PRIMARY KEY, function_id INTEGER, kind TEXT,"
    "  terminator TEXT, byte_start INTEGER, byte_end INTEGER, start_line INTEGER,"
    "  start_col INTEGER, end_line INTEGER, end_col INTEGER, statements TEXT, coord_x REAL);"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000)"
    "INSERT INTO cfg_blocks SELECT i, CASE WHEN i % 999 = 0 THEN 'f' ELSE i / 700 END, 'block', "
    "'goto', i, i + 1, i, 0, i, 4,"
    "  '[\"s' || i || '\"]', CASE WHEN i % 999 = 0 THEN 'left' ELSE i / 3.0 END FROM n;";

// AST rows in storage order as an indexer writes them, for the storage-order scan: three files
// interleaved in bursts of ten with orphans (NULL file) among them, a reject and a value to
// repair inside the groups; then 200 one-row files (more than the scanner keeps open), file 2
// again (in pieces: read again by key), and a file whose ids fall (id is not the rowid here).
const char *const storageOrderSql =
    "CREATE TABLE ast_nodes(id INTEGER, parent_id INTEGER, kind TEXT, byte_start INTEGER,"
    "  byte_end INTEGER, file_id INTEGER);"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000)"
    "INSERT INTO ast_nodes SELECT i, NULLIF(i - 1, 0),"
    "  CASE WHEN i % 1000 = 0 THEN NULL WHEN i % 1234 = 0 THEN CAST(X'41FF' AS TEXT)"
    "       ELSE 'kind' || (i % 7) END, i, i + 1,"
    "  CASE WHEN i % 97 = 0 THEN NULL ELSE 1 + (i / 10) % 3 END FROM n;"
    "WITH RECURSIVE n(i) AS (SELECT 6001 UNION ALL SELECT i + 1 FROM n WHERE i < 6200)"
    "INSERT INTO ast_nodes SELECT i, NULL, 'one', i, i, 100 + i FROM n;"
    "WITH RECURSIVE n(i) AS (SELECT 6201 UNION ALL SELECT i + 1 FROM n WHERE i < 6210)"
    "INSERT INTO ast_nodes SELECT i, NULL, 'late', i, i, 2 FROM n;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30)"
    "INSERT INTO ast_nodes SELECT 9000 - i, NULL, 'falling', i, i, 77 FROM n;"
    "INSERT INTO ast_nodes VALUES (9500, NULL, 'orphan at the end', 1, 2, NULL);";

// Too scattered for storage order: 80,000 rows dealt round-robin over 300 files.
const char *const scatteredSql =
    "CREATE TABLE ast_nodes(id INTEGER PRIMARY KEY, parent_id INTEGER, kind TEXT,"
    "  byte_start INTEGER, byte_end INTEGER, file_id INTEGER);"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 80000)"
    "INSERT INTO ast_nodes SELECT i, NULL, 'k', i, i + 1, i % 300 FROM n;";

// Keeps every entry a scan sends, in the order it sent them.
class OrderedSink final : public KvSink {
public:
    Status put(std::string_view key, std::string_view value) override {
        entries.emplace_back(std::string(key), std::string(value));
        return Status::ok();
    }
    std::vector<std::pair<std::string, std::string>> entries;
};

// Fails every put after the first `accepted`.
// Keeps the keys put and the size of the largest group value, and says it takes no values.
class KeysOnlySink final : public KvSink {
public:
    Status put(std::string_view key, std::string_view value) override {
        keys.insert(std::string(key));
        if (!key.starts_with("reject:"))
            largestGroupValue = std::max(largestGroupValue, value.size());
        return Status::ok();
    }
    bool takesValues() const override { return false; }

    std::set<std::string> keys;
    size_t largestGroupValue = 0;
};

class FailingSink final : public KvSink {
public:
    explicit FailingSink(int accepted) : m_accepted(accepted) {}
    Status put(std::string_view, std::string_view) override {
        if (puts >= m_accepted)
            return Status::ioError(QStringLiteral("disk on fire"));
        ++puts;
        return Status::ok();
    }
    int puts = 0;

private:
    int m_accepted;
};

// Asks to cancel once the scan has reported progress past its start.
class CancellingObserver final : public ProgressObserver {
public:
    void tableProgress(MigrationPhase, SourceTable, qint64 done, qint64) override {
        if (done > 0)
            ++updates;
    }
    bool isCancelRequested() const override { return updates > 0; }
    int updates = 0;
};

} // namespace

class TestTableScanner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("fixture.db"));
        QCOMPARE(test::createDatabase(m_path, QString::fromUtf8(fixtureSql)), QString());
    }

    void chunkValuesFollowTheContract() {
        const auto result = scan(SourceTable::CodeChunks, KeyLayout::Seed);
        const auto &entries = m_sink.entries;
        QCOMPARE(
            entries.at("chunk:src/a.rs:0:12"),
            R"j({"id":1,"file_path":"src/a.rs","byte_start":0,"byte_end":12,"content":"fn main() {}","content_hash":"h1","symbol_name":"main","symbol_kind":"fn","created_at":1700000000})j");
        // Escaped path, negative and extreme offsets, non-ASCII, a TEXT created_at kept as text.
        QCOMPARE(
            entries.at("chunk:C::\\win\\b.rs:-5:9223372036854775807"),
            R"j({"id":2,"file_path":"C:\\win\\b.rs","byte_start":-5,"byte_end":9223372036854775807,"content":"é 日本","content_hash":"h2","symbol_name":null,"symbol_kind":null,"created_at":"2024-01-01"})j");
        // A BLOB: the string decoded with U+FFFD per bad byte, and the exact bytes beside it.
        QCOMPARE(
            entries.at("chunk:src/blob.rs:1:2"),
            "{\"id\":6,\"file_path\":\"src/blob.rs\",\"byte_start\":1,\"byte_end\":2,"
            "\"content\":\"\xEF\xBF\xBD\\u0000abc\",\"content_base64\":\"/wBhYmM=\","
            "\"content_hash\":\"h6\",\"symbol_name\":null,\"symbol_kind\":null,\"created_at\":1}");
        // TEXT that is not UTF-8: same treatment.
        QCOMPARE(
            entries.at("chunk:src/bad.rs:1:2"),
            "{\"id\":7,\"file_path\":\"src/bad.rs\",\"byte_start\":1,\"byte_end\":2,"
            "\"content\":\"a\xEF\xBF\xBD"
            "b\",\"content_base64\":\"Yf5i\","
            "\"content_hash\":\"h7\",\"symbol_name\":null,\"symbol_kind\":null,\"created_at\":1}");
        QCOMPARE(result.keysWritten, 4);
        QCOMPARE(result.recordsCarried, 4);
        QCOMPARE(result.repairedValues, 3); // blob, bad text, and the bad path in its reject
        QCOMPARE(result.rowsRead, 10);
        QCOMPARE(result.rejectedRows, 6);
    }

    void chunkRejectsNameRowidColumnAndReason() {
        const auto result = scan(SourceTable::CodeChunks, KeyLayout::Seed);
        const auto &entries = m_sink.entries;
        QCOMPARE(
            entries.at("reject:code_chunks:3"),
            R"j({"reason":"duplicate key chunk:src/a.rs:0:12: already taken by row 1","column":"file_path,byte_start,byte_end","row":{"id":3,"file_path":"src/a.rs","byte_start":0,"byte_end":12,"content":"a duplicate span","content_hash":"h3","symbol_name":"main","symbol_kind":"fn","created_at":1}})j");
        QCOMPARE(
            entries.at("reject:code_chunks:4"),
            R"j({"reason":"byte_start holds TEXT, expected INTEGER","column":"byte_start","row":{"id":4,"file_path":"src/c.rs","byte_start":"seven","byte_end":9,"content":"x","content_hash":"h4","symbol_name":null,"symbol_kind":null,"created_at":1}})j");
        QVERIFY(
            entries.at("reject:code_chunks:5")
                .starts_with(
                    R"j({"reason":"NULL in required column file_path","column":"file_path",)j"));
        QVERIFY(
            entries.at("reject:code_chunks:8")
                .starts_with(
                    R"j({"reason":"file_path is not valid UTF-8, and it is part of the key","column":"file_path",)j"));
        QVERIFY(entries.at("reject:code_chunks:8").find(R"j("file_path_base64":"ww==")j") !=
                std::string::npos);
        QVERIFY(
            entries.at("reject:code_chunks:9")
                .starts_with(
                    R"j({"reason":"byte_start holds REAL, expected INTEGER","column":"byte_start","row":{"id":9,"file_path":"src/real.rs","byte_start":2.5,)j"));
        QVERIFY(entries.at("reject:code_chunks:10").find(R"j("created_at":"Infinity")j") !=
                std::string::npos);
        QList<qint64> rowids;
        for (const RejectedRow &rejected : result.rejects)
            rowids << rejected.rowid;
        std::sort(rowids.begin(), rowids.end());
        QCOMPARE(rowids, QList<qint64>({3, 4, 5, 8, 9, 10}));
        // source rows = carried rows + rejected rows
        QCOMPARE(result.recordsCarried + result.rejectedRows, result.rowsRead);
    }

    void astGroupsIncludingNull() {
        const auto result = scan(SourceTable::AstNodes, KeyLayout::Seed);
        const auto &entries = m_sink.entries;
        QCOMPARE(
            entries.at("ast:7"),
            R"j([{"id":1,"parent_id":null,"kind":"source_file","byte_start":0,"byte_end":100},{"id":2,"parent_id":1,"kind":"function_item","byte_start":0,"byte_end":50}])j");
        QCOMPARE(
            entries.at("ast:null"),
            R"j([{"id":3,"parent_id":null,"kind":"orphan","byte_start":1,"byte_end":2},{"id":7,"parent_id":null,"kind":"second orphan","byte_start":3,"byte_end":4}])j");
        QCOMPARE(entries.at("ast:-3"),
                 R"j([{"id":6,"parent_id":null,"kind":"root","byte_start":0,"byte_end":9}])j");
        QVERIFY(entries.at("reject:ast_nodes:4")
                    .starts_with(R"j({"reason":"NULL in required column kind")j"));
        QVERIFY(entries.at("reject:ast_nodes:5")
                    .starts_with(R"j({"reason":"file_id holds TEXT, expected INTEGER")j"));
        QCOMPARE(result.keysWritten, 3);
        QCOMPARE(result.recordsCarried, 5);
        QCOMPARE(result.rejectedRows, 2);
    }

    void magellanLayoutKeys() {
        scan(SourceTable::AstNodes, KeyLayout::Magellan);
        QVERIFY(m_sink.entries.count("ast:file:7"));
        QVERIFY(m_sink.entries.count("ast:file:null"));
        scan(SourceTable::CfgBlocks, KeyLayout::Magellan);
        QVERIFY(m_sink.entries.count("cfg:func:5"));
        QVERIFY(m_sink.entries.count("cfg:func:null"));
    }

    void cfgCarriesEveryColumn() {
        const auto result = scan(SourceTable::CfgBlocks, KeyLayout::Seed);
        QCOMPARE(m_sink.entries.at("cfg:5"),
                 "[{\"id\":1,\"function_id\":5,\"kind\":\"entry\",\"terminator\":\"goto\",\"byte_"
                 "start\":0,\"byte_end\":1,\"start_line\":1,\"start_col\":0,\"end_line\":1,\"end_"
                 "col\":5,\"cfg_hash\":\"abc\",\"statements\":\"[\\\"let x = "
                 "1;\\\",\\\"f(x)\\\"]\",\"coord_x\":0.1,\"cfg_condition\":null,\"extra\":\"e\"},{"
                 "\"id\":2,\"function_id\":5,\"kind\":\"exit\",\"terminator\":\"return\",\"byte_"
                 "start\":1,\"byte_end\":2,\"start_line\":2,\"start_col\":0,\"end_line\":2,\"end_"
                 "col\":5,\"cfg_hash\":\"def\",\"statements\":\"[]\",\"coord_x\":1.0,\"cfg_"
                 "condition\":\"x > 0\",\"extra\":null}]");
        QVERIFY(m_sink.entries.count("cfg:null"));
        QCOMPARE(result.rejectedRows, 0);
    }

    void optionalTablesKeysAndDuplicates() {
        scan(SourceTable::FileMetrics, KeyLayout::Seed);
        QCOMPARE(m_sink.entries.at("metrics:file:a::b.rs"), R"j({"file_path":"a:b.rs","loc":10})j");
        QVERIFY(m_sink.entries.at("reject:file_metrics:2")
                    .starts_with("{\"reason\":\"duplicate key metrics:file:a::b.rs"));
        scan(SourceTable::ExecutionLog, KeyLayout::Seed);
        QCOMPARE(m_sink.entries.at("execlog:run-1"),
                 R"j({"id":1,"execution_id":"run-1","outcome":"ok"})j");
        QVERIFY(m_sink.entries.count("execlog:5"));
        // 5 and '5' name the same key: the later row is the duplicate.
        const auto result = scan(SourceTable::SymbolMetrics, KeyLayout::Seed);
        QCOMPARE(m_sink.entries.at("metrics:symbol:5"), R"j({"symbol_id":5,"loc":1})j");
        QVERIFY(m_sink.entries.count("reject:symbol_metrics:2"));
        QCOMPARE(result.rejectedRows, 1);
    }

    void v5AstWithoutFileIdGoesUnderNull() {
        const QString path = m_dir.filePath(QStringLiteral("v5.db"));
        QCOMPARE(
            test::createDatabase(
                path, QStringLiteral(
                          "CREATE TABLE ast_nodes(id INTEGER PRIMARY KEY, parent_id INTEGER, kind "
                          "TEXT NOT NULL,"
                          " byte_start INTEGER NOT NULL, byte_end INTEGER NOT NULL);"
                          "INSERT INTO ast_nodes VALUES (2, 1, 'b', 1, 2), (1, NULL, 'a', 0, 3);")),
            QString());
        auto source = SourceDatabase::open(path, 1000);
        QVERIFY2(source.isOk(), qPrintable(source.status().message()));
        auto info = source.value()->inspect(true);
        QVERIFY(info.isOk());
        QCOMPARE(info->table(SourceTable::AstNodes).groups, 1);
        CapturingSink sink;
        TableScanner scanner(*source.value(), info->table(SourceTable::AstNodes), KeyLayout::Seed);
        auto result = scanner.run(sink, nullptr);
        QVERIFY(result.isOk());
        QCOMPARE(sink.entries.size(), size_t(1));
        QCOMPARE(
            sink.entries.at("ast:null"),
            R"j([{"id":1,"parent_id":null,"kind":"a","byte_start":0,"byte_end":3},{"id":2,"parent_id":1,"kind":"b","byte_start":1,"byte_end":2}])j");
    }

    void aRowFilterScansOnlyThoseRows() {
        auto source = SourceDatabase::open(m_path, 1000);
        auto info = source.value()->inspect(false);
        TableScanner scanner(*source.value(), info->table(SourceTable::AstNodes), KeyLayout::Seed);
        scanner.setRowFilter({QStringLiteral("file_id = ?1"), {std::int64_t(7)}});
        CapturingSink sink;
        const auto result = scanner.run(sink, nullptr);
        QVERIFY(result.isOk());
        QCOMPARE(result->rowsRead, 3); // rows 1, 2 and 4 (a reject)
        QCOMPARE(sink.entries.size(), size_t(2));
        QVERIFY(sink.entries.count("ast:7") && sink.entries.count("reject:ast_nodes:4"));
        TableScanner byPath(*source.value(), info->table(SourceTable::CodeChunks), KeyLayout::Seed);
        byPath.setRowFilter({QStringLiteral("file_path = ?1"), {std::string("src/a.rs")}});
        CapturingSink chunks;
        QCOMPARE(byPath.run(chunks, nullptr)->rowsRead, 2);
    }

    // Groups and texts larger than a batch, rejects among them: the encoder thread must see
    // the rows exactly as a single thread would, in the same order.
    void pipelinedAndSequentialScansWriteTheSameEntriesInOrder_data() {
        QTest::addColumn<int>("table");
        QTest::newRow("code_chunks") << int(SourceTable::CodeChunks);
        QTest::newRow("ast_nodes") << int(SourceTable::AstNodes);
        QTest::newRow("cfg_blocks") << int(SourceTable::CfgBlocks);
    }
    void pipelinedAndSequentialScansWriteTheSameEntriesInOrder() {
        QFETCH(int, table);
        const QString path = m_dir.filePath(QStringLiteral("batches.db"));
        if (!QFileInfo::exists(path))
            QCOMPARE(test::createDatabase(path, QString::fromUtf8(batchSpanningSql)), QString());
        auto source = SourceDatabase::open(path, 1000);
        QVERIFY2(source.isOk(), qPrintable(source.status().message()));
        auto info = source.value()->inspect(false);
        QVERIFY(info.isOk());
        const SourceTableInfo &tableInfo = info->table(SourceTable(table));
        OrderedSink sequential, pipelined;
        TableScanner first(*source.value(), tableInfo, KeyLayout::Magellan);
        first.setPipelined(false);
        const auto one = first.run(sequential, nullptr);
        TableScanner second(*source.value(), tableInfo, KeyLayout::Magellan);
        const auto two = second.run(pipelined, nullptr);
        QVERIFY(one.isOk() && two.isOk());
        QVERIFY(sequential.entries.size() > 2);
        QVERIFY(sequential.entries == pipelined.entries);
        QCOMPARE(one->checksum, two->checksum);
        QCOMPARE(one->rowsRead, two->rowsRead);
        QCOMPARE(one->rowsRead, tableInfo.rows);
        QCOMPARE(one->rejectedRows, two->rejectedRows);
        QCOMPARE(one->keysWritten, two->keysWritten);
        QCOMPARE(one->repairedValues, two->repairedValues);
        QVERIFY(one->rejectedRows > 0);
    }

    // Storage order, with groups open side by side, the NULL group and a group in pieces read
    // again by key, must give what a scan in key order gives: the same entries (the later put of
    // a key wins, as in a store), counts and checksum.
    void storageOrderGivesWhatKeyOrderGives_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("inStorageOrder");
        QTest::addColumn<bool>("pipelined");
        QTest::newRow("interleaved") << QString::fromUtf8(storageOrderSql) << true << true;
        QTest::newRow("interleaved, one thread")
            << QString::fromUtf8(storageOrderSql) << true << false;
        QTest::newRow("too scattered") << QString::fromUtf8(scatteredSql) << false << true;
        QTest::newRow("batches") << QString::fromUtf8(batchSpanningSql) << true << true;
    }
    void storageOrderGivesWhatKeyOrderGives() {
        QFETCH(QString, sql);
        QFETCH(bool, inStorageOrder);
        QFETCH(bool, pipelined);
        const QString path = m_dir.filePath(QStringLiteral("storage-%1.db").arg(qHash(sql)));
        if (!QFileInfo::exists(path))
            QCOMPARE(test::createDatabase(path, sql), QString());
        auto source = SourceDatabase::open(path, 1000);
        QVERIFY2(source.isOk(), qPrintable(source.status().message()));
        auto info = source.value()->inspect(false);
        const SourceTableInfo &table = info->table(SourceTable::AstNodes);

        TableScanner byKey(*source.value(), table, KeyLayout::Seed);
        byKey.setRowFilter({QStringLiteral("1"), {}}); // any filter: key order
        CapturingSink keyed;
        const auto expected = byKey.run(keyed, nullptr);
        QVERIFY(expected.isOk());
        QVERIFY(!byKey.readInStorageOrder());

        TableScanner scanner(*source.value(), table, KeyLayout::Seed);
        scanner.setPipelined(pipelined);
        CapturingSink stored;
        const auto result = scanner.run(stored, nullptr);
        QVERIFY2(result.isOk(), qPrintable(result.status().message()));
        QCOMPARE(scanner.readInStorageOrder(), inStorageOrder);

        QCOMPARE(stored.entries.size(), keyed.entries.size());
        for (const auto &[key, value] : keyed.entries)
            QVERIFY2(stored.entries.count(key) && stored.entries.at(key) == value, key.c_str());
        QCOMPARE(result->rowsRead, table.rows);
        QCOMPARE(result->rowsRead, expected->rowsRead);
        QCOMPARE(result->keysWritten, expected->keysWritten);
        QCOMPARE(result->recordsCarried, expected->recordsCarried);
        QCOMPARE(result->rejectedRows, expected->rejectedRows);
        QCOMPARE(result->repairedValues, expected->repairedValues);
        QCOMPARE(result->checksum, expected->checksum);
        if (sql == QString::fromUtf8(storageOrderSql)) {            // what the fixture puts in
            QCOMPARE(result->keysWritten, qint64(3 + 200 + 1 + 1)); // files 1-3, one-row, 77, NULL
            QCOMPARE(result->rejectedRows, qint64(6));
            QVERIFY(result->repairedValues > 0);
            QVERIFY(stored.entries.at("ast:2").find("late") != std::string::npos);
            QVERIFY(stored.entries.at("ast:null").find("orphan at the end") != std::string::npos);
        }
    }

    // A sink that keeps no values (verify's): the scan counts and checksums every row as when it
    // keeps them, in key order and in storage order, but never holds a group's value whole.
    void aSinkWithoutValuesGetsTheSameTallyAndNoGroupHeldWhole_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("byKey");
        QTest::newRow("storage order") << QString::fromUtf8(storageOrderSql) << false;
        QTest::newRow("key order") << QString::fromUtf8(storageOrderSql) << true;
        QTest::newRow("batches, storage order") << QString::fromUtf8(batchSpanningSql) << false;
        QTest::newRow("too scattered") << QString::fromUtf8(scatteredSql) << false;
    }
    void aSinkWithoutValuesGetsTheSameTallyAndNoGroupHeldWhole() {
        QFETCH(QString, sql);
        QFETCH(bool, byKey);
        const QString path = m_dir.filePath(QStringLiteral("values-%1.db").arg(qHash(sql)));
        if (!QFileInfo::exists(path))
            QCOMPARE(test::createDatabase(path, sql), QString());
        auto source = SourceDatabase::open(path, 1000);
        QVERIFY2(source.isOk(), qPrintable(source.status().message()));
        auto info = source.value()->inspect(false);
        const SourceTableInfo &table = info->table(SourceTable::AstNodes);
        const auto scan = [&](KvSink &sink) {
            TableScanner scanner(*source.value(), table, KeyLayout::Seed);
            if (byKey)
                scanner.setRowFilter({QStringLiteral("1"), {}}); // any filter: key order
            return scanner.run(sink, nullptr);
        };
        CapturingSink withValues;
        const auto expected = scan(withValues);
        QVERIFY(expected.isOk());
        KeysOnlySink keysOnly;
        const auto result = scan(keysOnly);
        QVERIFY2(result.isOk(), qPrintable(result.status().message()));

        QCOMPARE(result->rowsRead, expected->rowsRead);
        QCOMPARE(result->keysWritten, expected->keysWritten);
        QCOMPARE(result->recordsCarried, expected->recordsCarried);
        QCOMPARE(result->rejectedRows, expected->rejectedRows);
        QCOMPARE(result->repairedValues, expected->repairedValues);
        QCOMPARE(result->checksum, expected->checksum);
        QCOMPARE(keysOnly.keys, [&] {
            std::set<std::string> keys;
            for (const auto &[key, value] : withValues.entries)
                keys.insert(key);
            return keys;
        }());
        size_t largestGroup = 0;
        for (const auto &[key, value] : withValues.entries)
            if (!key.starts_with("reject:"))
                largestGroup = std::max(largestGroup, value.size());
        QVERIFY(largestGroup > 1000);
        QVERIFY2(keysOnly.largestGroupValue <= 2, // "[]"
                 qPrintable(QString::number(keysOnly.largestGroupValue)));
    }

    // A row is written into one buffer sized for its longest spelling, unless that would be
    // too large (text of over 170 kB): then value by value. Both spell it the same.
    void rowsTooLargeForTheRowBufferAreSpelledTheSame() {
        const auto entries = scanChunkRows(
            QStringLiteral("large-rows.db"),
            QStringLiteral("INSERT INTO code_chunks SELECT 1, 'small.rs', 0, 1,"
                           "  replace(printf('%.*c', 3, 'x'), 'x', 'a\"b\\' || char(10, 1)"
                           "  || 'é'), 'h', NULL, 'fn', 0.5;"
                           "INSERT INTO code_chunks SELECT 2, 'large.rs', 0, 1,"
                           "  replace(printf('%.*c', 30000, 'x'), 'x', 'a\"b\\' || char(10, 1)"
                           "  || 'é'), 'h', NULL, 'fn', 0.5;"));
        const auto expected = [](int id, const char *file, int repeats) {
            std::string content;
            for (int i = 0; i < repeats; ++i)
                content += "a\"b\\\n\x01\xC3\xA9";
            std::string json = "{\"id\":" + std::to_string(id) + ",\"file_path\":\"" + file +
                               "\",\"byte_start\":0,\"byte_end\":1,\"content\":";
            JsonWriter::appendEscaped(content, json);
            return json + ",\"content_hash\":\"h\",\"symbol_name\":null,\"symbol_kind\":" +
                   "\"fn\",\"created_at\":0.5}";
        };
        QCOMPARE(entries.at("chunk:small.rs:0:1"), expected(1, "small.rs", 3));
        QCOMPARE(entries.at("chunk:large.rs:0:1"), expected(2, "large.rs", 30000));
    }

    // One row whose texts outgrow a batch's arena several times over, moving it again and
    // again while the row is copied out: every text must still be the row's own.
    void aRowThatMovesTheBatchArenaSeveralTimesIsCopiedWhole() {
        const auto entries = scanChunkRows(
            QStringLiteral("moving-arena.db"),
            QStringLiteral("INSERT INTO code_chunks VALUES (1, 'before.rs', 0, 1, 'small',"
                           "  'h', 's', 'fn', 1);"
                           "INSERT INTO code_chunks SELECT 2, 'moving.rs', 0, 1,"
                           "  printf('%.*c', 2000000, 'c'), printf('%.*c', 3000000, 'h'),"
                           "  printf('%.*c', 5000000, 's'), printf('%.*c', 9000000, 'k'), 2;"));
        QCOMPARE(entries.at("chunk:moving.rs:0:1"),
                 "{\"id\":2,\"file_path\":\"moving.rs\",\"byte_start\":0,\"byte_end\":1,"
                 "\"content\":\"" +
                     std::string(2000000, 'c') + "\",\"content_hash\":\"" +
                     std::string(3000000, 'h') + "\",\"symbol_name\":\"" +
                     std::string(5000000, 's') + "\",\"symbol_kind\":\"" +
                     std::string(9000000, 'k') + "\",\"created_at\":2}");
        QVERIFY(entries.at("chunk:before.rs:0:1").find("\"small\"") != std::string::npos);
    }

    void aSinkErrorStopsThePipelinedScan() {
        auto source = SourceDatabase::open(batchSource(), 1000);
        auto info = source.value()->inspect(false);
        FailingSink sink(3);
        TableScanner scanner(*source.value(), info->table(SourceTable::CodeChunks),
                             KeyLayout::Seed);
        const auto result = scanner.run(sink, nullptr);
        QVERIFY(!result.isOk());
        QCOMPARE(result.status().message(), QStringLiteral("disk on fire"));
        QCOMPARE(sink.puts, 3);
    }

    void cancellingStopsThePipelinedScan() {
        auto source = SourceDatabase::open(batchSource(), 1000);
        auto info = source.value()->inspect(false);
        CancellingObserver observer;
        test::CapturingSink sink;
        TableScanner scanner(*source.value(), info->table(SourceTable::AstNodes), KeyLayout::Seed);
        const auto result = scanner.run(sink, &observer);
        QVERIFY(!result.isOk());
        QCOMPARE(result.status().code(), Status::Code::Cancelled);
        QVERIFY(observer.updates > 0);
    }

    void checksumCoversEveryRowAndIsOrderIndependent() {
        const auto first = scan(SourceTable::CodeChunks, KeyLayout::Seed);
        const auto second = scan(SourceTable::CodeChunks, KeyLayout::Seed);
        QCOMPARE(first.checksum, second.checksum);
        QCOMPARE(first.checksum.rows(), quint64(10));
        RowChecksum a, b;
        a.add("k1", "x");
        a.add("k2", "y");
        b.add("k2", "y");
        b.add("k1", "x");
        QCOMPARE(a, b);
        RowChecksum c;
        c.add("k1", "y");
        c.add("k2", "x");
        QVERIFY(!(a == c)); // the key is part of each row's hash
        RowChecksum d;
        d.setKey("k2");
        d.add("y");
        d.add("k1", "x");
        QCOMPARE(d, a); // rows of a key set once hash as rows added with their key
    }

private:
    // The entries a scan of code_chunks writes, from a new database `name` holding `inserts`.
    std::map<std::string, std::string> scanChunkRows(const QString &name, const QString &inserts) {
        const QString path = m_dir.filePath(name);
        const QString error = test::createDatabase(
            path, QStringLiteral("CREATE TABLE code_chunks(id INTEGER PRIMARY KEY, file_path TEXT,"
                                 "  byte_start INTEGER, byte_end INTEGER, content TEXT,"
                                 "  content_hash TEXT, symbol_name TEXT, symbol_kind TEXT,"
                                 "  created_at INTEGER);") +
                      inserts);
        if (!error.isEmpty())
            qFatal("%s", qPrintable(error));
        auto source = SourceDatabase::open(path, 1000);
        if (!source.isOk())
            qFatal("%s", qPrintable(source.status().message()));
        auto info = source.value()->inspect(false);
        TableScanner scanner(*source.value(), info->table(SourceTable::CodeChunks),
                             KeyLayout::Seed);
        CapturingSink sink;
        if (const auto result = scanner.run(sink, nullptr); !result.isOk())
            qFatal("%s", qPrintable(result.status().message()));
        return sink.entries;
    }

    QString batchSource() {
        const QString path = m_dir.filePath(QStringLiteral("batches.db"));
        if (!QFileInfo::exists(path) &&
            !test::createDatabase(path, QString::fromUtf8(batchSpanningSql)).isEmpty())
            qFatal("cannot create %s", qPrintable(path));
        return path;
    }

    TableScanResult scan(SourceTable table, KeyLayout layout) {
        m_sink.entries.clear();
        auto source = SourceDatabase::open(m_path, 1000);
        if (!source.isOk())
            qFatal("%s", qPrintable(source.status().message()));
        auto info = source.value()->inspect(false);
        TableScanner scanner(*source.value(), info->table(table), layout);
        auto result = scanner.run(m_sink, nullptr);
        if (!result.isOk())
            qFatal("%s", qPrintable(result.status().message()));
        return result.value();
    }

    QTemporaryDir m_dir;
    QString m_path;
    CapturingSink m_sink;
};

QTEST_GUILESS_MAIN(TestTableScanner)
#include "tst_table_scanner.moc"
