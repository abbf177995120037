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

QString excerpt(const QList<uint> &text, qsizetype from, qsizetype to) {
    QString out = from > 0 ? QStringLiteral("…") : QString();
    for (qsizetype i = from; i < std::min(to, text.size()); ++i)
        out += visible(static_cast<char32_t>(text[i]));
    if (to < text.size())
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
    difference.sourceExcerpt = excerpt(a, from, offset + contextAfter);
    difference.storeExcerpt = excerpt(b, from, offset + contextAfter);
    difference.caretColumn = offset - from + (from > 0 ? 1 : 0);
    return difference;
}

} // namespace magellan
