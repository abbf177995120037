#include "stored_value.h"

#include <QCryptographicHash>
#include <QTest>

#include <nlohmann/json.hpp>

#include <random>

using namespace magellan;

namespace {
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
};

QTEST_GUILESS_MAIN(TestStoredValue)
#include "tst_stored_value.moc"
