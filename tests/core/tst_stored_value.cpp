#include "browse/stored_value.h"

#include <QCryptographicHash>
#include <QTest>

#include <nlohmann/json.hpp>

#include <random>

using namespace magellan;

namespace {
std::string nested(int depth, const std::string &inner = "1") {
    return std::string(depth, '[') + inner + std::string(depth, ']');
}

std::string sha256(const std::string &text) {
    return QCryptographicHash::hash(QByteArray::fromStdString(text), QCryptographicHash::Sha256)
        .toHex()
        .toStdString();
}
} // namespace

class TestStoredValue : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keysAreClassified() {
        QCOMPARE(classifyKey("chunk:a:1:2"), KeyKind::Chunk);
        QCOMPARE(classifyKey("ast:7"), KeyKind::AstGroup);
        QCOMPARE(classifyKey("ast:file:7"), KeyKind::AstGroup);
        QCOMPARE(classifyKey("cfg:func:7"), KeyKind::CfgGroup);
        QCOMPARE(classifyKey("reject:ast_nodes:1"), KeyKind::Reject);
        QCOMPARE(classifyKey("meta:migration"), KeyKind::MigrationRecord);
        QCOMPARE(classifyKey("metrics:file:a"), KeyKind::Record);
        QCOMPARE(classifyKey("zzz"), KeyKind::Other);
    }

    void chunkHashIsChecked() {
        nlohmann::ordered_json chunk = {{"id", 1},
                                        {"file_path", "a.rs"},
                                        {"byte_start", 0},
                                        {"byte_end", 5},
                                        {"content", "fn x"},
                                        {"content_hash", sha256("fn x")},
                                        {"symbol_name", "x"},
                                        {"symbol_kind", "fn"}};
        auto decoded = decodeChunk(chunk.dump());
        QVERIFY(decoded.isOk());
        QCOMPARE(decoded->hashAlgorithm, QStringLiteral("SHA-256"));
        QCOMPARE(decoded->hashMatches, std::optional<bool>(true));
        QCOMPARE(decoded->content, QStringLiteral("fn x"));
        chunk["content"] = "fn y";
        QCOMPARE(decodeChunk(chunk.dump())->hashMatches, std::optional<bool>(false));
        chunk["content_hash"] = "h1";
        QCOMPARE(decodeChunk(chunk.dump())->hashMatches, std::nullopt);
        // Repaired text: the hash is of the exact bytes in content_base64.
        const std::string raw = "a\xFE"
                                "b";
        chunk["content"] = "a\xEF\xBF\xBD"
                           "b";
        chunk["content_base64"] = QByteArray::fromStdString(raw).toBase64().toStdString();
        chunk["content_hash"] = sha256(raw);
        const auto repaired = decodeChunk(chunk.dump());
        QVERIFY(repaired->contentRepaired);
        QCOMPARE(repaired->hashMatches, std::optional<bool>(true));
        QVERIFY(!decodeChunk("[1]").isOk());
        QVERIFY(!decodeChunk("not json").isOk());
    }

    void astTreeShapeEqualsTheParentLinks() {
        std::mt19937 random(7);
        nlohmann::json nodes = nlohmann::json::array();
        std::vector<std::optional<int>> parentOf;
        for (int id = 100; id < 400; ++id) {
            const bool root = id == 100 || random() % 50 == 0;
            const std::optional<int> parent =
                root ? std::nullopt : std::optional<int>(100 + random() % (id - 100));
            parentOf.push_back(parent);
            nodes.push_back({{"id", id},
                             {"parent_id", parent ? nlohmann::json(*parent) : nlohmann::json()},
                             {"kind", "k" + std::to_string(id % 5)},
                             {"byte_start", id},
                             {"byte_end", id + 1}});
        }
        const auto tree = decodeAstTree(nodes.dump());
        QVERIFY2(tree.isOk(), qPrintable(tree.status().message()));
        QCOMPARE(tree->nodes.size(), size_t(300));
        qint64 rootTotal = 0;
        for (const int root : tree->roots) {
            QVERIFY(!tree->nodes[root].parentId);
            rootTotal += tree->nodes[root].subtreeSize;
        }
        QCOMPARE(rootTotal, 300); // every node under exactly one root
        for (size_t i = 0; i < tree->nodes.size(); ++i) {
            const AstNode &node = tree->nodes[i];
            QCOMPARE(node.id, qint64(100 + i));
            if (parentOf[i]) {
                QCOMPARE(tree->nodes[node.parent].id, qint64(*parentOf[i]));
                const auto &siblings = tree->nodes[node.parent].children;
                QVERIFY(std::find(siblings.begin(), siblings.end(), int(i)) != siblings.end());
            }
            qint64 size = 1;
            for (const int child : node.children) {
                QCOMPARE(tree->nodes[child].parent, int(i));
                size += tree->nodes[child].subtreeSize;
            }
            QCOMPARE(node.subtreeSize, size);
        }
    }

    void astOddities() {
        const auto dangling = decodeAstTree(R"j([{"id":1,"parent_id":99,"kind":"a"}])j");
        QVERIFY(dangling.isOk());
        QCOMPARE(dangling->roots.size(), size_t(1));
        QCOMPARE(dangling->danglingParents, 1);
        const auto cycle = decodeAstTree(R"j([{"id":1,"parent_id":2},{"id":2,"parent_id":1}])j");
        QVERIFY(!cycle.isOk());
        QVERIFY(cycle.status().message().contains(QStringLiteral("cycle")));
        QVERIFY(!decodeAstTree(R"j({"id":1})j").isOk());
        QVERIFY(!decodeAstTree(R"j([{"kind":"no id"}])j").isOk());
        QVERIFY(decodeAstTree("[]")->nodes.empty());
    }

    void recordTables() {
        const auto table = decodeRecordTable(
            R"j([{"id":1,"kind":"entry","x":null},{"id":2,"extra":"e","kind":"exit"}])j");
        QVERIFY(table.isOk());
        QCOMPARE(table->columns, QStringList({"id", "kind", "x", "extra"}));
        QCOMPARE(table->rows[0], QStringList({"1", "entry", "NULL", ""}));
        QCOMPARE(table->rows[1], QStringList({"2", "exit", "", "e"}));
        QCOMPARE(decodeRecordTable(R"j({"a":1})j")->rows.size(), size_t(1));
        QVERIFY(!decodeRecordTable("[1,2]").isOk());
    }

    void prettyJsonAndHex() {
        QCOMPARE(prettyJson(R"j({"a":[1]})j").value(), "{\n  \"a\": [\n    1\n  ]\n}");
        QVERIFY(!prettyJson("{").isOk());
        QCOMPARE(
            hexDump("AB\x01", 100),
            QStringLiteral("00000000  41 42 01                                         AB.\n"));
        QVERIFY(hexDump(std::string(40, 'x'), 16).endsWith(QStringLiteral("… 24 more bytes\n")));
    }

    // Values of every kind the browser may meet in a damaged or foreign store: each decodes to
    // an error naming the problem; none throws or overflows the stack.
    void hostileValuesAreProblemsNotCrashes_data() {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("problem");
        const auto row = [](const char *name, const char *key, const std::string &value,
                            const char *problem) {
            QTest::newRow(name) << QByteArray(key) << QByteArray::fromStdString(value)
                                << QString::fromUtf8(problem);
        };
        row("record: tables a number", "meta:migration", R"({"tables":5})",
            "tables is 5, not an object");
        row("record: a table a number", "meta:migration", R"({"tables":{"ast_nodes":5}})",
            "tables.ast_nodes is 5, not an object");
        row("record: counts as text", "meta:migration", R"({"tables":{"a":{"source_rows":"7"}}})",
            "tables.a.source_rows is \"7\", not an integer");
        row("record: an array", "meta:migration", "[]", "not a JSON object");
        row("record: format version text", "meta:migration", R"({"format_version":"x"})",
            "format_version is \"x\", not an integer");
        row("record: source a list", "meta:migration", R"({"source":[1]})",
            "source is [1], not an object");
        row("record: size a float", "meta:migration", R"({"source":{"size":1e300}})",
            "source.size is 1e+300, not an integer");
        row("record: checksum an object", "meta:migration",
            R"({"tables":{"a":{"kv_checksum":{}}}})", "tables.a.kv_checksum is {}, not a string");
        row("record: not json", "meta:migration", "{\"tables\":", "not valid JSON");
        row("record: deep", "meta:migration", R"({"tables":)" + nested(100000) + "}",
            "nests deeper than 1000 levels");
        row("chunk: an array", "chunk:a:1:2", "[]", "must be a JSON object");
        row("chunk: deep content", "chunk:a:1:2", R"({"content":)" + nested(2000) + "}",
            "nests deeper");
        row("chunk: huge number", "chunk:a:1:2", R"({"byte_start":1e999})", "not valid JSON");
        row("ast: an object", "ast:1", R"({"id":1})", "JSON array of nodes");
        row("ast: id text", "ast:1", R"([{"id":"1"}])", "integer id");
        row("ast: deep", "ast:1", nested(1000000), "nests deeper");
        row("cfg: numbers", "cfg:1", "[1,2]", "something other than objects");
        row("cfg: deep row", "cfg:1", "[{\"a\":" + nested(5000) + "}]", "nests deeper");
        row("reject: a string", "reject:ast_nodes:1", R"("x")", "must be a JSON object");
        row("reject: bad utf-8", "reject:ast_nodes:1", "{\"reason\":\"\xff\"}", "not valid JSON");
        row("other: deep", "zzz", nested(1001), "nests deeper than 1000 levels");
        row("other: empty", "zzz", "", "not valid JSON");
    }
    void hostileValuesAreProblemsNotCrashes() {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, value);
        QFETCH(QString, problem);
        const DecodedValue decoded = decodeStoredValue(key.toStdString(), value.toStdString());
        QCOMPARE(decoded.problems.size(), size_t(1));
        QVERIFY2(decoded.problems[0].message().contains(problem),
                 qPrintable(decoded.problems[0].message()));
        QVERIFY(decoded.pretty); // the bytes or the JSON are still shown
        QVERIFY(!decoded.chunk && !decoded.ast && !decoded.records && !decoded.reject &&
                !decoded.migration);
    }

    // Nested a million deep, these overflowed the stack of the thread decoding them.
    void deepValuesAreRefused() {
        const std::string deep = nested(1000000);
        QVERIFY(!prettyJson(deep).isOk());
        QVERIFY(!decodeRecordTable("{\"a\":" + deep + "}").isOk());
        QVERIFY(!decodeChunk("{\"content\":" + deep + "}").isOk());
        QVERIFY(prettyJson(nested(maxValueDepth)).isOk());
        QVERIFY(!prettyJson(nested(maxValueDepth + 1)).isOk());
        // Brackets in strings, after an escaped quote too, do not count.
        const std::string brackets(maxValueDepth + 1, '[');
        QVERIFY(prettyJson("[\"" + brackets + "\"]").isOk());
        QVERIFY(prettyJson("[\"\\\"" + brackets + "\"]").isOk());
    }

    void aMigrationRecordIsSummarized() {
        const auto summary = summarizeMigrationRecord(
            R"({"format_version":1,"tool_version":"0.1.0","key_layout":"seed",)"
            R"("source":{"path":"/x/code.db","size":42,"schema_version":7},)"
            R"("tables":{"code_chunks":{"source_rows":3,"source_checksum":"a","kv_checksum":"a"},)"
            R"("ast_nodes":{"source_rows":2,"source_checksum":"a","kv_checksum":"b"},)"
            R"("cfg_blocks":{"kv_checksum":null}}})");
        QVERIFY2(summary.isOk(), qPrintable(summary.status().message()));
        QCOMPARE(summary->formatVersion, QStringLiteral("1"));
        QCOMPARE(summary->sourcePath, QStringLiteral("/x/code.db"));
        QCOMPARE(summary->sourceSize, QStringLiteral("42"));
        QCOMPARE(summary->startedAt, QString());
        QCOMPARE(summary->tables.size(), size_t(3));
        QCOMPARE(summary->tables[0].sourceRows, QStringLiteral("3"));
        QCOMPARE(summary->tables[0].checksumsEqual, std::optional<bool>(true));
        QCOMPARE(summary->tables[1].checksumsEqual, std::optional<bool>(false));
        QCOMPARE(summary->tables[2].checksumsEqual, std::nullopt);
    }

    void aRejectIsDecoded() {
        const auto reject = decodeReject(
            R"({"reason":"byte_start is NULL","column":"byte_start","row":{"id":5,"x":null}})");
        QVERIFY(reject.isOk());
        QCOMPARE(reject->reason, QStringLiteral("byte_start is NULL"));
        QCOMPARE(reject->column, QStringLiteral("byte_start"));
        QVERIFY(reject->row);
        QCOMPARE(reject->row->rows[0], QStringList({"5", "NULL"}));
        QVERIFY(!decodeReject(R"({"row":[1]})")->row); // a row that is no record is left out
    }
};

QTEST_GUILESS_MAIN(TestStoredValue)
#include "tst_stored_value.moc"
