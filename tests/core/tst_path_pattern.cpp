// What a person types to find a file: text anywhere in the path, or a glob anywhere in it.
#include "browse/path_pattern.h"

#include <QElapsedTimer>
#include <QTest>

using namespace magellan;

class TestPathPattern : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matches_data() {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("matches");
        QTest::newRow("empty matches all") << ""
                                           << "src/a.py" << true;
        QTest::newRow("substring") << "compile"
                                   << "Lib/compileall.py" << true;
        QTest::newRow("substring, other case") << "COMPILE"
                                               << "Lib/compileall.py" << true;
        QTest::newRow("substring absent") << "compiler"
                                          << "Lib/compileall.py" << false;
        QTest::newRow("folder part") << "lib/"
                                     << "Lib/compileall.py" << true;
        QTest::newRow("star anywhere") << "comp*all"
                                       << "Lib/compileall.py" << true;
        QTest::newRow("star crosses /") << "Lib*.py"
                                        << "Lib/x/y.py" << true;
        QTest::newRow("leading star") << "*.py"
                                      << "Lib/compileall.py" << true;
        QTest::newRow("star, no match") << "*.rs"
                                        << "Lib/compileall.py" << false;
        QTest::newRow("question mark") << "a?c"
                                       << "x/abc" << true;
        QTest::newRow("question mark is one") << "a?c"
                                              << "x/abbc" << false;
        QTest::newRow("question mark, non-ASCII") << "d?c"
                                                  << "dëc.md" << true;
        QTest::newRow("non-ASCII, folded") << "ÉTÉ"
                                           << "docs/été.md" << true;
        QTest::newRow("colon") << "C:\\w"
                               << "C:\\work\\a.rs" << true;
        QTest::newRow("backtracking") << "a*b*c"
                                      << "aXbYaZbQc" << true;
        QTest::newRow("backtracking fails") << "a*b*c"
                                            << "aXbYaZbQ" << false;
        QTest::newRow("only stars") << "**"
                                    << "" << true;
        QTest::newRow("question on empty") << "?"
                                           << "" << false;
    }
    void matches() {
        QFETCH(QString, pattern);
        QFETCH(QString, path);
        QFETCH(bool, matches);
        const PathPattern compiled(pattern);
        QCOMPARE(compiled.isGlob(), pattern.contains(u'*') || pattern.contains(u'?'));
        QCOMPARE(compiled.matches(path.toStdString()), matches);
    }

    void aLongPathWithManyStarsStaysQuick() {
        const PathPattern pattern(QStringLiteral("a*a*a*a*a*a*a*b"));
        const std::string path(4000, 'a');
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!pattern.matches(path));
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestPathPattern)
#include "tst_path_pattern.moc"
