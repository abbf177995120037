#include "format/canonical_json.h"

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

    // The fast path (canonical input hashed in place) and the general re-encoder agree on every
    // input: the same rows, or the same refusal.
    void fastPathAgreesWithTheGeneralParser_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("layout");
        const int whole = int(ElementLayout::WholeValue), array = int(ElementLayout::ArrayElements),
                  row = int(ElementLayout::RowField);
        QTest::newRow("canonical chunk")
            << QByteArray(R"j({"id":1,"p":"C:\\x","n":-5,"r":1.0,"e":1e-07,"z":null,"t":true})j")
            << whole;
        QTest::newRow("canonical group")
            << QByteArray(R"j([{"id":1,"k":"a"},{"id":2,"k":"b\n\u001f"}])j") << array;
        QTest::newRow("canonical reject")
            << QByteArray(R"j({"reason":"x","column":"c","row":{"id":4,"v":"Infinity"}})j") << row;
        QTest::newRow("spaces") << QByteArray(R"j([ {"id":1} ])j") << array;
        // Row keys are matched against the row before's: a key that changes, is a prefix of the
        // one before, grows, is escaped differently or is not canonical must still be checked.
        QTest::newRow("keys change between rows")
            << QByteArray(R"j([{"a":1,"b":2},{"a":1,"c":3},{"a":1,"b":2,"d":4},{"b":2}])j")
            << array;
        QTest::newRow("key a prefix of the one before")
            << QByteArray(R"j([{"ab":1},{"a":1},{"ab":1}])j") << array;
        QTest::newRow("key longer than the one before")
            << QByteArray(R"j([{"a":1},{"a\n":2},{"a\u0001":3}])j") << array;
        QTest::newRow("key spelled differently")
            << QByteArray(R"j([{"é":1},{"\u00e9":1}])j") << array;
        QTest::newRow("key not canonical after a match")
            << QByteArray(R"j([{"a":1,"b":2},{"a":1,"\/":2}])j") << array;
        QTest::newRow("key cut short") << QByteArray("[{\"abcdefghij\":1},{\"abcdefghij") << array;
        QTest::newRow("key of eight bytes and more")
            << QByteArray(R"j([{"0123456789abcdef":1},{"0123456789abcdeg":1}])j") << array;
        // Each way keys are compared, with keys of every length that differ from the row
        // before's in one byte: a plain one, or a raw tab that makes the value invalid.
        for (int length = 1; length <= 20; ++length) {
            const QByteArray same(length, 'k');
            for (int at = 0; at < length; ++at) {
                for (const char differs : {'j', '\t'}) {
                    QByteArray other = same;
                    other[at] = differs;
                    QTest::newRow(qPrintable(QStringLiteral("key of %1 bytes, byte %2 is %3")
                                                 .arg(length)
                                                 .arg(at)
                                                 .arg(int(differs))))
                        << "[{\"" + same + "\":1},{\"" + same + "\":2},{\"" + other + "\":3}]"
                        << array;
                }
            }
        }
        QTest::newRow("nested objects keep their own keys")
            << QByteArray(R"j([{"a":{"x":1}},{"a":{"y":1}},{"a":{"x":1}}])j") << array;
        QTest::newRow("reject rows")
            << QByteArray(R"j({"reason":"r","column":"c","row":{"id":1,"k":"v"}})j") << row;
        QTest::newRow("slash escape") << QByteArray(R"j({"a":"\/"})j") << whole;
        QTest::newRow("unicode escape") << QByteArray(R"j({"a":"\u00e9"})j") << whole;
        QTest::newRow("uppercase hex escape") << QByteArray(R"j({"a":"\u001F"})j") << whole;
        QTest::newRow("long real") << QByteArray(R"j([{"r":0.10000000000000001}])j") << array;
        QTest::newRow("integral real") << QByteArray(R"j([{"r":2.0},{"r":2}])j") << array;
        QTest::newRow("exponent case") << QByteArray(R"j({"r":1E+300})j") << whole;
        QTest::newRow("minus zero int") << QByteArray(R"j({"i":-0})j") << whole;
        QTest::newRow("leading zero") << QByteArray(R"j({"i":012})j") << whole;
        QTest::newRow("uint64 max") << QByteArray(R"j({"i":18446744073709551615})j") << whole;
        QTest::newRow("past uint64") << QByteArray(R"j({"i":18446744073709551616})j") << whole;
        QTest::newRow("raw control char") << QByteArray("{\"a\":\"x\ty\"}") << whole;
        QTest::newRow("bad utf-8") << QByteArray("[\"\xC3\"]") << array;
        QTest::newRow("non-ascii") << QByteArray(R"j(["日本 é 🚀"])j") << array;
        QTest::newRow("trailing comma") << QByteArray(R"j([{"id":1},])j") << array;
        QTest::newRow("row not last") << QByteArray(R"j({"row":{"id":1},"reason":"r"})j") << row;
        QTest::newRow("two rows") << QByteArray(R"j({"row":{"id":1},"row":{"id":2}})j") << row;
        QTest::newRow("deep") << QByteArray(600, '[') + QByteArray(600, ']') << whole;
        QTest::newRow("empty object") << QByteArray("{}") << whole;
        QTest::newRow("scalar group") << QByteArray("[1,\"a\",null]") << array;
        // Integers the scanner checks without re-encoding, and the ones next to that range.
        QTest::newRow("zero") << QByteArray(R"j({"i":0,"j":-1})j") << whole;
        QTest::newRow("18 digits") << QByteArray(R"j([123456789012345678,-99])j") << array;
        QTest::newRow("int64 max") << QByteArray(R"j({"i":9223372036854775807})j") << whole;
        QTest::newRow("int64 min") << QByteArray(R"j({"i":-9223372036854775808})j") << whole;
        QTest::newRow("lone minus") << QByteArray(R"j({"i":-})j") << whole;
        QTest::newRow("digits then letter") << QByteArray(R"j({"i":12a})j") << whole;
        QTest::newRow("leading zero long") << QByteArray(R"j([0012345])j") << array;
        // Strings scanned eight bytes at a time: a special byte at each place in a word.
        for (int at = 0; at < 17; ++at) {
            for (const char *special :
                 {"\\\"", "\\\\", "\\n", "\t", "\x7f", "\xc3\xa9", "\xff", "\\u0001"}) {
                QByteArray text(24, 'a');
                text.insert(at, special);
                QTest::newRow(
                    qPrintable(QStringLiteral("special at %1: %2")
                                   .arg(at)
                                   .arg(QString::fromLatin1(QByteArray(special).toHex()))))
                    << "{\"s\":\"" + text + "\"}" << whole;
            }
        }
    }
    void fastPathAgreesWithTheGeneralParser() {
        QFETCH(QByteArray, json);
        QFETCH(int, layout);
        std::vector<std::string> fast, slow;
        const bool fastOk =
            forEachCanonicalElement(json.toStdString(), static_cast<ElementLayout>(layout),
                                    [&](std::string_view e) { fast.emplace_back(e); });
        const bool slowOk =
            forEachCanonicalElementSlow(json.toStdString(), static_cast<ElementLayout>(layout),
                                        [&](std::string_view e) { slow.emplace_back(e); });
        QCOMPARE(fastOk, slowOk);
        QCOMPARE(fast, slow);
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
