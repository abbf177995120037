// files, show and get, run as a user runs them: the built binary, its exit status and output,
// checked against what SQL says of the same source, computed here on its own.
#include "files_source.h"
#include "sample_sources.h"
#include "test_database.h"
#include "tool_process.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <sqlite3.h>

using namespace magellan;

namespace {

// Rows of `sql` on the database at `path`, each column as text ("" for NULL is not needed here).
std::vector<QStringList> query(const QString &path, const char *sql,
                               const QString &parameter = {}) {
    std::vector<QStringList> rows;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr) !=
        SQLITE_OK) {
        sqlite3_close(db);
        return rows;
    }
    sqlite3_stmt *statement = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &statement, nullptr);
    const QByteArray bound = parameter.toUtf8();
    if (!parameter.isNull())
        sqlite3_bind_text(statement, 1, bound.constData(), int(bound.size()), SQLITE_TRANSIENT);
    while (sqlite3_step(statement) == SQLITE_ROW) {
        QStringList row;
        for (int column = 0; column < sqlite3_column_count(statement); ++column)
            row << (sqlite3_column_type(statement, column) == SQLITE_NULL
                        ? QString()
                        : QString::fromUtf8(reinterpret_cast<const char *>(
                              sqlite3_column_text(statement, column))));
        rows.push_back(row);
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return rows;
}

QJsonObject jsonOf(const test::ToolRun &run) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON (%s): %s", qPrintable(error.errorString()), qPrintable(run.out));
    return document.object();
}

// The files of `json` by path.
std::map<QString, QJsonObject> filesByPath(const QJsonObject &json) {
    std::map<QString, QJsonObject> files;
    for (const QJsonValue &file : json[QStringLiteral("files")].toArray())
        files[file[QStringLiteral("path")].toString()] = file.toObject();
    return files;
}

struct Counts {
    qint64 chunks = 0, astKeys = 0, astNodes = 0, functions = 0;
    bool operator==(const Counts &) const = default;
};

// What SQL says every file of `source` has, when all its rows were carried.
std::map<QString, Counts> countsFromSql(const QString &source) {
    std::map<QString, Counts> counts;
    for (const QStringList &row :
         query(source, "SELECT file_path, count(*) FROM code_chunks GROUP BY file_path"))
        counts[row[0]].chunks = row[1].toLongLong();
    for (const QStringList &row :
         query(source, "SELECT coalesce(g.file_path, g.name), count(DISTINCT g.id), count(*) "
                       "FROM ast_nodes a JOIN graph_entities g ON g.id = a.file_id "
                       "WHERE g.kind = 'File' GROUP BY 1")) {
        counts[row[0]].astKeys = row[1].toLongLong();
        counts[row[0]].astNodes = row[2].toLongLong();
    }
    for (const QStringList &row :
         query(source, "SELECT g.file_path, count(DISTINCT g.id) FROM cfg_blocks c "
                       "JOIN graph_entities g ON g.id = c.function_id "
                       "WHERE g.kind <> 'File' AND g.file_path IS NOT NULL GROUP BY 1"))
        counts[row[0]].functions = row[1].toLongLong();
    return counts;
}

std::map<QString, Counts> countsFromJson(const QJsonObject &json) {
    std::map<QString, Counts> counts;
    for (const auto &[path, file] : filesByPath(json))
        counts[path] = {file[QStringLiteral("chunks")].toInteger(),
                        file[QStringLiteral("ast_keys")].toInteger(),
                        file[QStringLiteral("ast_nodes")].toInteger(),
                        file[QStringLiteral("functions")].toInteger()};
    return counts;
}

} // namespace

class TestBrowseCommands : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(QFileInfo(test::toolBinary()).isExecutable());
        QVERIFY(m_dir.isValid());
        m_source = m_dir.filePath(QStringLiteral("files.db"));
        QCOMPARE(test::createDatabase(m_source, test::filesSourceSql()), QString());
        m_store = m_dir.filePath(QStringLiteral("files.kv"));
        const test::ToolRun migrate = test::runTool({"migrate", m_source, m_store});
        QVERIFY2(migrate.exitCode == 0, qPrintable(migrate.err));
        m_generated = m_dir.filePath(QStringLiteral("generated.db"));
        QCOMPARE(test::generateSource(m_generated, 6000), QString());
        m_generatedStore = m_dir.filePath(QStringLiteral("generated.kv"));
        const test::ToolRun generated =
            test::runTool({"migrate", m_generated, m_generatedStore, "--key-layout", "magellan"});
        QVERIFY2(generated.exitCode == 0, qPrintable(generated.err));
    }

    void filesMatchSqlOnAGeneratedSource() {
        const test::ToolRun run = test::runTool({"files", m_generatedStore, "--json"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject json = jsonOf(run);
        QCOMPARE(json[QStringLiteral("source")].toString(), m_generated); // the recorded one
        const std::map<QString, Counts> expected = countsFromSql(m_generated);
        QVERIFY(expected.size() > 10);
        QCOMPARE(countsFromJson(json), expected);
        QVERIFY(json[QStringLiteral("notes")].toArray().isEmpty());
    }

    void filesMatchSqlWithReindexedAndOddPaths() {
        const test::ToolRun run = test::runTool({"files", m_store, m_source, "--json"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject json = jsonOf(run);
        // SQL counts every File entity's nodes; the store holds the same rows.
        QCOMPARE(countsFromJson(json), countsFromSql(m_source));
        const auto files = filesByPath(json);
        QCOMPARE(files.at(QStringLiteral("lib/re.py"))[QStringLiteral("ast_keys")].toInt(), 2);
        QVERIFY(files.count(QStringLiteral("C:\\work\\odd:name.rs")));
        QCOMPARE(files.at(QStringLiteral("docs/ünïcode.md"))[QStringLiteral("chunks")].toInt(), 0);
        QCOMPARE(files.at(QStringLiteral("docs/ünïcode.md"))[QStringLiteral("ast_nodes")].toInt(),
                 2);
        QVERIFY(!files.count(QStringLiteral("empty.rs"))); // nothing of it is stored
    }

    void filesMatchNarrows() {
        const test::ToolRun glob = test::runTool({"files", m_store, "--match", "*.py", "--json"});
        QCOMPARE(glob.exitCode, 0);
        QStringList paths;
        for (const auto &[path, file] : filesByPath(jsonOf(glob)))
            paths << path;
        QCOMPARE(paths, (QStringList{"lib/re.py", "src/app.py"}));
        const test::ToolRun text = test::runTool({"files", m_store, "--match", "ÜNÏ"});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("docs/ünïcode.md")), qPrintable(text.out));
        QVERIFY(text.out.contains(QStringLiteral("1 file\n")));
        QVERIFY(!text.out.contains(QStringLiteral("src/app.py")));
    }

    void withoutASourceOnlyChunksAreCounted() {
        const QString moved = m_dir.filePath(QStringLiteral("moved.db"));
        QVERIFY(QFile::copy(m_source, moved));
        const QString store = m_dir.filePath(QStringLiteral("moved.kv"));
        QCOMPARE(test::runTool({"migrate", moved, store}).exitCode, 0);
        QVERIFY(QFile::remove(moved)); // the recorded source is gone
        const test::ToolRun run = test::runTool({"files", store, "--json"});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = jsonOf(run);
        QVERIFY(json[QStringLiteral("source")].isNull());
        const auto files = filesByPath(json);
        QVERIFY(!files.count(QStringLiteral("docs/ünïcode.md")));
        QCOMPARE(files.at(QStringLiteral("src/app.py"))[QStringLiteral("chunks")].toInt(), 4);
        QVERIFY(files.at(QStringLiteral("src/app.py"))[QStringLiteral("ast_nodes")].isNull());
        const QString notes = QJsonDocument(json[QStringLiteral("notes")].toArray()).toJson();
        QVERIFY2(notes.contains(moved) && notes.contains(QStringLiteral("need the source")),
                 qPrintable(notes));

        const test::ToolRun show = test::runTool({"show", store, "--file", "src/app.py"});
        QCOMPARE(show.exitCode, 0);
        QVERIFY2(show.out.contains(QStringLiteral("chunk:src/app.py:50:60")), qPrintable(show.out));
        QVERIFY(show.out.contains(QStringLiteral("AST and CFG keys need the source database")));
        const test::ToolRun showJson =
            test::runTool({"show", store, "--file", "src/app.py", "--json"});
        QCOMPARE(showJson.exitCode, 0);
        QVERIFY(jsonOf(showJson)[QStringLiteral("ast")].isNull());
        QCOMPARE(jsonOf(showJson)[QStringLiteral("chunks")].toArray().size(), 4);
    }

    void showMatchesSql_data() {
        QTest::addColumn<QString>("path");
        QTest::newRow("text order is not source order") << "src/app.py";
        QTest::newRow("re-indexed") << "lib/re.py";
        QTest::newRow("colon") << "C:\\work\\odd:name.rs";
        QTest::newRow("AST, no chunk") << "docs/ünïcode.md";
        QTest::newRow("functions, no AST") << "tools/cli.rs";
        QTest::newRow("a, not a:b") << "a";
    }
    void showMatchesSql() {
        QFETCH(QString, path);
        const test::ToolRun run = test::runTool({"show", m_store, "--file", path, "--json"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        checkShowAgainstSql(jsonOf(run), m_source, path, QStringLiteral("ast:"),
                            QStringLiteral("cfg:"));
    }

    void showMatchesSqlOnAGeneratedSource() {
        const std::vector<QStringList> busiest =
            query(m_generated, "SELECT file_path FROM code_chunks GROUP BY file_path "
                               "ORDER BY count(*) DESC, file_path LIMIT 1");
        QCOMPARE(busiest.size(), size_t(1));
        const test::ToolRun run =
            test::runTool({"show", m_generatedStore, "--file", busiest[0][0], "--json"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        checkShowAgainstSql(jsonOf(run), m_generated, busiest[0][0], QStringLiteral("ast:file:"),
                            QStringLiteral("cfg:func:"));
    }

    void showSaysWhenAFileWasIndexedAgain() {
        const test::ToolRun run = test::runTool({"show", m_store, "--file", "lib/re.py"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("AST: ast:4 (file id 4, 2 nodes)")),
                 qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("AST: ast:5 (file id 5, 3 nodes)")));
        QVERIFY(run.out.contains(QStringLiteral("2 File entities have this path")));
        const QJsonObject json =
            jsonOf(test::runTool({"show", m_store, "--file", "lib/re.py", "--json"}));
        QVERIFY(json[QStringLiteral("reindexed")].toBool());
        QCOMPARE(json[QStringLiteral("ast")][QStringLiteral("key")].toString(),
                 QStringLiteral("ast:5"));
    }

    void showOfAnUnknownFileIsRefused() {
        const test::ToolRun run = test::runTool({"show", m_store, "--file", "src/ap"});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.out, QString());
        QVERIFY2(run.err.contains(m_store) && run.err.contains(QStringLiteral("'src/ap'")),
                 qPrintable(run.err));
        QCOMPARE(test::runTool({"show", m_store}).exitCode, 2); // no --file
    }

    void getPrintsOneValue() {
        const test::ToolRun pretty = test::runTool({"get", m_store, "cfg:13"});
        QCOMPARE(pretty.exitCode, 0);
        QVERIFY2(pretty.out.startsWith(QStringLiteral("[\n  {\n    \"id\": 6,")),
                 qPrintable(pretty.out));
        const test::ToolRun raw =
            test::runTool({"get", m_store, "chunk:C::\\work\\odd::name.rs:0:10", "--raw"});
        QCOMPARE(raw.exitCode, 0);
        const std::map<std::string, std::string> entries = test::readStore(m_store);
        QCOMPARE(raw.out.toStdString(), entries.at("chunk:C::\\work\\odd::name.rs:0:10"));
        const test::ToolRun unicode = test::runTool({"get", m_store, "ast:7", "--raw"});
        QCOMPARE(unicode.out.toStdString(), entries.at("ast:7"));
    }

    void getOfAMissingKeyIsExitTwo() {
        const test::ToolRun run = test::runTool({"get", m_store, "ast:12345"});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.out, QString());
        QCOMPARE(run.err.trimmed(),
                 QStringLiteral("magellan-kv: error: %1: has no key 'ast:12345'").arg(m_store));
        const test::ToolRun notAStore =
            test::runTool({"get", m_dir.filePath(QStringLiteral("nothing.kv")), "ast:1"});
        QCOMPARE(notAStore.exitCode, 2);
        QVERIFY(notAStore.err.contains(QStringLiteral("nothing.kv")));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("nothing.kv"))));
    }

    void everyCommandHasHelp_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        for (const QString &help : {QStringLiteral("-h"), QStringLiteral("--help")}) {
            QTest::addRow("files %s", qPrintable(help)) << QStringList{"files", help} << "--match";
            QTest::addRow("show %s", qPrintable(help)) << QStringList{"show", help} << "--file";
            QTest::addRow("get %s", qPrintable(help)) << QStringList{"get", help} << "--raw";
        }
        QTest::newRow("get STORE KEY --help")
            << QStringList{"get", m_store, "ast:1", "--help"} << "get STORE KEY";
    }
    void everyCommandHasHelp() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        const test::ToolRun run = test::runTool(arguments);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.err, QString());
        QVERIFY2(run.out.startsWith(QStringLiteral("Usage: magellan-kv ") + arguments[0] + " "),
                 qPrintable(run.out));
        QVERIFY(run.out.contains(mentions));
        QVERIFY(run.out.contains(QStringLiteral("  -h, --help ")));
        const test::ToolRun all = test::runTool({"--help"});
        QVERIFY(all.out.contains(QStringLiteral("magellan-kv ") + arguments[0] + " STORE"));
    }

private:
    // The JSON of `show` for `path` against SQL on `source`: chunks in source order with their
    // symbols, one AST entry per File entity, the functions that have blocks with their counts.
    void checkShowAgainstSql(const QJsonObject &json, const QString &source, const QString &path,
                             const QString &astPrefix, const QString &cfgPrefix) {
        QCOMPARE(json[QStringLiteral("file")].toString(), path);
        const QJsonArray chunks = json[QStringLiteral("chunks")].toArray();
        const std::vector<QStringList> sqlChunks =
            query(source,
                  "SELECT byte_start, byte_end, symbol_name, symbol_kind FROM code_chunks "
                  "WHERE file_path = ?1 ORDER BY byte_start, byte_end",
                  path);
        QCOMPARE(size_t(chunks.size()), sqlChunks.size());
        for (size_t i = 0; i < sqlChunks.size(); ++i) {
            const QJsonObject chunk = chunks[qsizetype(i)].toObject();
            const QStringList &row = sqlChunks[i];
            QCOMPARE(chunk[QStringLiteral("byte_start")].toInteger(), row[0].toLongLong());
            QCOMPARE(chunk[QStringLiteral("byte_end")].toInteger(), row[1].toLongLong());
            QCOMPARE(chunk[QStringLiteral("symbol_name")].toString(), row[2]);
            QCOMPARE(chunk[QStringLiteral("symbol_name")].isNull(), row[2].isNull());
            QCOMPARE(chunk[QStringLiteral("symbol_kind")].toString(), row[3]);
            QCOMPARE(chunk[QStringLiteral("key")].toString(),
                     QStringLiteral("chunk:%1:%2:%3")
                         .arg(QString(path).replace(QStringLiteral(":"), QStringLiteral("::")),
                              row[0], row[1]));
        }
        const QJsonArray asts = json[QStringLiteral("ast_entries")].toArray();
        const std::vector<QStringList> sqlAsts =
            query(source,
                  "SELECT g.id, (SELECT count(*) FROM ast_nodes a WHERE a.file_id = g.id) "
                  "FROM graph_entities g WHERE g.kind = 'File' "
                  "AND coalesce(g.file_path, g.name) = ?1 ORDER BY g.id",
                  path);
        QCOMPARE(size_t(asts.size()), sqlAsts.size());
        for (size_t i = 0; i < sqlAsts.size(); ++i) {
            const QJsonObject ast = asts[qsizetype(i)].toObject();
            QCOMPARE(ast[QStringLiteral("file_id")].toInteger(), sqlAsts[i][0].toLongLong());
            QCOMPARE(ast[QStringLiteral("key")].toString(), astPrefix + sqlAsts[i][0]);
            if (sqlAsts[i][1].toLongLong() == 0)
                QVERIFY(ast[QStringLiteral("nodes")].isNull());
            else
                QCOMPARE(ast[QStringLiteral("nodes")].toInteger(), sqlAsts[i][1].toLongLong());
        }
        QCOMPARE(json[QStringLiteral("reindexed")].toBool(), sqlAsts.size() > 1);
        if (!sqlAsts.empty() && sqlAsts.back()[1].toLongLong() > 0)
            QCOMPARE(json[QStringLiteral("ast")][QStringLiteral("file_id")].toInteger(),
                     sqlAsts.back()[0].toLongLong());
        const QJsonArray functions = json[QStringLiteral("functions")].toArray();
        const std::vector<QStringList> sqlFunctions =
            query(source,
                  "SELECT g.id, g.name, count(*) FROM cfg_blocks c JOIN graph_entities g "
                  "ON g.id = c.function_id WHERE g.kind <> 'File' AND g.file_path = ?1 "
                  "GROUP BY g.id ORDER BY g.id",
                  path);
        QCOMPARE(size_t(functions.size()), sqlFunctions.size());
        for (size_t i = 0; i < sqlFunctions.size(); ++i) {
            const QJsonObject function = functions[qsizetype(i)].toObject();
            QCOMPARE(function[QStringLiteral("function_id")].toInteger(),
                     sqlFunctions[i][0].toLongLong());
            QCOMPARE(function[QStringLiteral("name")].toString(), sqlFunctions[i][1]);
            QCOMPARE(function[QStringLiteral("key")].toString(), cfgPrefix + sqlFunctions[i][0]);
            QCOMPARE(function[QStringLiteral("blocks")].toInteger(),
                     sqlFunctions[i][2].toLongLong());
        }
    }

    QTemporaryDir m_dir;
    QString m_source, m_store, m_generated, m_generatedStore;
};

QTEST_GUILESS_MAIN(TestBrowseCommands)
#include "tst_browse_commands.moc"
