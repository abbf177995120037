#pragma once

#include <QString>

namespace magellan {

// Where two texts first differ, in characters (Unicode code points, so "é" or "😀" counts one),
// and each side around that place.
// Excerpts use "…" for text cut off and show line breaks and tabs as ⏎ and →.
struct TextDifference {
    qsizetype offset = -1;     // -1: the texts are equal
    QString common;            // the excerpt both share, up to the difference
    QString sourceRest;        // the source's excerpt from the difference on
    QString storeRest;         // the store's
    qsizetype caretColumn = 0; // characters in `common`: where the difference starts
    QString sourceExcerpt() const { return common + sourceRest; }
    QString storeExcerpt() const { return common + storeRest; }
};

// Compares `source` with `store` and cuts an excerpt of each around their first difference.
TextDifference firstDifference(const QString &source, const QString &store);

} // namespace magellan
