#pragma once

#include <QString>

namespace magellan {

// Where two texts first differ, in characters (Unicode code points, so "é" or "😀" counts one),
// and each side around that place.
struct TextDifference {
    qsizetype offset = -1; // -1: the texts are equal
    QString sourceExcerpt; // "…" marks text cut off; line breaks and tabs show as ⏎ and →
    QString storeExcerpt;
    qsizetype caretColumn = 0; // characters into each excerpt where the difference starts
};

// Compares `source` with `store` and cuts an excerpt of each around their first difference.
TextDifference firstDifference(const QString &source, const QString &store);

} // namespace magellan
