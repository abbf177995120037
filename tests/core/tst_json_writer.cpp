#include "format/json_string_scan.h"
#include "format/json_writer.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace magellan;

namespace {
std::string doubleText(double value) {
    std::string out;
    JsonWriter::appendDouble(value, out);
    return out;
}
std::string escaped(std::string_view text) {
    std::string out;
    JsonWriter::appendEscaped(text, out);
    return out;
}
} // namespace

class TestJsonWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The word-at-a-time search must find the first special byte wherever it sits in a word,
    // after any other byte, and never stop at a plain one.
    void findsTheFirstSpecialByteAnywhere() {
        const std::string special = std::string("\"\\\x01\x1f\x80\xff", 6);
        const std::string plain = std::string(" ~\x7f/a", 5);
        for (size_t length = 0; length <= 20; ++length) {
            for (const char filler : plain) {
                const std::string text(length, filler);
                QCOMPARE(findJsonStringSpecial(text, 0, true), length);
            }
            for (size_t at = 0; at < length; ++at) {
                for (const char c : special) {
                    std::string text(length, 'a');
                    text[at] = c;
                    if (at + 1 < length)
                        text[at + 1] = '"'; // a later hit must not hide the first
                    const bool high = static_cast<unsigned char>(c) >= 0x80;
                    QCOMPARE(findJsonStringSpecial(text, 0, true), at);
                    QCOMPARE(findJsonStringSpecial(text, 0, false),
                             high ? (at + 1 < length ? at + 1 : length) : at);
                    QCOMPARE(findJsonStringSpecial(text, at + 1, true),
                             at + 1 < length ? at + 1 : length);
                }
            }
        }
    }

    void integers() {
        std::string out;
        JsonWriter writer(out);
        writer.beginArray();
        writer.intValue(0);
        writer.intValue(-1);
        writer.intValue(std::numeric_limits<std::int64_t>::min());
        writer.intValue(std::numeric_limits<std::int64_t>::max());
        writer.endArray();
        QCOMPARE(out, "[0,-1,-9223372036854775808,9223372036854775807]");
    }

    void realsUseTheShortestRoundTripForm() {
        QCOMPARE(doubleText(0.1), "0.1");
        QCOMPARE(doubleText(1.0), "1.0"); // stays a real when read back
        QCOMPARE(doubleText(-0.0), "-0.0");
        QCOMPARE(doubleText(-3.25), "-3.25");
        QCOMPARE(doubleText(1e-7), "1e-07");
        QCOMPARE(doubleText(1e300), "1e+300");
        QCOMPARE(doubleText(5e-324), "5e-324");
        QCOMPARE(doubleText(123456789012345678.0),
                 "123456789012345680.0"); // to_chars picks the shorter of fixed and scientific
        QCOMPARE(std::stod(doubleText(0.30000000000000004)), 0.30000000000000004);
        QCOMPARE(doubleText(std::numeric_limits<double>::infinity()), "\"Infinity\"");
        QCOMPARE(doubleText(-std::numeric_limits<double>::infinity()), "\"-Infinity\"");
        QCOMPARE(doubleText(std::nan("")), "null");
    }

    void stringsAreEscapedLikeJsonRequires() {
        QCOMPARE(escaped("plain"), "\"plain\"");
        QCOMPARE(escaped("a\"b\\c"), "\"a\\\"b\\\\c\"");
        QCOMPARE(escaped("\n\r\t\b\f"), "\"\\n\\r\\t\\b\\f\"");
        QCOMPARE(escaped(std::string_view("\x00\x01\x1f", 3)), "\"\\u0000\\u0001\\u001f\"");
        QCOMPARE(escaped("\x7f"), "\"\x7f\"");
        QCOMPARE(escaped("日本 ü 🚀"), "\"日本 ü 🚀\"");
        QCOMPARE(escaped(""), "\"\"");
    }

    // The raw writers an encoder sizes a buffer for spell every value as the appenders do, in
    // no more than the room they name.
    void rawWritersSpellAsTheAppendersDo() {
        char buffer[256];
        for (const std::int64_t value :
             {std::int64_t(0), std::int64_t(-1), std::int64_t(7), std::int64_t(1234567890123),
              std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()}) {
            std::string appended;
            JsonWriter::appendInt(value, appended);
            char *end = JsonWriter::writeInt(value, buffer);
            QCOMPARE(std::string(buffer, size_t(end - buffer)), appended);
            QVERIFY(size_t(end - buffer) <= JsonWriter::intRoom);
        }
        for (const double value :
             {0.0, -0.0, 1.0, 0.1, -3.25, 1e-7, 1e300, 5e-324, -2.2250738585072014e-308,
              123456789012345678.0, std::numeric_limits<double>::infinity(),
              -std::numeric_limits<double>::infinity(), std::nan("")}) {
            char *end = JsonWriter::writeDouble(value, buffer);
            QCOMPARE(std::string(buffer, size_t(end - buffer)), doubleText(value));
            QVERIFY(size_t(end - buffer) <= JsonWriter::doubleRoom);
        }
        const std::string allEscapes = [] {
            std::string text;
            for (int c = 0; c < 0x20; ++c)
                text += char(c);
            return text + "\"\\";
        }();
        for (const std::string_view text :
             {std::string_view(""), std::string_view("plain"), std::string_view("a\"b\\c\n"),
              std::string_view(allEscapes), std::string_view("日本 ü 🚀"),
              std::string_view("0123456789abcdef\t0123456789abcdef\x7f")}) {
            char *end = JsonWriter::writeEscaped(text, buffer);
            QCOMPARE(std::string(buffer, size_t(end - buffer)), escaped(text));
            QVERIFY(size_t(end - buffer) <= JsonWriter::escapedRoom(text.size()));
        }
        // Every byte a six-byte escape: the room is exactly what it takes.
        const std::string controls(30, '\x01');
        QCOMPARE(size_t(JsonWriter::writeEscaped(controls, buffer) - buffer),
                 JsonWriter::escapedRoom(controls.size()));
    }

    void nestingAndSeparators() {
        std::string out;
        JsonWriter writer(out);
        writer.beginObject();
        writer.key("a");
        writer.nullValue();
        writer.key("b");
        writer.beginArray();
        writer.boolValue(true);
        writer.beginObject();
        writer.endObject();
        writer.beginArray();
        writer.endArray();
        writer.stringValue("x");
        writer.endArray();
        writer.key("c");
        writer.rawValue("{\"d\":1}");
        writer.key("e");
        writer.unsignedValue(18446744073709551615ULL);
        writer.endObject();
        QCOMPARE(
            out,
            "{\"a\":null,\"b\":[true,{},[],\"x\"],\"c\":{\"d\":1},\"e\":18446744073709551615}");
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_json_writer.moc"
