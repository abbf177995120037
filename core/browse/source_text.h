#pragma once

#include "status.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <utility>
#include <vector>

namespace magellan {

// Where a byte offset of a file (as magellan's spans count them: UTF-8 bytes from the start of
// the file) is for a person: its line and column, and its place in the text the views show.
// Lines and columns are 1-based; a column counts characters (Unicode code points) from the start
// of its line, so "é" is one column however many bytes it takes. A line ends at "\n"; a "\r"
// before it belongs to the line ending, not to the line.
struct TextPosition {
    int line = 0;          // 0 when not known (the text after a gap)
    int column = 0;        // 0 when not known
    qsizetype shownAt = 0; // UTF-16 index into SourceText::shownText()
};

// A run of the file's bytes that no known text covers.
struct ByteGap {
    qint64 start = 0;
    qint64 end = 0; // exclusive
};

// Known bytes of a file from `byteStart` on (a chunk's content).
struct TextPiece {
    qint64 byteStart = 0;
    QByteArray bytes;
};

// A file's text as the views show it (one block per line, a gap as a line of its own), with the
// way between byte offsets and what is shown. A value type, immutable once built: build it on a
// worker thread and read it from any.
class SourceText {
public:
    // The marker a gap is shown as, given its byte range.
    using GapText = std::function<QString(const ByteGap &gap)>;

    SourceText() = default;
    // The whole file, from byte 0. Bytes that are not UTF-8 show as U+FFFD, one per byte.
    static SourceText fromBytes(const QByteArray &bytes);
    // The known pieces of a file, in any order; overlaps keep the earlier piece's bytes. Every
    // range before, between or inside no piece becomes a gap shown as `gapText` on a line of its
    // own. Lines and columns are known only up to the first gap.
    static SourceText fromPieces(std::vector<TextPiece> pieces, const GapText &gapText);

    const QString &shownText() const { return m_shown; }
    // One past the last byte the text knows of.
    qint64 byteLength() const { return m_byteLength; }
    const std::vector<ByteGap> &gaps() const { return m_gaps; }
    bool isEmpty() const { return m_rows.empty(); }

    // The position of byte `offset` (0 <= offset <= byteLength()); an offset inside a character
    // is that character's. InvalidInput outside that range.
    Result<TextPosition> positionOf(qint64 offset) const;
    // The byte offset where the character at `shownAt` (0 <= shownAt <= shownText().size())
    // starts; a gap's first byte for any place on its marker. InvalidInput outside that range.
    Result<qint64> byteOffsetAt(qsizetype shownAt) const;
    // The shown range [first, second) of bytes [byteStart, byteEnd); InvalidInput when the range
    // is reversed or leaves the text.
    Result<std::pair<qsizetype, qsizetype>> shownRange(qint64 byteStart, qint64 byteEnd) const;
    // The file's line number of each shown block, in block order; 0 for a block whose line is not
    // known (a gap's marker, the text after a gap).
    std::vector<int> lineNumbers() const;

private:
    struct Row {
        qint64 byteStart = 0;   // of the line's first byte
        qint64 byteEnd = 0;     // of its terminator ("\n" or "\r\n"), or where its piece ends
        qsizetype storedAt = 0; // index of byteStart in m_bytes
        qsizetype shownStart = 0;
        qsizetype shownLength = 0;
        int line = 0; // 0: not known
        bool gap = false;
    };
    void appendLines(const QByteArray &bytes, qint64 byteStart, int firstLine);
    void appendGap(const ByteGap &gap, const GapText &gapText);
    int rowAtByte(qint64 offset) const;
    int rowAtShown(qsizetype shownAt) const;

    QByteArray m_bytes; // the known bytes, pieces one after another
    QString m_shown;
    std::vector<Row> m_rows;
    std::vector<ByteGap> m_gaps;
    qint64 m_byteLength = 0;
};

} // namespace magellan
