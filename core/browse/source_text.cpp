#include "browse/source_text.h"

#include <algorithm>

namespace magellan {
namespace {

struct Character {
    int bytes = 1;     // how many bytes it takes
    char32_t code = 0; // U+FFFD for a byte that starts no well-formed sequence
};

bool continuation(unsigned char byte) {
    return (byte & 0xC0) == 0x80;
}

// The character at `at`, decoded strictly (no overlongs, surrogates or code points past
// U+10FFFF); a byte that is not part of a well-formed sequence is one U+FFFD of its own.
Character characterAt(const char *data, qsizetype at, qsizetype end) {
    const auto byte = [&](qsizetype i) { return static_cast<unsigned char>(data[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80)
        return {1, lead};
    int length = 0;
    unsigned char low = 0x80, high = 0xBF; // the second byte's range
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return {1, 0xFFFD};
    }
    if (at + length > end || byte(at + 1) < low || byte(at + 1) > high)
        return {1, 0xFFFD};
    char32_t code = lead & (0xFF >> (length + 1));
    for (int i = 1; i < length; ++i) {
        if (!continuation(byte(at + i)))
            return {1, 0xFFFD};
        code = (code << 6) | (byte(at + i) & 0x3F);
    }
    return {length, code};
}

// What a character is shown as: one that would break the shown line where the file has none
// (a lone CR, the Unicode line and paragraph separators) or hide (NUL) shows as a visible sign,
// so that every line of the file is one block of the view.
char32_t shownCharacter(char32_t code) {
    switch (code) {
    case U'\r':
        return U'\u240D'; // ␍
    case U'\u2028':
    case U'\u2029':
        return U'\u21B5'; // ↵
    case U'\0':
        return U'\u2400'; // ␀
    default:
        return code;
    }
}

int utf16Units(char32_t code) {
    return code > 0xFFFF ? 2 : 1;
}

void appendShown(QString &out, char32_t code) {
    const char32_t shown = shownCharacter(code);
    if (shown > 0xFFFF) {
        out += QChar(QChar::highSurrogate(shown));
        out += QChar(QChar::lowSurrogate(shown));
    } else {
        out += QChar(static_cast<char16_t>(shown));
    }
}

} // namespace

SourceText SourceText::fromBytes(const QByteArray &bytes) {
    SourceText text;
    text.m_bytes = bytes;
    text.appendLines(bytes, 0, 1);
    text.m_byteLength = bytes.size();
    return text;
}

SourceText SourceText::fromPieces(std::vector<TextPiece> pieces, const GapText &gapText) {
    SourceText text;
    pieces.erase(std::remove_if(pieces.begin(), pieces.end(),
                                [](const TextPiece &piece) {
                                    return piece.byteStart < 0 || piece.bytes.isEmpty();
                                }),
                 pieces.end());
    std::stable_sort(pieces.begin(), pieces.end(), [](const TextPiece &a, const TextPiece &b) {
        return a.byteStart < b.byteStart;
    });
    // Contiguous and overlapping pieces join into runs, so a line split over two chunks is one.
    struct Run {
        qint64 start;
        QByteArray bytes;
    };
    std::vector<Run> runs;
    for (TextPiece &piece : pieces) {
        if (!runs.empty()) {
            Run &last = runs.back();
            const qint64 lastEnd = last.start + last.bytes.size();
            if (piece.byteStart <= lastEnd) {
                const qint64 pieceEnd = piece.byteStart + piece.bytes.size();
                if (pieceEnd > lastEnd)
                    last.bytes += piece.bytes.mid(lastEnd - piece.byteStart);
                continue;
            }
        }
        runs.push_back({piece.byteStart, std::move(piece.bytes)});
    }
    qint64 covered = 0;
    for (const Run &run : runs) {
        if (run.start > covered)
            text.appendGap({covered, run.start}, gapText);
        text.m_bytes += run.bytes;
        // Line numbers hold only while every byte before is known.
        text.appendLines(run.bytes, run.start, text.m_gaps.empty() ? 1 : 0);
        covered = run.start + run.bytes.size();
    }
    text.m_byteLength = covered;
    return text;
}

void SourceText::appendLines(const QByteArray &bytes, qint64 byteStart, int firstLine) {
    const qsizetype storedBase = m_bytes.size() - bytes.size(); // the bytes are already stored
    const char *data = bytes.constData();
    const qsizetype size = bytes.size();
    qsizetype lineStart = 0;
    int line = firstLine;
    while (true) {
        const qsizetype newline = bytes.indexOf('\n', lineStart);
        const qsizetype terminator = newline < 0 ? size : newline;
        qsizetype contentEnd = terminator;
        if (newline >= 0 && contentEnd > lineStart && data[contentEnd - 1] == '\r')
            --contentEnd;
        if (!m_rows.empty())
            m_shown += QLatin1Char('\n');
        Row row;
        row.byteStart = byteStart + lineStart;
        row.byteEnd = byteStart + contentEnd;
        row.storedAt = storedBase + lineStart;
        row.shownStart = m_shown.size();
        row.line = line;
        for (qsizetype at = lineStart; at < contentEnd;) {
            const Character character = characterAt(data, at, contentEnd);
            appendShown(m_shown, character.code);
            at += character.bytes;
        }
        row.shownLength = m_shown.size() - row.shownStart;
        m_rows.push_back(row);
        if (newline < 0)
            break;
        lineStart = newline + 1;
        line = line > 0 ? line + 1 : 0;
    }
}

void SourceText::appendGap(const ByteGap &gap, const GapText &gapText) {
    if (!m_rows.empty())
        m_shown += QLatin1Char('\n');
    Row row;
    row.byteStart = gap.start;
    row.byteEnd = gap.end;
    row.storedAt = m_bytes.size();
    row.shownStart = m_shown.size();
    QString marker = gapText ? gapText(gap) : QStringLiteral("…");
    marker.replace(QLatin1Char('\n'), QLatin1Char(' ')); // the marker is one line
    m_shown += marker;
    row.shownLength = marker.size();
    row.gap = true;
    m_rows.push_back(row);
    m_gaps.push_back(gap);
}

int SourceText::rowAtByte(qint64 offset) const {
    const auto after =
        std::upper_bound(m_rows.begin(), m_rows.end(), offset,
                         [](qint64 value, const Row &row) { return value < row.byteStart; });
    return static_cast<int>(std::max<std::ptrdiff_t>(0, (after - m_rows.begin()) - 1));
}

int SourceText::rowAtShown(qsizetype shownAt) const {
    const auto after =
        std::upper_bound(m_rows.begin(), m_rows.end(), shownAt,
                         [](qsizetype value, const Row &row) { return value < row.shownStart; });
    return static_cast<int>(std::max<std::ptrdiff_t>(0, (after - m_rows.begin()) - 1));
}

Result<TextPosition> SourceText::positionOf(qint64 offset) const {
    if (m_rows.empty() || offset < 0 || offset > m_byteLength)
        return Status::invalidInput(
            QStringLiteral("byte %1 is outside the text (0–%2)").arg(offset).arg(m_byteLength));
    const Row &row = m_rows[rowAtByte(offset)];
    if (row.gap)
        return TextPosition{0, 0, row.shownStart};
    const qint64 target = std::min(offset, row.byteEnd) - row.byteStart;
    const char *data = m_bytes.constData() + row.storedAt;
    const qsizetype length = row.byteEnd - row.byteStart;
    qsizetype at = 0;
    int characters = 0;
    qsizetype units = 0;
    while (at < target) {
        const Character character = characterAt(data, at, length);
        if (at + character.bytes > target)
            break; // inside this character: the position is its start
        at += character.bytes;
        ++characters;
        units += utf16Units(shownCharacter(character.code));
    }
    return TextPosition{row.line, row.line > 0 ? characters + 1 : 0, row.shownStart + units};
}

Result<qint64> SourceText::byteOffsetAt(qsizetype shownAt) const {
    if (m_rows.empty() || shownAt < 0 || shownAt > m_shown.size())
        return Status::invalidInput(QStringLiteral("place %1 is outside the shown text (0–%2)")
                                        .arg(shownAt)
                                        .arg(m_shown.size()));
    const Row &row = m_rows[rowAtShown(shownAt)];
    if (row.gap)
        return row.byteStart;
    const qsizetype target = shownAt - row.shownStart;
    const char *data = m_bytes.constData() + row.storedAt;
    const qsizetype length = row.byteEnd - row.byteStart;
    qsizetype at = 0;
    qsizetype units = 0;
    while (at < length) {
        const Character character = characterAt(data, at, length);
        const int width = utf16Units(shownCharacter(character.code));
        if (units + width > target)
            break;
        units += width;
        at += character.bytes;
    }
    return row.byteStart + at;
}

Result<std::pair<qsizetype, qsizetype>> SourceText::shownRange(qint64 byteStart,
                                                               qint64 byteEnd) const {
    if (byteEnd < byteStart)
        return Status::invalidInput(
            QStringLiteral("bytes %1–%2 are reversed").arg(byteStart).arg(byteEnd));
    Result<TextPosition> start = positionOf(byteStart);
    if (!start.isOk())
        return start.status();
    Result<TextPosition> end = positionOf(byteEnd);
    if (!end.isOk())
        return end.status();
    qsizetype shownEnd = end->shownAt;
    const int endRow = rowAtByte(byteEnd);
    if (const Row &row = m_rows[endRow]; row.gap && byteEnd > row.byteStart) {
        shownEnd = row.shownStart + row.shownLength; // into a gap: its whole marker
    } else if (byteEnd > byteStart && endRow > 0 && row.byteStart == byteEnd) {
        // Ending where a gap or a run starts: at the end of the row before, not past its break.
        const Row &before = m_rows[endRow - 1];
        if (before.byteEnd == byteEnd)
            shownEnd = before.shownStart + before.shownLength;
    }
    return std::pair<qsizetype, qsizetype>(start->shownAt, std::max(start->shownAt, shownEnd));
}

std::vector<int> SourceText::lineNumbers() const {
    std::vector<int> numbers;
    numbers.reserve(m_rows.size());
    for (const Row &row : m_rows)
        numbers.push_back(row.gap ? 0 : row.line);
    return numbers;
}

} // namespace magellan
