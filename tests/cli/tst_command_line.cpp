// The headless commands, run as a user runs them: a separate process, its exit status, its
// output, and what it leaves on disk.
#include "fixture_generator.h"
#include "sample_sources.h"
#include "store/kv_store.h"
#include "test_database.h"
#include "tool_process.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <vector>

#include <poll.h>
#include <pty.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace magellan;

namespace {

// Makes the first page of index `index` no b-tree page at all: a damage that only a check of the
// indexes sees (a migration reads the tables alone).
void damageIndexPage(const QString &path, const char *index) {
    const int root = test::rootPage(path, index);
    QFile file(path);
    QVERIFY(root > 1 && file.open(QIODevice::ReadWrite));
    const QByteArray header = file.read(18);
    const int pageSize = (uchar(header[16]) << 8) | uchar(header[17]);
    file.seek(qint64(root - 1) * pageSize);
    file.write(QByteArray(1, '\x01'));
}

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runTool(const QStringList &arguments,
            const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment()) {
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(qEnvironmentVariable("MAGELLAN_KV_BINARY"), arguments);
    process.waitForFinished(120000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

// A desktop session with no display at all (so only a -platform option can give the window one),
// its settings in `configHome`, and the window asked to quit once it has been shown (test hook).
QProcessEnvironment windowQuittingEnvironment(const QString &configHome) {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        environment.remove(QLatin1String(name));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome);
    environment.insert(QStringLiteral("MAGELLAN_KV_TEST_QUIT_WHEN_SHOWN"), QStringLiteral("1"));
    return environment;
}

// Runs magellan-kv with a terminal (a pseudo-terminal) as its stdout and stderr, as a person at a
// terminal sees it: `out` is all it wrote, in order, with the terminal's \r\n line ends.
Run runOnTerminal(const QStringList &arguments) {
    std::vector<QByteArray> words{QFile::encodeName(qEnvironmentVariable("MAGELLAN_KV_BINARY"))};
    for (const QString &argument : arguments)
        words.push_back(QFile::encodeName(argument));
    std::vector<char *> argv;
    for (QByteArray &word : words)
        argv.push_back(word.data());
    argv.push_back(nullptr);
    int terminal = -1;
    const pid_t pid = ::forkpty(&terminal, nullptr, nullptr, nullptr);
    if (pid == 0) {
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    Run run;
    if (pid < 0)
        return run;
    QByteArray output;
    char buffer[4096];
    pollfd readable{terminal, POLLIN, 0};
    while (::poll(&readable, 1, 120000) > 0) {
        const ssize_t n = ::read(terminal, buffer, sizeof buffer);
        if (n <= 0)
            break; // EIO once the program has ended and its side of the terminal is closed
        output.append(buffer, n);
    }
    ::close(terminal);
    ::kill(pid, SIGKILL); // in case it hung; it has normally exited by now
    int status = 0;
    ::waitpid(pid, &status, 0);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = QString::fromUtf8(output);
    return run;
}

// Runs magellan-kv through `sh -c script` with the binary as $0 and `arguments` as $1...: for
// what QProcess cannot pass itself (raw bytes, redirections).
Run runToolThroughShell(const QString &script, const QStringList &arguments = {}) {
    QProcess process;
    process.start(
        QStringLiteral("/bin/sh"),
        QStringList{QStringLiteral("-c"), script, qEnvironmentVariable("MAGELLAN_KV_BINARY")} +
            arguments);
    process.waitForFinished(120000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

// A run refused before anything was written: exit 2, one line naming `path` and `why`.
void verifyRefused(const Run &run, const QString &path, const QString &why) {
    QVERIFY2(run.exitCode == 2, qPrintable(QString::number(run.exitCode) + run.err + run.out));
    QVERIFY2(
        run.err.startsWith(QStringLiteral("magellan-kv: error: ") + path + QStringLiteral(": ")),
        qPrintable(run.err));
    QVERIFY2(run.err.contains(why), qPrintable(run.err));
    QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
    QCOMPARE(run.out, QString());
}

void writeFile(const QString &path, const QByteArray &bytes) {
    QFile file(path);
    file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    file.write(bytes);
}

} // namespace

class TestCommandLine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(QFileInfo(qEnvironmentVariable("MAGELLAN_KV_BINARY")).isExecutable());
        QVERIFY(m_dir.isValid());
        m_source = m_dir.filePath(QStringLiteral("code.db"));
        QCOMPARE(test::generateSource(m_source, 20000, true), QString());
    }

    void helpAndVersion() {
        const Run help = runTool({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("Exit status:")));
        QVERIFY(help.out.contains(QStringLiteral("magellan-kv migrate SRC DST")));
        const Run version = runTool({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(QStringLiteral("magellan-kv 0.")));
    }

    // Every command takes -h and --help: its own usage on stdout, exit 0, and nothing else done
    // (even with the arguments of a real run beside it, and without a display for browse).
    void everyCommandHasHelp_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("mentions");
        for (const QString &help : {QStringLiteral("-h"), QStringLiteral("--help")}) {
            QTest::addRow("inspect %s", qPrintable(help))
                << "inspect" << QStringList{help} << "--lock-timeout S";
            QTest::addRow("migrate %s", qPrintable(help))
                << "migrate" << QStringList{help} << "--report FILE";
            QTest::addRow("verify %s", qPrintable(help))
                << "verify" << QStringList{help} << "--key-layout L";
            QTest::addRow("browse %s", qPrintable(help))
                << "browse" << QStringList{help} << "Open the KV browser";
        }
        QTest::newRow("migrate SRC DST --help")
            << "migrate"
            << QStringList{m_source, m_dir.filePath(QStringLiteral("help.kv")), "--force", "--help"}
            << "--no-verify";
        QTest::newRow("browse DST -h")
            << "browse" << QStringList{m_dir.filePath(QStringLiteral("help.kv")), "-h"}
            << "browse DST";
    }
    void everyCommandHasHelp() {
        QFETCH(QString, command);
        QFETCH(QStringList, extra);
        QFETCH(QString, mentions);
        QTemporaryDir config;
        const Run run =
            runTool(QStringList{command} + extra, windowQuittingEnvironment(config.path()));
        QVERIFY2(run.exitCode == 0, qPrintable(QString::number(run.exitCode) + run.err));
        QCOMPARE(run.err, QString());
        QVERIFY2(run.out.startsWith(QStringLiteral("Usage: magellan-kv ") + command + " "),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(mentions), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("  -h, --help ")), qPrintable(run.out));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("help.kv"))));
    }

    // Qt's own options reach QApplication when the window starts, in each form Qt reads, before
    // or after the database: the window shows (with no display but the one -platform names) and
    // quits by itself (test hook), instead of exit 2 for an unknown option.
    void qtOptionsReachTheWindow_data() {
        QTest::addColumn<QStringList>("arguments");
        const QString offscreen = QStringLiteral("offscreen");
        const QString styleSheet = m_dir.filePath(QStringLiteral("plain.qss"));
        writeFile(styleSheet, "QWidget { font-size: 12px; }\n");
        QTest::newRow("-platform") << QStringList{"-platform", offscreen};
        QTest::newRow("--platform") << QStringList{"--platform", offscreen};
        QTest::newRow("-style") << QStringList{"-platform", offscreen, "-style", "Fusion"};
        QTest::newRow("-style=") << QStringList{"-platform", offscreen, "-style=Fusion"};
        QTest::newRow("-stylesheet")
            << QStringList{"-platform", offscreen, "-stylesheet", styleSheet};
        QTest::newRow("-stylesheet=")
            << QStringList{"-platform", offscreen, "-stylesheet=" + styleSheet};
        QTest::newRow("-reverse") << QStringList{"-reverse", "-platform", offscreen};
        QTest::newRow("window title and geometry")
            << QStringList{"-platform", offscreen,          "-qwindowtitle",
                           "Checked",   "-qwindowgeometry", "640x480+20+20"};
        QTest::newRow("-platformtheme -widgetcount")
            << QStringList{"-platform", offscreen, "-platformtheme", "none", "-widgetcount"};
        QTest::newRow("-session") << QStringList{"-platform", offscreen, "-session", "test_1"};
        QTest::newRow("database after the options")
            << QStringList{"-platform", offscreen, "-style", "Fusion", m_source};
        QTest::newRow("database between the options")
            << QStringList{"-style", "Fusion", m_source, "-platform", offscreen};
    }
    void qtOptionsReachTheWindow() {
        QFETCH(QStringList, arguments);
        QTemporaryDir config;
        const Run run = runTool(arguments, windowQuittingEnvironment(config.path()));
        QVERIFY2(run.exitCode == 0, qPrintable(QString::number(run.exitCode) + run.err));
        QVERIFY2(!run.err.contains(QStringLiteral("magellan-kv")), qPrintable(run.err));
        QCOMPARE(run.out, QString());
    }

    // -style reaches QApplication itself: Qt names the style it could not find.
    void qtStyleOptionIsReadByQt() {
        QTemporaryDir config;
        for (const QStringList &style :
             {QStringList{"-style", "NoSuchStyle"}, QStringList{"-style=NoSuchStyle"}}) {
            const Run run = runTool(QStringList{"-platform", "offscreen"} + style,
                                    windowQuittingEnvironment(config.path()));
            QCOMPARE(run.exitCode, 0);
            QVERIFY2(run.err.contains(QStringLiteral("invalid style override 'NoSuchStyle'")),
                     qPrintable(run.err));
        }
    }

    // The headless commands do not take Qt's options: they stay unknown options there.
    void qtOptionsAreNotCommandOptions() {
        const QString dst = m_dir.filePath(QStringLiteral("styled.kv"));
        const Run run = runTool({QStringLiteral("migrate"), m_source, dst, "-style", "Fusion"});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("Unknown option")), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(dst));
    }

    // On a terminal, the progress line is ended before the count table: the table's header
    // starts a line of its own, for migrate and for verify.
    void progressLineEndsBeforeTheTable() {
        const QString store = m_dir.filePath(QStringLiteral("on-terminal.kv"));
        for (const QStringList &command :
             {QStringList{"migrate", m_source, store}, QStringList{"verify", m_source, store}}) {
            const Run run = runOnTerminal(command);
            QVERIFY2(run.exitCode == 0, qPrintable(run.out));
            QVERIFY2(run.out.contains(QStringLiteral("\033[K")),
                     qPrintable(run.out)); // progress drawn
            const qsizetype header = run.out.indexOf(QStringLiteral("table "));
            QVERIFY2(header > 0, qPrintable(run.out));
            QVERIFY2(run.out.left(header).endsWith(QStringLiteral("\033[K\r\n")),
                     qPrintable(run.out.left(header).right(120).toUtf8().toPercentEncoding(" ,/")));
        }
    }

    void inspectShowsTablesAndCounts() {
        const Run run = runTool({QStringLiteral("inspect"), m_source, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject info = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(info[QStringLiteral("schema_version")].toInt(), 21);
        const QJsonObject ast =
            info[QStringLiteral("tables")][QStringLiteral("ast_nodes")].toObject();
        QVERIFY(ast[QStringLiteral("rows")].toInteger() > 10000);
        QVERIFY(ast[QStringLiteral("groups")].toInteger() > 1);
        QVERIFY(ast[QStringLiteral("columns")].toArray().contains(QStringLiteral("file_id")));
        QVERIFY(runTool({QStringLiteral("inspect"), m_source})
                    .out.contains(QStringLiteral("schema version: 21")));
    }

    void migratePrintsTheComparisonAndVerifyAgrees() {
        const QString dst = m_dir.filePath(QStringLiteral("code.kv"));
        const QString report = m_dir.filePath(QStringLiteral("report.json"));
        const Run run = runTool(
            {QStringLiteral("migrate"), m_source, dst, QStringLiteral("--report"), report,
             QStringLiteral("--tables"),
             QStringLiteral(
                 "code_chunks,ast_nodes,cfg_blocks,execution_log,file_metrics,symbol_metrics")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QVERIFY(run.out.startsWith(QStringLiteral("table ")));
        QVERIFY(run.out.contains(QStringLiteral("deep check: pass")));
        QCOMPARE(run.out.count(QStringLiteral(" pass\n")), 6);
        const QJsonObject written = QJsonDocument::fromJson(test::fileBytes(report)).object();
        QCOMPARE(written[QStringLiteral("outcome")].toString(), QStringLiteral("verified"));

        const Run verify =
            runTool({QStringLiteral("verify"), m_source, dst, QStringLiteral("--json")});
        QCOMPARE(verify.exitCode, 0);
        const QJsonObject verified = QJsonDocument::fromJson(verify.out.toUtf8()).object();
        const QJsonObject tables = verified[QStringLiteral("tables")].toObject();
        QCOMPARE(tables.size(), 6);
        for (const QString &name : tables.keys()) {
            const QJsonObject mine = tables[name].toObject();
            const QJsonObject theirs = written[QStringLiteral("tables")][name].toObject();
            for (const char *field :
                 {"source_rows", "kv_keys", "kv_records", "kv_rejected", "kv_checksum"})
                QCOMPARE(mine[QLatin1String(field)], theirs[QLatin1String(field)]);
            QCOMPARE(mine[QStringLiteral("status")].toString(), QStringLiteral("pass"));
        }
    }

    void rejectedRowsGiveStatusOne() {
        const QString source = m_dir.filePath(QStringLiteral("rejects.db"));
        QCOMPARE(
            test::createDatabase(
                source, test::sampleSourceSql(200) +
                            QStringLiteral(
                                "INSERT INTO ast_nodes VALUES (100000, NULL, 'bad', 'x', 1, 1);")),
            QString());
        const Run run = runTool(
            {QStringLiteral("migrate"), source, m_dir.filePath(QStringLiteral("rejects.kv"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.contains(QStringLiteral(
            "ast_nodes 100000 byte_start: byte_start holds TEXT, expected INTEGER")));
        QVERIFY(QFileInfo::exists(
            m_dir.filePath(QStringLiteral("rejects.kv")))); // complete, with its rejects
        QVERIFY(run.out.contains(QStringLiteral("outcome: verified_with_rejects\n")));
        const Run json =
            runTool({QStringLiteral("verify"), source, m_dir.filePath(QStringLiteral("rejects.kv")),
                     QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 1);
        const QJsonObject report = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(report[QStringLiteral("outcome")].toString(),
                 QStringLiteral("verified_with_rejects"));
        QCOMPARE(report[QStringLiteral("rejected")].toArray().size(), 1);
    }

    // The source changed after its migration: one AST row changed, one chunk deleted, one CFG row
    // added. verify lists exactly those rows, as kv-format.md spells them.
    void verifyListsExactlyTheRowsThatDiffer() {
        const QString source = m_dir.filePath(QStringLiteral("differs.db"));
        QCOMPARE(test::createDatabase(source, test::sampleSourceSql(2000)), QString());
        const QString store = m_dir.filePath(QStringLiteral("differs.kv"));
        QCOMPARE(runTool({QStringLiteral("migrate"), source, store}).exitCode, 0);
        QCOMPARE(test::createDatabase(
                     source, QStringLiteral(
                                 "UPDATE ast_nodes SET kind = 'changed' WHERE id = 77;"
                                 "DELETE FROM code_chunks WHERE id = 5;"
                                 "INSERT INTO cfg_blocks VALUES (100000, 3, 'block', 'goto', 1, 2, "
                                 "1, 0, 2, 4, 'ab', '[]', 0.5, NULL);")),
                 QString());
        const Run json =
            runTool({QStringLiteral("verify"), source, store, QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 1);
        const QJsonObject report = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(report[QStringLiteral("outcome")].toString(), QStringLiteral("failed"));
        QCOMPARE(report[QStringLiteral("differences_total")].toInt(), 3);
        const QJsonArray differences = report[QStringLiteral("differences")].toArray();
        const QJsonArray expected = QJsonDocument::fromJson(R"([
            {"table":"code_chunks","key":"chunk:src/файл_5.rs:50:59","kind":"extra_in_store",
             "rowid":null},
            {"table":"ast_nodes","key":"ast:27","kind":"changed","rowid":77,"fields":["kind"]},
            {"table":"cfg_blocks","key":"cfg:3","kind":"missing_in_store","rowid":100000}
        ])")
                                        .array();
        QCOMPARE(differences, expected);

        const Run limited =
            runTool({QStringLiteral("verify"), source, store, QStringLiteral("--max-differences"),
                     QStringLiteral("1"), QStringLiteral("--json")});
        const QJsonObject first = QJsonDocument::fromJson(limited.out.toUtf8()).object();
        QCOMPARE(first[QStringLiteral("differences_total")].toInt(), 3);
        QCOMPARE(first[QStringLiteral("differences")].toArray().size(), 1);
        QCOMPARE(runTool({QStringLiteral("verify"), source, store,
                          QStringLiteral("--max-differences"), QStringLiteral("-1")})
                     .exitCode,
                 2);

        const QString csv = m_dir.filePath(QStringLiteral("differs.csv"));
        const Run text =
            runTool({QStringLiteral("verify"), source, store, QStringLiteral("--report"), csv});
        QCOMPARE(text.exitCode, 1);
        QVERIFY2(text.out.contains(QStringLiteral("differences: 3 ")), qPrintable(text.out));
        QVERIFY(text.out.contains(QStringLiteral("changed          ast_nodes ast:27 rowid 77 "
                                                 "fields: kind\n")));
        QVERIFY(text.out.contains(QStringLiteral("outcome: failed\n")));
        const QString written = QString::fromUtf8(test::fileBytes(csv));
        QVERIFY(written.startsWith(QStringLiteral("record,table,")));
        QCOMPARE(written.count(QStringLiteral("\r\ndifference,")), 3);
    }

    void badInputGetsOneLineAndLeavesNothing_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("destination");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("message");
        const QString bad = m_dir.filePath(QStringLiteral("bad"));
        QDir().mkpath(bad);
        const QString dst = bad + QStringLiteral("/out.kv");

        QTest::newRow("missing") << bad + "/missing.db" << dst << QStringList()
                                 << "missing.db: no such file";
        QTest::newRow("folder") << bad << dst << QStringList()
                                << ": is a folder, not a database file";
        writeFile(bad + "/notes.db", "just some text\n");
        QTest::newRow("not sqlite")
            << bad + "/notes.db" << dst << QStringList() << "notes.db: is not a SQLite database";
        writeFile(bad + "/empty.db", {});
        QTest::newRow("empty") << bad + "/empty.db" << dst << QStringList()
                               << "empty.db: is empty (0 bytes)";
        writeFile(bad + "/native.db", QByteArray("MAG2") + QByteArray(4096, '\1'));
        QTest::newRow("native v2") << bad + "/native.db" << dst << QStringList()
                                   << "native.db: is a magellan Native V2 file";
        const QByteArray whole = test::fileBytes(m_source);
        writeFile(bad + "/truncated.db", whole.left(whole.size() / 2));
        QTest::newRow("truncated")
            << bad + "/truncated.db" << dst << QStringList() << "truncated.db: is truncated";
        test::createDatabase(bad + "/corrupt.db", test::sampleSourceSql(20000));
        test::corruptLastPage(bad + "/corrupt.db"); // a page of cfg_blocks, which is read
        QTest::newRow("corrupt") << bad + "/corrupt.db" << dst << QStringList()
                                 << "corrupt.db: is corrupt";
        test::createDatabase(bad + "/other.db",
                             QStringLiteral("CREATE TABLE t(x); INSERT INTO t VALUES (1);"));
        test::createDatabase(bad + "/view.db",
                             QStringLiteral("CREATE TABLE nodes(id INTEGER PRIMARY KEY, kind TEXT);"
                                            "CREATE VIEW Ast_Nodes AS SELECT * FROM nodes;"));
        QTest::newRow("side table is a view")
            << bad + "/view.db" << dst << QStringList() << "view.db: Ast_Nodes is a view";
        QTest::newRow("no side tables")
            << bad + "/other.db" << dst << QStringList() << "other.db: has none of the tables";
        writeFile(bad + "/a-file.kv", "I am a file");
        QTest::newRow("dst is a file") << m_source << bad + "/a-file.kv" << QStringList()
                                       << "a-file.kv: is a file, not a store folder";
        QTest::newRow("dst parent missing")
            << m_source << bad + "/no/such/out.kv" << QStringList() << "does not exist";
        QString readOnly = bad + "/read-only";
        if (::geteuid() == 0) {
            readOnly = QStringLiteral("/sys"); // refuses new folders even to root
        } else {
            QDir().mkpath(readOnly);
            QFile::setPermissions(readOnly, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        }
        QTest::newRow("dst folder not writable")
            << m_source << readOnly + "/out.kv" << QStringList()
            << "cannot create a folder in " + readOnly;
        QTest::newRow("bad layout")
            << m_source << dst << QStringList{"--key-layout", "flat"} << "--key-layout must be";
        QTest::newRow("bad table") << m_source << dst << QStringList{"--tables", "graph_entities"}
                                   << "unknown table 'graph_entities'";
        QTest::newRow("missing table")
            << m_source << dst << QStringList{"--tables", "ast_nodes,nope"}
            << "unknown table 'nope'";
    }
    // A damaged index is damage in a side table (kv-format.md): refused, naming the table, by
    // migrate and verify, with --quick-check or without.
    void damagedIndexIsRefused() {
        const QString source = m_dir.filePath(QStringLiteral("damaged-index.db"));
        QCOMPARE(test::createDatabase(source, test::sampleSourceSql(2000)), QString());
        const QString earlier = m_dir.filePath(QStringLiteral("before-damage.kv"));
        QCOMPARE(runTool({QStringLiteral("migrate"), source, earlier}).exitCode, 0);
        QCOMPARE(test::createDatabase(source, QStringLiteral("CREATE INDEX cfg_by_kind ON "
                                                             "cfg_blocks(kind);")),
                 QString());
        damageIndexPage(source, "cfg_by_kind");
        const QString store = m_dir.filePath(QStringLiteral("damaged-index.kv"));
        const QString expected =
            QStringLiteral("damaged-index.db: is corrupt: its table cfg_blocks is damaged (");
        for (const QStringList &command : {QStringList{QStringLiteral("migrate"), source, store},
                                           QStringList{QStringLiteral("migrate"), source, store,
                                                       QStringLiteral("--quick-check")},
                                           QStringList{QStringLiteral("verify"), source, earlier},
                                           QStringList{QStringLiteral("verify"), source, earlier,
                                                       QStringLiteral("--quick-check")}}) {
            const Run run = runTool(command);
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(expected), qPrintable(run.err));
        }
        QVERIFY(!QFileInfo::exists(store));
    }

    void badInputGetsOneLineAndLeavesNothing() {
        QFETCH(QString, source);
        QFETCH(QString, destination);
        QFETCH(QStringList, extra);
        QFETCH(QString, message);
        const QStringList before = test::folderEntries(QFileInfo(destination).absolutePath());
        const QByteArray sourceBefore =
            QFileInfo(source).isFile() ? test::fileBytes(source) : QByteArray();
        const Run run =
            runTool(QStringList{QStringLiteral("migrate"), source, destination} + extra);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith(QStringLiteral("magellan-kv: error: ")), qPrintable(run.err));
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY2(run.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size() <= 2,
                 qPrintable(run.err));
        QCOMPARE(run.out, QString());
        QCOMPARE(test::folderEntries(QFileInfo(destination).absolutePath()), before);
        if (QFileInfo(source).isFile())
            QCOMPARE(test::fileBytes(source), sourceBefore);
    }

    // A report path that would overwrite the source, one of its SQLite files, or land in the
    // store or its staging folder, or that cannot be written at all, is refused before anything
    // is read or written.
    void harmfulOrUnwritableReportPathIsRefused_data() {
        QTest::addColumn<QString>("report");
        QTest::addColumn<QString>("why");
        const QString folder = m_dir.filePath(QStringLiteral("report-paths"));
        QDir().mkpath(folder + QStringLiteral("/sub"));
        const QString source = folder + QStringLiteral("/code.db");
        const QString dst = folder + QStringLiteral("/code.kv");
        QTest::newRow("the source") << source << "is the source database";
        QTest::newRow("the source via ..")
            << folder + QStringLiteral("/sub/../code.db") << "is the source database";
        QFile::link(source, folder + QStringLiteral("/link.json"));
        QTest::newRow("a link to the source")
            << folder + QStringLiteral("/link.json") << "is the source database";
        for (const char *suffix : {"-wal", "-shm", "-journal"})
            QTest::newRow(suffix) << source + QLatin1String(suffix)
                                  << QStringLiteral("is the %1 file of the source database")
                                         .arg(QLatin1String(suffix + 1));
        QTest::newRow("the store") << dst << "is the destination store";
        QTest::newRow("inside the store")
            << dst + QStringLiteral("/report.json") << "is inside the destination store";
        QTest::newRow("in the staging folder")
            << folder + QStringLiteral("/.code.kv.magellan-kv-staging-4242/report.json")
            << "staging folder";
        QTest::newRow("missing folder")
            << folder + QStringLiteral("/no/such/report.json") << "/no/such does not exist";
        QTest::newRow("a folder") << folder + QStringLiteral("/sub") << "is a folder";
    }
    void harmfulOrUnwritableReportPathIsRefused() {
        QFETCH(QString, report);
        QFETCH(QString, why);
        const QString folder = m_dir.filePath(QStringLiteral("report-paths"));
        const QString source = folder + QStringLiteral("/code.db");
        if (!QFileInfo::exists(source))
            QCOMPARE(test::createDatabase(source, test::sampleSourceSql(50)), QString());
        const QByteArray sourceBefore = test::fileBytes(source);
        const QStringList before = test::folderEntries(folder);
        const Run run =
            runTool({QStringLiteral("migrate"), source, folder + QStringLiteral("/code.kv"),
                     QStringLiteral("--report"), report});
        verifyRefused(run, report, why);
        QCOMPARE(test::fileBytes(source), sourceBefore);
        QCOMPARE(test::folderEntries(folder), before);
    }

    // The report's folder disappears while the store is written: the store is published, but a
    // report asked for and not written is a failure (3), not a success.
    void reportThatCannotBeWrittenAtTheEndIsAFailure() {
        const QString folder = m_dir.filePath(QStringLiteral("vanishing-report"));
        QDir().mkpath(folder);
        const QString dst = m_dir.filePath(QStringLiteral("vanishing-report.kv"));
        const QString report = folder + QStringLiteral("/report.json");
        QProcess process;
        test::startTool(
            process, {QStringLiteral("migrate"), m_source, dst, QStringLiteral("--report"), report},
            test::stopAt::beforePublish);
        const qint64 pid = process.processId();
        QVERIFY(pid > 0);
        if (!test::waitUntilStopped(pid))
            QFAIL(qPrintable(QStringLiteral("the run never reached the rename: ") +
                             test::finishTool(process).err));
        QVERIFY(QDir(folder).removeRecursively());
        ::kill(static_cast<pid_t>(pid), SIGCONT);
        const test::ToolRun run = test::finishTool(process);
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(report + QStringLiteral(": cannot write the report")),
                 qPrintable(run.err));
    }

    // SQLite opens CODE.db-journal (-wal, -shm) as its own file: a store folder by that name
    // would make every later open of the source fail. Refused, however the name is spelled.
    void destinationThatIsTheSourceOrItsSqliteFileIsRefused_data() {
        QTest::addColumn<QString>("destination");
        QTest::addColumn<QString>("why");
        const QString folder = m_dir.filePath(QStringLiteral("sidecars"));
        QDir().mkpath(folder + QStringLiteral("/sub"));
        QFile::link(folder, m_dir.filePath(QStringLiteral("sidecars-link")));
        const QString source = folder + QStringLiteral("/code.db");
        QTest::newRow("the source") << source << "is the source database";
        for (const char *suffix : {"-journal", "-wal", "-shm"})
            QTest::newRow(suffix) << source + QLatin1String(suffix)
                                  << QStringLiteral("is where SQLite keeps the %1 file")
                                         .arg(QLatin1String(suffix + 1));
        QTest::newRow("through ..") << folder + QStringLiteral("/sub/../code.db-journal")
                                    << "is where SQLite keeps the journal file";
        QTest::newRow("through a linked folder")
            << m_dir.filePath(QStringLiteral("sidecars-link/code.db-wal"))
            << "is where SQLite keeps the wal file";
    }
    void destinationThatIsTheSourceOrItsSqliteFileIsRefused() {
        QFETCH(QString, destination);
        QFETCH(QString, why);
        const QString folder = m_dir.filePath(QStringLiteral("sidecars"));
        const QString source = folder + QStringLiteral("/code.db");
        if (!QFileInfo::exists(source))
            QCOMPARE(test::createDatabase(source, test::sampleSourceSql(50)), QString());
        const QByteArray sourceBefore = test::fileBytes(source);
        const QStringList before = test::folderEntries(folder);
        verifyRefused(runTool({QStringLiteral("migrate"), source, destination}), destination, why);
        QCOMPARE(test::folderEntries(folder), before);
        QCOMPARE(test::fileBytes(source), sourceBefore);
        QCOMPARE(runTool({QStringLiteral("inspect"), source}).exitCode, 0);
    }

    // --force on a link to a store replaces the store it points to, in one rename beside it;
    // the link stays and nothing else is left. A link to nothing is refused.
    void forceThroughALinkReplacesTheStoreItPointsTo() {
        const QString folder = m_dir.filePath(QStringLiteral("linked-store"));
        QDir().mkpath(folder);
        const QString real = folder + QStringLiteral("/real.kv");
        const QString link = folder + QStringLiteral("/link.kv");
        QCOMPARE(runTool({QStringLiteral("migrate"), m_source, real, QStringLiteral("--tables"),
                          QStringLiteral("code_chunks")})
                     .exitCode,
                 0);
        QVERIFY(QFile::link(QStringLiteral("real.kv"), link));
        const Run run =
            runTool({QStringLiteral("migrate"), m_source, link, QStringLiteral("--force")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(test::folderEntries(folder),
                 (QStringList{QStringLiteral("link.kv"), QStringLiteral("real.kv")}));
        QVERIFY(QFileInfo(link).isSymLink());
        QCOMPARE(QFileInfo(link).symLinkTarget(), real);
        const auto stored = test::readStore(real);
        QVERIFY(stored.lower_bound("ast:") != stored.end() &&
                stored.lower_bound("ast:")->first.rfind("ast:", 0) == 0);
        QCOMPARE(runTool({QStringLiteral("verify"), m_source, link}).exitCode, 0);

        const QString dangling = folder + QStringLiteral("/dangling.kv");
        QVERIFY(QFile::link(QStringLiteral("gone.kv"), dangling));
        const QStringList before = test::folderEntries(folder);
        verifyRefused(
            runTool({QStringLiteral("migrate"), m_source, dangling, QStringLiteral("--force")}),
            dangling, QStringLiteral("which does not exist"));
        QCOMPARE(test::folderEntries(folder), before);
    }

    // A name that is not valid UTF-8 cannot pass through a QString unchanged: refused, never
    // read or written under the changed name.
    void namesThatAreNotUtf8AreRefused_data() {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("shown");
        QTest::newRow("destination") << R"sh(exec "$0" migrate "$1" "$2/$(printf 'out\377.kv')")sh"
                                     << "out\\xff.kv";
        QTest::newRow("source")
            << R"sh(cp "$1" "$2/$(printf 'in\376.db')" && exec "$0" migrate "$2/$(printf 'in\376.db')" "$2/in.kv")sh"
            << "in\\xfe.db";
        QTest::newRow("report")
            << R"sh(exec "$0" migrate "$1" "$2/r.kv" --report "$2/$(printf 'r\351.json')")sh"
            << "r\\xe9.json";
    }
    void namesThatAreNotUtf8AreRefused() {
        QFETCH(QString, script);
        QFETCH(QString, shown);
        QTemporaryDir folder;
        const Run run = runToolThroughShell(script, {m_source, folder.path()});
        QVERIFY2(run.exitCode == 2, qPrintable(run.err));
        QVERIFY2(run.err.startsWith(QStringLiteral("magellan-kv: error: ")), qPrintable(run.err));
        QVERIFY2(run.err.contains(shown + QStringLiteral(": is not valid UTF-8")),
                 qPrintable(run.err));
        QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
        // Nothing written under either name (the source row copies its input first).
        const QStringList left = test::folderEntries(folder.path());
        QVERIFY2(left.size() <= 1 && !left.join(QString()).contains(QStringLiteral(".kv")),
                 qPrintable(left.join(QLatin1Char(' '))));
    }

    void lockTimeoutMustBeASaneNumberOfSeconds_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("seconds");
        for (const char *command : {"inspect", "migrate", "verify"})
            for (const char *seconds : {"abc", "-5", "nan", "inf", "1e12", "86401", ""})
                QTest::addRow("%s %s", command, seconds)
                    << QString::fromLatin1(command) << QString::fromLatin1(seconds);
    }
    void lockTimeoutMustBeASaneNumberOfSeconds() {
        QFETCH(QString, command);
        QFETCH(QString, seconds);
        const QString dst = m_dir.filePath(QStringLiteral("timeout.kv"));
        QStringList arguments{command, m_source};
        if (command != QLatin1String("inspect"))
            arguments << (command == QLatin1String("verify")
                              ? m_dir.filePath(QStringLiteral("code.kv"))
                              : dst);
        arguments << QStringLiteral("--lock-timeout=") + seconds;
        const Run run = runTool(arguments);
        QVERIFY2(run.exitCode == 2, qPrintable(run.err + run.out));
        QVERIFY2(run.err.startsWith(
                     QStringLiteral(
                         "magellan-kv: error: --lock-timeout must be a number of seconds from 0 to "
                         "86400, not '%1'")
                         .arg(seconds)),
                 qPrintable(run.err));
        QCOMPARE(run.out, QString());
        QVERIFY(!QFileInfo::exists(dst));
    }

    // Output that does not arrive is a failure with a message, not a silent success.
    void outputThatCannotBeWrittenIsAFailure() {
        const Run full = runToolThroughShell(
            QStringLiteral(R"sh(exec "$0" inspect "$1" > /dev/full)sh"), {m_source});
        QCOMPARE(full.exitCode, 3);
        QVERIFY2(full.err.startsWith(QStringLiteral("magellan-kv: error: cannot write the output")),
                 qPrintable(full.err));
        QCOMPARE(
            runToolThroughShell(QStringLiteral(R"sh(exec "$0" --version > /dev/full)sh")).exitCode,
            3);

        int pipeEnds[2];
        QCOMPARE(::pipe(pipeEnds), 0);
        ::close(pipeEnds[0]); // nobody will ever read
        QProcess process;
        const int writeEnd = pipeEnds[1];
        process.setChildProcessModifier([writeEnd] { ::dup2(writeEnd, STDOUT_FILENO); });
        process.start(qEnvironmentVariable("MAGELLAN_KV_BINARY"), {QStringLiteral("--help")});
        QVERIFY(process.waitForFinished(60000));
        ::close(writeEnd);
        QCOMPARE(process.exitStatus(), QProcess::NormalExit); // not killed by SIGPIPE
        QCOMPARE(process.exitCode(), 3);
        QVERIFY(QString::fromUtf8(process.readAllStandardError())
                    .contains(QStringLiteral("cannot write the output")));
    }

    void sourceLockedByAWriter() {
        const QString source = m_dir.filePath(QStringLiteral("locked.db"));
        QCOMPARE(test::createDatabase(source, test::sampleSourceSql(100)), QString());
        sqlite3 *writer = nullptr;
        sqlite3_open(source.toUtf8().constData(), &writer);
        QCOMPARE(sqlite3_exec(writer, "BEGIN EXCLUSIVE; DELETE FROM ast_nodes WHERE id = 1;",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        const QString dst = m_dir.filePath(QStringLiteral("locked.kv"));
        const Run run = runTool({QStringLiteral("migrate"), source, dst,
                                 QStringLiteral("--lock-timeout"), QStringLiteral("0.3")});
        sqlite3_exec(writer, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(writer);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(
                     QStringLiteral("locked.db: is locked by another process (waited 0.3 s)")),
                 qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(dst));
    }

    void destinationStoreHeldOpen() {
        const QString dst = m_dir.filePath(QStringLiteral("held.kv"));
        QCOMPARE(runTool({QStringLiteral("migrate"), m_source, dst}).exitCode, 0);
        const auto before = test::readStore(dst);
        {
            auto holder =
                KvStore::open(dst, KvStore::Mode::ReadWrite); // this process holds the lock
            QVERIFY(holder.isOk());
            const Run run =
                runTool({QStringLiteral("migrate"), m_source, dst, QStringLiteral("--force")});
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(
                         QStringLiteral("held.kv: the store is in use by another process (pid %1)")
                             .arg(::getpid())),
                     qPrintable(run.err));
        }
        QVERIFY(test::readStore(dst) == before);
        QCOMPARE(test::folderEntries(m_dir.path()).filter(QStringLiteral("held")),
                 QStringList{QStringLiteral("held.kv")});
        QCOMPARE(
            runTool({QStringLiteral("migrate"), m_source, dst, QStringLiteral("--force")}).exitCode,
            0);
    }

    void existingDestinationNeedsForce() {
        const QString dst = m_dir.filePath(QStringLiteral("twice.kv"));
        QCOMPARE(runTool({QStringLiteral("migrate"), m_source, dst}).exitCode, 0);
        const Run again = runTool({QStringLiteral("migrate"), m_source, dst});
        QCOMPARE(again.exitCode, 2);
        QVERIFY(again.err.contains(
            QStringLiteral("twice.kv: already exists (use --force to replace it)")));
    }

    void usageErrors() {
        QCOMPARE(runTool({QStringLiteral("migrate"), m_source}).exitCode, 2);
        QCOMPARE(runTool({QStringLiteral("frobnicate")}).exitCode, 2);
        QCOMPARE(runTool({QStringLiteral("migrate"), QStringLiteral("--bogus"), m_source,
                          QStringLiteral("x")})
                     .exitCode,
                 2);
        QCOMPARE(runTool({QStringLiteral("verify"), m_source, m_dir.path()}).exitCode, 2);
    }

    // SIGTERM while the tables are being read. The run stops itself once its first rows are read
    // (test hook), so the signal lands mid-scan on any machine, without a source big enough to
    // outlast the signal (600k rows took half a minute to generate under the sanitizers).
    void interruptLeavesNothing() {
        const QString dst = m_dir.filePath(QStringLiteral("interrupted.kv"));
        QProcess process;
        test::startTool(process, {QStringLiteral("migrate"), m_source, dst},
                        test::stopAt::scanning);
        const qint64 pid = process.processId();
        QVERIFY(pid > 0);
        if (!test::waitUntilStopped(pid))
            QFAIL(qPrintable(QStringLiteral("the run never started reading: ") +
                             test::finishTool(process).err));
        QVERIFY(QFileInfo::exists(
            m_dir.filePath(QStringLiteral(".interrupted.kv.magellan-kv-staging-%1").arg(pid))));
        ::kill(static_cast<pid_t>(pid), SIGTERM);
        ::kill(static_cast<pid_t>(pid), SIGCONT);
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 130);
        QVERIFY(QString::fromUtf8(process.readAllStandardError())
                    .contains(QStringLiteral("interrupted; nothing was written")));
        QVERIFY(!QFileInfo::exists(dst));
        QCOMPARE(test::folderEntries(m_dir.path()).filter(QStringLiteral("interrupted")),
                 QStringList());
    }

    // Two different signals are both pending when the run resumes: the first cancels, the second
    // ends the process at once, and still nothing is published. The run stops itself right
    // before publishing (test hook), so the signals arrive at a known point.
    void aSecondInterruptEndsTheRunAtOnce() {
        const QString dst = m_dir.filePath(QStringLiteral("interrupted-twice.kv"));
        QProcess process;
        test::startTool(process, {QStringLiteral("migrate"), m_source, dst},
                        test::stopAt::beforePublish);
        const qint64 pid = process.processId();
        QVERIFY(pid > 0);
        if (!test::waitUntilStopped(pid))
            QFAIL(qPrintable(QStringLiteral("the run never reached the rename: ") +
                             test::finishTool(process).err));
        ::kill(static_cast<pid_t>(pid), SIGINT);
        ::kill(static_cast<pid_t>(pid), SIGTERM);
        ::kill(static_cast<pid_t>(pid), SIGCONT);
        const test::ToolRun run = test::finishTool(process);
        QVERIFY(run.killedBySignal);
        QVERIFY(!QFileInfo::exists(dst));
    }

private:
    QTemporaryDir m_dir;
    QString m_source;
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_command_line.moc"
