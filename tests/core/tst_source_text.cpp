// Byte offsets of a file against lines, columns and the shown text: multi-byte UTF-8, CRLF,
// bytes that are not UTF-8, and text put together from pieces with gaps.
#include "browse/source_text.h"

#include <QTest>

using namespace magellan;

namespace {

QString gapMarker(const ByteGap &gap) {
    return QStringLiteral("[gap %1-%2]").arg(gap.start).arg(gap.end);
}

} // namespace

class TestSourceText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void asciiLinesAndColumns() {
        const SourceText text = SourceText::fromBytes("ab\ncd\n");
        QCOMPARE(text.shownText(), QStringLiteral("ab\ncd\n"));
        const auto at = [&](qint64 offset) {
            const Result<TextPosition> position = text.positionOf(offset);
            return position.isOk() ? std::make_tuple(position->line, position->column,
                                                     qint64(position->shownAt))
                                   : std::make_tuple(-1, -1, qint64(-1));
        };
        QCOMPARE(at(0), std::make_tuple(1, 1, qint64(0)));
        QCOMPARE(at(1), std::make_tuple(1, 2, qint64(1)));
        QCOMPARE(at(2), std::make_tuple(1, 3, qint64(2))); // the newline: end of line 1
        QCOMPARE(at(3), std::make_tuple(2, 1, qint64(3)));
        QCOMPARE(at(6), std::make_tuple(3, 1, qint64(6))); // the empty last line
        QVERIFY(!text.positionOf(7).isOk());
        QVERIFY(!text.positionOf(-1).isOk());
        QCOMPARE(text.lineNumbers(), (std::vector<int>{1, 2, 3}));
    }

    void multiByteCharactersAreOneColumn() {
        // "é" is 2 bytes, "€" 3, "𝄞" 4 (two UTF-16 units).
        const QByteArray bytes = QStringLiteral("é€𝄞x\nz").toUtf8();
        QCOMPARE(bytes.size(), 2 + 3 + 4 + 1 + 1 + 1);
        const SourceText text = SourceText::fromBytes(bytes);
        QCOMPARE(text.shownText(), QStringLiteral("é€𝄞x\nz"));
        QCOMPARE(text.positionOf(2)->column, 2);  // "€"
        QCOMPARE(text.positionOf(5)->column, 3);  // "𝄞"
        QCOMPARE(text.positionOf(9)->column, 4);  // "x"
        QCOMPARE(text.positionOf(9)->shownAt, 4); // after é, €, and 𝄞's two units
        // Inside a character: that character's start.
        QCOMPARE(text.positionOf(1)->column, 1);
        QCOMPARE(text.positionOf(7)->column, 3);
        QCOMPARE(text.positionOf(7)->shownAt, 2);
        QCOMPARE(text.positionOf(11)->line, 2);
        // And back: each shown place to the byte its character starts at.
        QCOMPARE(text.byteOffsetAt(0).value(), 0);
        QCOMPARE(text.byteOffsetAt(1).value(), 2);
        QCOMPARE(text.byteOffsetAt(2).value(), 5);
        QCOMPARE(text.byteOffsetAt(3).value(), 5); // between 𝄞's surrogates
        QCOMPARE(text.byteOffsetAt(4).value(), 9);
        QCOMPARE(text.byteOffsetAt(6).value(), 11);
        const auto range = text.shownRange(2, 9);
        QVERIFY(range.isOk());
        QCOMPARE(text.shownText().mid(range->first, range->second - range->first),
                 QStringLiteral("€𝄞"));
    }

    void crlfEndsALineWithoutAColumn() {
        const SourceText text = SourceText::fromBytes("a\r\nbc\r\n\r\nd");
        QCOMPARE(text.shownText(), QStringLiteral("a\nbc\n\nd"));
        QCOMPARE(text.positionOf(3)->line, 2); // "b"
        QCOMPARE(text.positionOf(3)->column, 1);
        QCOMPARE(text.positionOf(1)->column, 2); // the CR ends line 1
        QCOMPARE(text.positionOf(2)->column, 2); // and so does its LF
        QCOMPARE(text.positionOf(9)->line, 4);   // "d"
        QCOMPARE(text.positionOf(9)->shownAt, 6);
        QCOMPARE(text.byteOffsetAt(6).value(), 9);
        QCOMPARE(text.byteOffsetAt(3).value(), 4); // "c"
        QCOMPARE(text.lineNumbers(), (std::vector<int>{1, 2, 3, 4}));
    }

    void aLoneCarriageReturnStaysOnItsLine() {
        const SourceText text = SourceText::fromBytes("a\rb\n");
        QCOMPARE(text.shownText(), QStringLiteral("a\u240Db\n"));
        QCOMPARE(text.positionOf(2)->column, 3);
        QCOMPARE(text.lineNumbers().size(), size_t(2));
    }

    void bytesThatAreNotUtf8AreOneCharacterEach() {
        const QByteArray bytes("a\xff\xc3(b", 5); // a stray byte and a broken sequence
        const SourceText text = SourceText::fromBytes(bytes);
        QCOMPARE(text.shownText(), QStringLiteral("a\uFFFD\uFFFD(b"));
        QCOMPARE(text.positionOf(4)->column, 5);
        QCOMPARE(text.byteOffsetAt(2).value(), 2);
    }

    void piecesWithGaps() {
        // Bytes 0-4 "ab\nc", a gap 4-10, then 10-14 "xy\nz" (line numbers unknown after it).
        std::vector<TextPiece> pieces{{10, "xy\nz"}, {0, "ab\nc"}};
        const SourceText text = SourceText::fromPieces(pieces, gapMarker);
        QCOMPARE(text.shownText(), QStringLiteral("ab\nc\n[gap 4-10]\nxy\nz"));
        QCOMPARE(text.gaps().size(), size_t(1));
        QCOMPARE(text.byteLength(), 14);
        QCOMPARE(text.positionOf(3)->line, 2);
        QCOMPARE(text.positionOf(5)->line, 0); // inside the gap
        QCOMPARE(text.positionOf(5)->shownAt, 5);
        QCOMPARE(text.positionOf(11)->line, 0);
        QCOMPARE(text.positionOf(11)->column, 0);
        QCOMPARE(text.positionOf(11)->shownAt, 17);
        QCOMPARE(text.byteOffsetAt(8).value(), 4); // on the marker: the gap's first byte
        QCOMPARE(text.byteOffsetAt(17).value(), 11);
        QCOMPARE(text.lineNumbers(), (std::vector<int>{1, 2, 0, 0, 0}));
        // A range that reaches into the gap takes the whole marker.
        const auto range = text.shownRange(3, 6);
        QCOMPARE(text.shownText().mid(range->first, range->second - range->first),
                 QStringLiteral("c\n[gap 4-10]"));
    }

    void aLeadingGapAndOverlappingPieces() {
        std::vector<TextPiece> pieces{{5, "hello"}, {7, "llo world"}, {20, "!"}};
        const SourceText text = SourceText::fromPieces(pieces, gapMarker);
        QCOMPARE(text.shownText(), QStringLiteral("[gap 0-5]\nhello world\n[gap 16-20]\n!"));
        QCOMPARE(text.gaps().size(), size_t(2));
        QCOMPARE(text.positionOf(6)->line, 0);
        QCOMPARE(text.byteOffsetAt(11).value(), 6);
        const auto range = text.shownRange(5, 16);
        QCOMPARE(text.shownText().mid(range->first, range->second - range->first),
                 QStringLiteral("hello world"));
    }

    void contiguousPiecesJoinTheirLine() {
        std::vector<TextPiece> pieces{{0, "int ma"}, {6, "in() {}\nx"}};
        const SourceText text = SourceText::fromPieces(pieces, gapMarker);
        QCOMPARE(text.shownText(), QStringLiteral("int main() {}\nx"));
        QVERIFY(text.gaps().empty());
        QCOMPARE(text.positionOf(14)->line, 2);
    }

    void reversedRangesAreRefused() {
        const SourceText text = SourceText::fromBytes("abc");
        QVERIFY(!text.shownRange(2, 1).isOk());
        QVERIFY(!text.shownRange(0, 4).isOk());
        QVERIFY(!SourceText().positionOf(0).isOk());
    }
};

QTEST_GUILESS_MAIN(TestSourceText)
#include "tst_source_text.moc"
