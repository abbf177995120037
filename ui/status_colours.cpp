#include "status_colours.h"

#include <QPalette>

#include <cmath>

namespace magellan {
namespace {

constexpr double minimumContrast = 4.5;

double linear(double channel) {
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

// The lightness of `hue` nearest to a comfortable one that reads on both backgrounds.
QColor readableOn(int hue, int saturation, const QColor &base, const QColor &window) {
    const bool darkBackground = relativeLuminance(base) < 0.18;
    // Light themes get a deep tone, dark themes a pale one; step away from the background.
    const int start = darkBackground ? 150 : 110;
    const int step = darkBackground ? 4 : -4;
    for (int lightness = start; lightness >= 0 && lightness <= 255; lightness += step) {
        const QColor candidate = QColor::fromHsl(hue, saturation, lightness);
        if (contrastRatio(candidate, base) >= minimumContrast &&
            contrastRatio(candidate, window) >= minimumContrast)
            return candidate;
    }
    return darkBackground ? QColor(Qt::white) : QColor(Qt::black); // no tone of the hue reads
}

} // namespace

double relativeLuminance(const QColor &colour) {
    const QColor rgb = colour.toRgb();
    return 0.2126 * linear(rgb.redF()) + 0.7152 * linear(rgb.greenF()) +
           0.0722 * linear(rgb.blueF());
}

double contrastRatio(const QColor &a, const QColor &b) {
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

StatusColours statusColours(const QPalette &palette) {
    const QColor base = palette.color(QPalette::Active, QPalette::Base);
    const QColor window = palette.color(QPalette::Active, QPalette::Window);
    return {readableOn(130, 200, base, window), readableOn(35, 230, base, window),
            readableOn(0, 200, base, window)};
}

QString colouredBold(const QString &escapedHtml, const QColor &colour) {
    return QStringLiteral("<b style='color:%1'>%2</b>").arg(colour.name(), escapedHtml);
}

QString coloured(const QString &escapedHtml, const QColor &colour) {
    return QStringLiteral("<span style='color:%1'>%2</span>").arg(colour.name(), escapedHtml);
}

} // namespace magellan
