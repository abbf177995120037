// The windows in a pseudo-locale: every string accented and about 40% longer, as German or
// Finnish text can be. At their default sizes no label or button may be cut off and no two
// widgets laid out side by side may overlap.
#include "browser_window.h"
#include "elided_label.h"
#include "main_window.h"
#include "migrate/migration.h"
#include "migration_panel.h"
#include "palette_choice.h"
#include "sample_sources.h"
#include "test_database.h"
#include "translations.h"
#include "value_inspector.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLayout>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace magellan;

namespace {

QString describe(const QWidget *widget, const QString &text) {
    return QStringLiteral("%1 \"%2\"")
        .arg(QLatin1String(widget->metaObject()->className()), text.left(60));
}

// How wide a label's text needs to be, on one line.
int neededWidth(const QLabel *label) {
    if (qobject_cast<const ElidedLabel *>(label)) // shortens itself; what it shows must fit
        return label->fontMetrics().horizontalAdvance(label->text()) +
               (label->width() - label->contentsRect().width());
    return label->minimumSizeHint().width();
}

// Labels and buttons whose text does not fit the space they were given.
QStringList clippedText(QWidget *root) {
    QStringList clipped;
    for (QLabel *label : root->findChildren<QLabel *>()) {
        if (!label->isVisible() || label->text().isEmpty() || !label->pixmap().isNull())
            continue;
        if (label->wordWrap()) {
            const int needed = label->heightForWidth(label->width());
            if (needed > label->height() + 1)
                clipped << describe(label, label->text()) +
                               QStringLiteral(": needs %1 px high, has %2")
                                   .arg(needed)
                                   .arg(label->height());
        } else if (neededWidth(label) > label->width() + 1) {
            clipped << describe(label, label->text()) + QStringLiteral(": needs %1 px wide, has %2")
                                                            .arg(neededWidth(label))
                                                            .arg(label->width());
        }
    }
    for (QAbstractButton *button : root->findChildren<QAbstractButton *>()) {
        if (!button->isVisible() || button->text().isEmpty() ||
            !(qobject_cast<QPushButton *>(button) || qobject_cast<QCheckBox *>(button)))
            continue;
        if (button->sizeHint().width() > button->width() + 1)
            clipped << describe(button, button->text()) +
                           QStringLiteral(": needs %1 px wide, has %2")
                               .arg(button->sizeHint().width())
                               .arg(button->width());
    }
    return clipped;
}

void collectLaidOut(QLayout *layout, QList<QWidget *> &widgets) {
    for (int i = 0; i < layout->count(); ++i) {
        QLayoutItem *item = layout->itemAt(i);
        if (item->widget() && item->widget()->isVisible())
            widgets << item->widget();
        else if (item->layout())
            collectLaidOut(item->layout(), widgets);
    }
}

// Widgets placed by the same layout whose rectangles overlap.
QStringList overlapping(QWidget *root) {
    QStringList found;
    QList<QWidget *> parents = root->findChildren<QWidget *>();
    parents.prepend(root);
    for (QWidget *parent : parents) {
        if (!parent->isVisible() || !parent->layout())
            continue;
        QList<QWidget *> laidOut;
        collectLaidOut(parent->layout(), laidOut);
        for (qsizetype i = 0; i < laidOut.size(); ++i)
            for (qsizetype j = i + 1; j < laidOut.size(); ++j)
                if (laidOut[i]->geometry().intersects(laidOut[j]->geometry()))
                    found << QStringLiteral("%1 overlaps %2")
                                 .arg(describe(laidOut[i], laidOut[i]->objectName()),
                                      describe(laidOut[j], laidOut[j]->objectName()));
    }
    return found;
}

void verifyNothingCutOff(QWidget *window, QSize expectedSize) {
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QTest::qWait(50); // let layouts settle
    // Text too long for the window would make its layout widen it past the size it was given.
    QVERIFY2(window->width() <= expectedSize.width() && window->height() <= expectedSize.height(),
             qPrintable(QStringLiteral("%1x%2, not %3x%4")
                            .arg(window->width())
                            .arg(window->height())
                            .arg(expectedSize.width())
                            .arg(expectedSize.height())));
    if (const QString folder = qEnvironmentVariable("MAGELLAN_KV_TEST_GRABS"); !folder.isEmpty())
        window->grab().save(QStringLiteral("%1/%2-%3.png")
                                .arg(folder, QLatin1String(window->metaObject()->className()))
                                .arg(window->width()));
    const QStringList clipped = clippedText(window);
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QLatin1Char('\n'))));
    const QStringList overlaps = overlapping(window);
    QVERIFY2(overlaps.isEmpty(), qPrintable(overlaps.join(QLatin1Char('\n'))));
}

} // namespace

class TestPseudoLocale : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        test::keepSettingsIn(m_dir.filePath(QStringLiteral("settings")));
        qApp->installTranslator(new PseudoTranslator(qApp));
        m_source = m_dir.filePath(QStringLiteral("code.db"));
        QCOMPARE(test::generateSource(m_source, 3000, true), QString());
    }

    void pseudoTextIsLongerAndKeepsWhatCodeReads() {
        const QString text =
            pseudoLocalized(QStringLiteral("&Open %1 of %n <b>rows</b> &middot; ok"));
        QVERIFY2(text.startsWith(QStringLiteral("[&Opéñ")), qPrintable(text)); // mnemonic kept
        for (const char *kept : {"%1", "%n", "<b>", "</b>", "&middot;"})
            QVERIFY2(text.contains(QLatin1String(kept)), qPrintable(text));
        QVERIFY(text.length() >= QStringLiteral("&Open %1 of %n <b>rows</b> &middot; ok").length());
        const QString plain = QStringLiteral("Destination");
        QVERIFY(pseudoLocalized(plain).length() >= plain.length() * 14 / 10);
        QCOMPARE(pseudoLocalized(QStringLiteral("%1")), QStringLiteral("%1"));
        QCOMPARE(tr("Key"), pseudoLocalized(QStringLiteral("Key"))); // the translator is in use
    }

    void theCheckSeesClippedText() {
        QWidget window;
        auto *layout = new QHBoxLayout(&window);
        auto *label = new QLabel(QStringLiteral("a label far too long for its twenty pixels"));
        label->setFixedWidth(20);
        layout->addWidget(label);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(clippedText(&window).size(), 1);
        label->setWordWrap(true);
        label->setFixedHeight(label->fontMetrics().height());
        QCOMPARE(clippedText(&window).size(), 1); // wrapped, but cut at the bottom
    }

    void mainWindowReadyFitsItsText() {
        MainWindow window;
        window.show();
        window.openDatabase(m_source);
        QTRY_COMPARE(window.panel()->state(), MigrationPanel::State::Ready);
        verifyNothingCutOff(&window, QSize(960, 720));
    }

    void mainWindowFinishedFitsItsText() {
        MainWindow window;
        window.show();
        window.openDatabase(m_source);
        QTRY_COMPARE(window.panel()->state(), MigrationPanel::State::Ready);
        window.panel()->setDestinationPath(m_dir.filePath(QStringLiteral("finished.kv")));
        window.panel()->startMigration();
        QTRY_COMPARE_WITH_TIMEOUT(window.panel()->state(), MigrationPanel::State::Finished, 60000);
        verifyNothingCutOff(&window, QSize(960, 720));
    }

    void mainWindowAt800PixelsFitsItsText() {
        MainWindow window;
        window.show();
        window.openDatabase(m_source);
        QTRY_COMPARE(window.panel()->state(), MigrationPanel::State::Ready);
        window.resize(800, 600);
        verifyNothingCutOff(&window, QSize(800, 600));
    }

    void browserFitsItsText() {
        const QString store = m_dir.filePath(QStringLiteral("browse.kv"));
        QVERIFY(migrateDatabase(m_source, store, {}, nullptr).status.isOk());
        std::unique_ptr<BrowserWindow> window(BrowserWindow::open(store, {}, nullptr));
        QVERIFY(window);
        window->show();
        QVERIFY(window->jumpTo(QStringLiteral("chunk:")));
        QTRY_VERIFY(window->inspector()->decoded().has_value());
        verifyNothingCutOff(window.get(), QSize(1200, 760));
    }

    // Last: these change the whole application.
    void installTranslatorsLoadsQtsOwnForTheLocaleAndThePalette() {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        qputenv("MAGELLAN_KV_PALETTE", "dark");
        installTranslators(*qApp);
        QLocale::setDefault(QLocale::c());
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"),
                 QStringLiteral("Abbrechen"));
        QCOMPARE(QApplication::palette().color(QPalette::Base),
                 darkPalette().color(QPalette::Base));
        QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
        qunsetenv("MAGELLAN_KV_PALETTE");
    }

private:
    QTemporaryDir m_dir;
    QString m_source;
};

QTEST_MAIN(TestPseudoLocale)
#include "tst_pseudo_locale.moc"
