#include "canonical_json.h"

#include <QTest>

#include <string>
#include <vector>

using namespace magellan;

namespace {
std::vector<std::string> elements(std::string_view json, ElementLayout layout, bool *ok = nullptr) {
    std::vector<std::string> found;
    const bool parsed =
        forEachCanonicalElement(json, layout, [&](std::string_view e) { found.emplace_back(e); });
    if (ok)
        *ok = parsed;
    return found;
}
} // namespace

class TestCanonicalJson : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void wholeValueIsReencodedAsWritten() {
        const std::string chunk =
            R"j({"id":1,"file_path":"C:\\x","byte_start":-5,"content":"\u0000é\n","r":1.0,"n":null})j";
        bool ok = false;
        QCOMPARE(elements(chunk, ElementLayout::WholeValue, &ok), std::vector<std::string>{chunk});
        QVERIFY(ok);
    }

    void spacingAndEscapesAreCanonicalised() {
        const auto found =
            elements(R"j( { "a" : "\u00e9\/" , "b" : 1.50 } )j", ElementLayout::WholeValue);
        QCOMPARE(found, std::vector<std::string>{R"j({"a":"é/","b":1.5})j"});
    }

    void arrayElementsAreSeparateRows() {
        const std::string ast =
            R"j([{"id":1,"parent_id":null},{"id":2,"parent_id":1,"x":[1,{"y":2}]}])j";
        const auto found = elements(ast, ElementLayout::ArrayElements);
        QCOMPARE(found.size(), size_t(2));
        QCOMPARE(found[0], R"j({"id":1,"parent_id":null})j");
        QCOMPARE(found[1], R"j({"id":2,"parent_id":1,"x":[1,{"y":2}]})j");
        QVERIFY(elements("[]", ElementLayout::ArrayElements).empty());
    }

    void rejectRowIsTheRowField() {
        const std::string reject =
            R"j({"reason":"byte_start holds TEXT, expected INTEGER","column":"byte_start","row":{"id":4,"byte_start":"x","v":"-Infinity"}})j";
        QCOMPARE(elements(reject, ElementLayout::RowField),
                 std::vector<std::string>{R"j({"id":4,"byte_start":"x","v":"-Infinity"})j"});
    }

    void malformedValuesAreReported_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("layout");
        QTest::newRow("garbage") << QByteArray("not json") << int(ElementLayout::WholeValue);
        QTest::newRow("truncated")
            << QByteArray("{\"id\":1,\"content\":\"ab") << int(ElementLayout::WholeValue);
        QTest::newRow("trailing bytes")
            << QByteArray(R"j({"id":1} x)j") << int(ElementLayout::WholeValue);
        QTest::newRow("object where an array belongs")
            << QByteArray(R"j({"id":1})j") << int(ElementLayout::ArrayElements);
        QTest::newRow("scalar where an array belongs")
            << QByteArray("5") << int(ElementLayout::ArrayElements);
        QTest::newRow("reject without row")
            << QByteArray(R"j({"reason":"x"})j") << int(ElementLayout::RowField);
        QTest::newRow("reject as array")
            << QByteArray(R"j([{"row":{}}])j") << int(ElementLayout::RowField);
        QTest::newRow("number overflow")
            << QByteArray("[1e999]") << int(ElementLayout::ArrayElements);
        QTest::newRow("truncated utf-8 in string")
            << QByteArray("[\"\xE2\x82\"]") << int(ElementLayout::ArrayElements);
        QTest::newRow("empty") << QByteArray("") << int(ElementLayout::WholeValue);
    }
    void malformedValuesAreReported() {
        QFETCH(QByteArray, json);
        QFETCH(int, layout);
        bool ok = true;
        elements(json.toStdString(), static_cast<ElementLayout>(layout), &ok);
        QVERIFY(!ok);
    }

    void hugeArraysStream() {
        std::string json = "[";
        for (int i = 0; i < 200000; ++i)
            json += (i ? ",{\"id\":" : "{\"id\":") + std::to_string(i) + "}";
        json += "]";
        size_t count = 0;
        QVERIFY(forEachCanonicalElement(json, ElementLayout::ArrayElements,
                                        [&](std::string_view) { ++count; }));
        QCOMPARE(count, size_t(200000));
    }
};

QTEST_GUILESS_MAIN(TestCanonicalJson)
#include "tst_canonical_json.moc"
