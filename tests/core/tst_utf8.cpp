#include "format/utf8.h"

#include <QTest>

using namespace magellan;

namespace {
std::string repaired(std::string_view bytes) {
    std::string out;
    utf8::appendRepaired(bytes, out);
    return out;
}
const std::string fffd = "\xEF\xBF\xBD";
} // namespace

class TestUtf8 : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void validText() {
        QVERIFY(utf8::isValid(""));
        QVERIFY(utf8::isValid("plain ascii, long enough for the eight-byte path"));
        QVERIFY(utf8::isValid("é ü 日本語 🚀 \xF4\x8F\xBF\xBF"));
        QVERIFY(utf8::isValid(std::string_view("nul\0inside", 10)));
    }

    void invalidText_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("lone continuation") << QByteArray("a\x80"
                                                         "b");
        QTest::newRow("invalid lead") << QByteArray("\xFF");
        QTest::newRow("overlong two-byte") << QByteArray("\xC0\x80");
        QTest::newRow("overlong three-byte") << QByteArray("\xE0\x80\x80");
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80");
        QTest::newRow("past U+10FFFF") << QByteArray("\xF4\x90\x80\x80");
        QTest::newRow("F5 lead") << QByteArray("\xF5\x80\x80\x80");
        QTest::newRow("truncated at end") << QByteArray("abc\xE2\x82");
        QTest::newRow("after long ascii") << QByteArray("0123456789abcdef\xFE");
    }
    void invalidText() {
        QFETCH(QByteArray, bytes);
        QVERIFY(!utf8::isValid(bytes.toStdString()));
        QVERIFY(utf8::isValid(repaired(bytes.toStdString())));
    }

    void eachBadByteBecomesOneReplacement() {
        QCOMPARE(repaired("a\xFF"
                          "b"),
                 "a" + fffd + "b");
        QCOMPARE(repaired("\xE2\x82"), fffd + fffd);
        QCOMPARE(repaired("\xED\xA0\x80"), fffd + fffd + fffd);
        QCOMPARE(repaired("ok é"), "ok é");
        QCOMPARE(repaired("\xC3"), fffd);
    }
};

QTEST_GUILESS_MAIN(TestUtf8)
#include "tst_utf8.moc"
