#include "palette_choice.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace magellan {

QPalette darkPalette() {
    QPalette palette;
    // Base lighter than Window: Fusion outlines checkboxes and fields with a darker Window, which
    // must stand out against Base.
    const QColor window(0x24, 0x24, 0x28);
    const QColor base(0x32, 0x32, 0x37);
    const QColor text(0xe8, 0xe8, 0xea);
    const QColor disabledText(0x8a, 0x8a, 0x8e);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, QColor(0x38, 0x38, 0x3e));
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, disabledText);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x40));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, QColor(0xff, 0x80, 0x80));
    palette.setColor(QPalette::Light, QColor(0x45, 0x45, 0x4a));
    palette.setColor(QPalette::Midlight, QColor(0x3a, 0x3a, 0x3e));
    palette.setColor(QPalette::Mid, QColor(0x25, 0x25, 0x28));
    palette.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x1a));
    palette.setColor(QPalette::Shadow, Qt::black);
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x6e, 0xb4));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    palette.setColor(QPalette::LinkVisited, QColor(0xc5, 0x8a, 0xf9));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, disabledText);
    return palette;
}

void applyRequestedPalette(QApplication &app) {
    const QString requested = qEnvironmentVariable("MAGELLAN_KV_PALETTE").toLower();
    if (requested != QLatin1String("dark") && requested != QLatin1String("light"))
        return;
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    app.setPalette(requested == QLatin1String("dark") ? darkPalette()
                                                      : app.style()->standardPalette());
}

} // namespace magellan
