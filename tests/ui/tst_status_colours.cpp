#include "palette_choice.h"
#include "status_colours.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>

#include <memory>

using namespace magellan;

namespace {

QPalette lightPalette() {
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette palette = fusion->standardPalette();
    palette.setColor(QPalette::Base, Qt::white);
    return palette;
}

void verifyReadable(const QPalette &palette) {
    const StatusColours colours = statusColours(palette);
    for (const QColor &colour : {colours.pass, colours.warning, colours.fail})
        for (QPalette::ColorRole background : {QPalette::Base, QPalette::Window}) {
            const double ratio = contrastRatio(colour, palette.color(background));
            QVERIFY2(ratio >= 4.5,
                     qPrintable(QStringLiteral("%1 on %2: %3:1")
                                    .arg(colour.name(), palette.color(background).name())
                                    .arg(ratio, 0, 'f', 2)));
        }
}

} // namespace

class TestStatusColours : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void luminanceAndContrastFollowWcag() {
        QCOMPARE(relativeLuminance(Qt::black), 0.0);
        QCOMPARE(relativeLuminance(Qt::white), 1.0);
        QCOMPARE(contrastRatio(Qt::black, Qt::white), 21.0);
        QCOMPARE(contrastRatio(Qt::white, Qt::black), 21.0);
        // #777777 on white is the classic borderline grey: 4.48:1.
        QVERIFY(qAbs(contrastRatio(QColor(0x77, 0x77, 0x77), Qt::white) - 4.48) < 0.01);
    }

    // What the app used to hard-code: readable on white, not on a dark theme.
    void theOldFixedColoursFailOnDark() {
        const QColor dark = darkPalette().color(QPalette::Base);
        QVERIFY(contrastRatio(QColor(0x1b, 0x7a, 0x2e), dark) < 4.5);
        QVERIFY(contrastRatio(QColor(0xb0, 0x1c, 0x1c), dark) < 4.5);
    }

    void readableOnALightPalette() { verifyReadable(lightPalette()); }
    void readableOnADarkPalette() { verifyReadable(darkPalette()); }

    void readableOnGreyAndOnBlack() {
        QPalette grey = lightPalette();
        grey.setColor(QPalette::Window, QColor(0x80, 0x80, 0x80).lighter(150));
        verifyReadable(grey);
        QPalette black = darkPalette();
        black.setColor(QPalette::Base, Qt::black);
        black.setColor(QPalette::Window, Qt::black);
        verifyReadable(black);
    }

    void passWarningAndFailStayTellableApart() {
        for (const QPalette &palette : {lightPalette(), darkPalette()}) {
            const StatusColours colours = statusColours(palette);
            QVERIFY(colours.pass.hslHue() > 90 && colours.pass.hslHue() < 170);
            QVERIFY(colours.warning.hslHue() > 20 && colours.warning.hslHue() < 60);
            QVERIFY(colours.fail.hslHue() < 15 || colours.fail.hslHue() > 345);
        }
    }

    void markupStaysOutsideTheText() {
        QCOMPARE(colouredBold(QStringLiteral("ok &amp; done"), QColor(0x10, 0x20, 0x30)),
                 QStringLiteral("<b style='color:#102030'>ok &amp; done</b>"));
    }
};

QTEST_MAIN(TestStatusColours)
#include "tst_status_colours.moc"
