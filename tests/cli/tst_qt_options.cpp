// Setting Qt's own options apart from magellan-kv's arguments, before QApplication exists.
#include "qt_options.h"

#include <QTest>

using namespace magellan;

class TestQtOptions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void splitsQtOptionsFromOwnArguments_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QStringList>("own");
        QTest::addColumn<QStringList>("qt");
        QTest::newRow("none") << QStringList{"mkv"} << QStringList{"mkv"} << QStringList{};
        QTest::newRow("value as the next argument")
            << QStringList{"mkv", "-style", "Fusion", "code.db"} << QStringList{"mkv", "code.db"}
            << QStringList{"-style", "Fusion"};
        QTest::newRow("two dashes") << QStringList{"mkv", "--platform", "offscreen"}
                                    << QStringList{"mkv"} << QStringList{"--platform", "offscreen"};
        QTest::newRow("value after =")
            << QStringList{"mkv", "code.db", "-style=Fusion", "--stylesheet=a.qss"}
            << QStringList{"mkv", "code.db"} << QStringList{"-style=Fusion", "--stylesheet=a.qss"};
        QTest::newRow("= where Qt does not read it")
            << QStringList{"mkv", "-platform=offscreen"}
            << QStringList{"mkv", "-platform=offscreen"} << QStringList{};
        QTest::newRow("options without a value")
            << QStringList{"mkv", "-reverse", "code.db", "-widgetcount"}
            << QStringList{"mkv", "code.db"} << QStringList{"-reverse", "-widgetcount"};
        QTest::newRow("window and display options")
            << QStringList{"mkv",     "-qwindowtitle", "T",   "-qwindowgeometry",
                           "640x480", "-qwindowicon",  "i",   "-display",
                           ":1",      "-geometry",     "1x1", "-platformtheme",
                           "gtk3",    "-session",      "s"}
            << QStringList{"mkv"}
            << QStringList{"-qwindowtitle", "T",   "-qwindowgeometry", "640x480",
                           "-qwindowicon",  "i",   "-display",         ":1",
                           "-geometry",     "1x1", "-platformtheme",   "gtk3",
                           "-session",      "s"};
        QTest::newRow("a value that looks like an option")
            << QStringList{"mkv", "-qwindowtitle", "--json"} << QStringList{"mkv"}
            << QStringList{"-qwindowtitle", "--json"};
        QTest::newRow("last option without its value")
            << QStringList{"mkv", "code.db", "-platform"} << QStringList{"mkv", "code.db"}
            << QStringList{"-platform"};
        QTest::newRow("our own options stay ours")
            << QStringList{"mkv",  "migrate", "a.db", "b.kv", "--key-layout",
                           "seed", "--json",  "-h",   "-",    "--"}
            << QStringList{"mkv",  "migrate", "a.db", "b.kv", "--key-layout",
                           "seed", "--json",  "-h",   "-",    "--"}
            << QStringList{};
        QTest::newRow("a name that only starts like one")
            << QStringList{"mkv", "-styles", "--platforms"}
            << QStringList{"mkv", "-styles", "--platforms"} << QStringList{};
    }
    void splitsQtOptionsFromOwnArguments() {
        QFETCH(QStringList, arguments);
        QFETCH(QStringList, own);
        QFETCH(QStringList, qt);
        const QtOptionSplit split = splitQtOptions(arguments);
        QCOMPARE(split.ownArguments, own);
        QCOMPARE(split.qtOptions, qt);
    }

    void aPlatformOrDisplayOptionChoosesTheDisplay() {
        QVERIFY(choosesDisplay({"-platform", "offscreen"}));
        QVERIFY(choosesDisplay({"-style", "Fusion", "--platform", "xcb"}));
        QVERIFY(choosesDisplay({"-display", ":1"}));
        QVERIFY(!choosesDisplay({"-style", "Fusion", "-reverse"}));
        QVERIFY(!choosesDisplay({}));
    }
};

QTEST_GUILESS_MAIN(TestQtOptions)
#include "tst_qt_options.moc"
