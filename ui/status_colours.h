#pragma once

#include <QColor>
#include <QString>

class QPalette;

namespace magellan {

// Text colours for a pass, a warning and a failure, each readable (4.5:1 or more, WCAG AA) on the
// palette's Base and Window colours, so they suit light and dark themes alike.
struct StatusColours {
    QColor pass;
    QColor warning;
    QColor fail;
};

StatusColours statusColours(const QPalette &palette);

// WCAG 2 relative luminance of a colour, 0 (black) to 1 (white).
double relativeLuminance(const QColor &colour);
// WCAG 2 contrast ratio of two colours, 1 to 21.
double contrastRatio(const QColor &a, const QColor &b);

// `escapedHtml` in bold and `colour`; the markup stays outside any translated text.
QString colouredBold(const QString &escapedHtml, const QColor &colour);
// `escapedHtml` in `colour`, not bold.
QString coloured(const QString &escapedHtml, const QColor &colour);

} // namespace magellan
