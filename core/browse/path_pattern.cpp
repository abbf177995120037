#include "browse/path_pattern.h"

#include <QChar>

#include <algorithm>

namespace magellan {
namespace {

QList<uint> foldedCodePoints(const QString &text) {
    QList<uint> points = text.toUcs4();
    for (uint &point : points)
        point = QChar::toCaseFolded(char32_t(point));
    return points;
}

} // namespace

PathPattern::PathPattern(const QString &pattern)
    : m_text(pattern), m_pattern(foldedCodePoints(pattern)),
      m_glob(pattern.contains(QLatin1Char('*')) || pattern.contains(QLatin1Char('?'))) {}

bool PathPattern::matches(std::string_view path) const {
    if (m_pattern.isEmpty())
        return true;
    const QList<uint> folded =
        foldedCodePoints(QString::fromUtf8(path.data(), static_cast<qsizetype>(path.size())));
    if (!m_glob)
        return std::search(folded.begin(), folded.end(), m_pattern.begin(), m_pattern.end()) !=
               folded.end();
    return globMatches(folded);
}

// Whether the glob matches some part of `path`: as if it began with a '*' and ended with one.
// Greedy, going back only to the last '*' passed (enough for '*' and '?'): at most
// pattern × path steps, never exponential.
bool PathPattern::globMatches(const QList<uint> &path) const {
    qsizetype p = 0;                // in the pattern
    qsizetype s = 0;                // in the path
    qsizetype starP = 0, starS = 0; // the implicit '*' before the pattern: any start
    while (p < m_pattern.size()) {
        const uint want = m_pattern[p];
        if (want == '*') {
            starP = ++p;
            starS = s;
            continue;
        }
        if (s < path.size() && (want == '?' || want == path[s])) {
            ++p;
            ++s;
            continue;
        }
        if (starS >= path.size())
            return false;
        p = starP; // let the last '*' take one more character
        s = ++starS;
    }
    return true;
}

} // namespace magellan
