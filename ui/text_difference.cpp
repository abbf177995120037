#include "text_difference.h"

#include <QList>

#include <algorithm>

namespace magellan {
namespace {

constexpr qsizetype contextBefore = 24; // characters kept before the difference
constexpr qsizetype contextAfter = 40;  // and after it

// One character as it shows on a single line: line breaks and tabs made visible.
QString visible(char32_t c) {
    switch (c) {
    case U'\n':
        return QStringLiteral("⏎");
    case U'\r':
        return QStringLiteral("␍");
    case U'\t':
        return QStringLiteral("→");
    default:
        return c < 0x20 ? QStringLiteral("·") : QString::fromUcs4(&c, 1);
    }
}

// Characters `from` to `to` of `text`, with "…" for text cut off before or after when asked.
QString excerpt(const QList<uint> &text, qsizetype from, qsizetype to, bool markBefore,
                bool markAfter) {
    QString out = markBefore ? QStringLiteral("…") : QString();
    for (qsizetype i = from; i < std::min(to, text.size()); ++i)
        out += visible(static_cast<char32_t>(text[i]));
    if (markAfter && to < text.size())
        out += QStringLiteral("…");
    return out;
}

} // namespace

TextDifference firstDifference(const QString &source, const QString &store) {
    TextDifference difference;
    if (source == store)
        return difference;
    const QList<uint> a = source.toUcs4();
    const QList<uint> b = store.toUcs4();
    const auto [endA, endB] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
    const qsizetype offset = endA - a.begin();
    const qsizetype from = std::max<qsizetype>(0, offset - contextBefore);
    difference.offset = offset;
    difference.common = excerpt(a, from, offset, from > 0, false);
    difference.sourceRest = excerpt(a, offset, offset + contextAfter, false, true);
    difference.storeRest = excerpt(b, offset, offset + contextAfter, false, true);
    difference.caretColumn = offset - from + (from > 0 ? 1 : 0);
    return difference;
}

} // namespace magellan
