// The deepest AST node at a byte offset, and the path down to a node.
#include "browse/ast_span.h"

#include <QTest>

using namespace magellan;

namespace {

// module 0-20 { function 0-12 { name 4-8, body 9-12 }, empty 14-14, comment 14-20 }
AstTree sampleTree() {
    const std::string value =
        R"([{"id":1,"parent_id":null,"kind":"module","byte_start":0,"byte_end":20},)"
        R"({"id":2,"parent_id":1,"kind":"function","byte_start":0,"byte_end":12},)"
        R"({"id":3,"parent_id":2,"kind":"name","byte_start":4,"byte_end":8},)"
        R"({"id":4,"parent_id":2,"kind":"body","byte_start":9,"byte_end":12},)"
        R"({"id":5,"parent_id":1,"kind":"empty","byte_start":14,"byte_end":14},)"
        R"({"id":6,"parent_id":1,"kind":"comment","byte_start":14,"byte_end":20},)"
        R"({"id":7,"parent_id":1,"kind":"nospan","byte_start":null,"byte_end":null}])";
    return decodeAstTree(value).value();
}

QString kindAt(const AstTree &tree, qint64 offset) {
    const Result<int> node = deepestAstNodeAt(tree, offset);
    return node.isOk() ? tree.nodes[node.value()].kind : QStringLiteral("none");
}

} // namespace

class TestAstSpan : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void deepestNodeContainingAnOffset() {
        const AstTree tree = sampleTree();
        QCOMPARE(kindAt(tree, 0), QStringLiteral("function"));
        QCOMPARE(kindAt(tree, 4), QStringLiteral("name"));
        QCOMPARE(kindAt(tree, 7), QStringLiteral("name"));
        QCOMPARE(kindAt(tree, 8), QStringLiteral("function")); // ends are exclusive
        QCOMPARE(kindAt(tree, 11), QStringLiteral("body"));
        QCOMPARE(kindAt(tree, 13), QStringLiteral("module"));
        QCOMPARE(kindAt(tree, 14), QStringLiteral("comment")); // wider than the empty node
        QCOMPARE(kindAt(tree, 20), QStringLiteral("none"));
        QCOMPARE(kindAt(tree, -3), QStringLiteral("none"));
    }

    void anEmptyNodeAloneIsFound() {
        const AstTree tree =
            decodeAstTree(R"([{"id":1,"parent_id":null,"kind":"m","byte_start":0,"byte_end":9},)"
                          R"({"id":2,"parent_id":1,"kind":"e","byte_start":3,"byte_end":3}])")
                .value();
        QCOMPARE(kindAt(tree, 3), QStringLiteral("e"));
        QCOMPARE(kindAt(tree, 4), QStringLiteral("m"));
    }

    void pathFromARoot() {
        const AstTree tree = sampleTree();
        const Result<int> name = deepestAstNodeAt(tree, 5);
        const Result<std::vector<int>> path = astPathTo(tree, name.value());
        QVERIFY(path.isOk());
        QStringList kinds;
        for (const int index : path.value())
            kinds << tree.nodes[index].kind;
        QCOMPARE(kinds, (QStringList{"module", "function", "name"}));
        QVERIFY(!astPathTo(tree, 99).isOk());
        QVERIFY(!astPathTo(tree, -1).isOk());
    }

    void aDeepChainIsWalkedWithoutRecursion() {
        std::string value = "[";
        const int depth = 50000;
        for (int i = 1; i <= depth; ++i)
            value += (i > 1 ? "," : "") +
                     QStringLiteral(
                         R"({"id":%1,"parent_id":%2,"kind":"k%1","byte_start":%3,"byte_end":%4})")
                         .arg(i)
                         .arg(i > 1 ? QString::number(i - 1) : QStringLiteral("null"))
                         .arg(i)
                         .arg(2 * depth - i)
                         .toStdString();
        value += "]";
        const AstTree tree = decodeAstTree(value).value();
        QCOMPARE(kindAt(tree, depth - 1), QStringLiteral("k%1").arg(depth - 1));
        QCOMPARE(kindAt(tree, depth), QStringLiteral("k%1").arg(depth)); // empty, at its offset
        QCOMPARE(astPathTo(tree, depth - 1)->size(), size_t(depth));
    }
};

QTEST_GUILESS_MAIN(TestAstSpan)
#include "tst_ast_span.moc"
