// The AST explorer and the CFG blocks in their function's source, in the KV browser: the text
// found on disk under index_root (hash checked), changed since indexing, or from the store's
// chunks with gaps; selecting a node marks its bytes, moving the text cursor selects the deepest
// node (multi-byte UTF-8 and CRLF in the text); a block marks its lines.
#include "ast_explorer.h"
#include "ast_tree_model.h"
#include "browser_window.h"
#include "code_view.h"
#include "test_database.h"
#include "value_inspector.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTreeView>

using namespace magellan;

namespace {

// def f():⏎    return "é"⏎ with CRLF line ends: 27 bytes, "é" at 22-23.
const QByteArray fileBytes = QStringLiteral("def f():\r\n    return \"é\"\r\n").toUtf8();

const char *const astValue =
    R"([{"id":1,"parent_id":null,"kind":"module","byte_start":0,"byte_end":27},)"
    R"({"id":2,"parent_id":1,"kind":"function_definition","byte_start":0,"byte_end":25},)"
    R"({"id":3,"parent_id":2,"kind":"identifier","byte_start":4,"byte_end":5},)"
    R"({"id":4,"parent_id":2,"kind":"return_statement","byte_start":14,"byte_end":25},)"
    R"({"id":5,"parent_id":4,"kind":"string","byte_start":21,"byte_end":25}])";

const char *const cfgValue =
    R"([{"id":1,"function_id":10,"kind":"entry","terminator":"fallthrough","byte_start":0,)"
    R"("byte_end":8,"start_line":1,"start_col":0,"end_line":1,"end_col":8},)"
    R"({"id":2,"function_id":10,"kind":"return","terminator":"return","byte_start":14,)"
    R"("byte_end":25,"start_line":2,"start_col":4,"end_line":2,"end_col":15}])";

std::string chunkValue(int start, int end, const QByteArray &content) {
    QString escaped = QString::fromUtf8(content);
    escaped.replace(QLatin1String("\""), QLatin1String("\\\""))
        .replace(QLatin1String("\r"), QLatin1String("\\r"))
        .replace(QLatin1String("\n"), QLatin1String("\\n"));
    return QStringLiteral(R"({"id":1,"file_path":"src/a.py","byte_start":%1,"byte_end":%2,)"
                          R"("content":"%3","content_hash":null,"symbol_name":"f",)"
                          R"("symbol_kind":"function","created_at":null})")
        .arg(start)
        .arg(end)
        .arg(escaped)
        .toStdString();
}

QString highlighted(CodeView *code) {
    const auto [from, to] = code->highlightedRange();
    return code->toPlainText().mid(from, to - from);
}

} // namespace

class TestAstExplorer : public QObject {
    Q_OBJECT
private:
    // A source (index_root = repo/) and a store, with the file on disk when `onDisk`.
    void makeFixture(const QByteArray &diskBytes, bool onDisk) {
        m_dir.reset(new QTemporaryDir);
        const QString repo = m_dir->filePath(QStringLiteral("repo"));
        QDir().mkpath(repo + QStringLiteral("/src"));
        if (onDisk) {
            QFile file(repo + QStringLiteral("/src/a.py"));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(diskBytes);
        }
        const QString hash = QString::fromLatin1(
            QCryptographicHash::hash(fileBytes, QCryptographicHash::Sha256).toHex());
        m_source = m_dir->filePath(QStringLiteral("data/code.db"));
        QDir().mkpath(m_dir->filePath(QStringLiteral("data")));
        QCOMPARE(test::createDatabase(
                     m_source,
                     QStringLiteral(
                         "CREATE TABLE magellan_meta (id INTEGER PRIMARY KEY, "
                         "magellan_schema_version INTEGER, index_root TEXT);"
                         "INSERT INTO magellan_meta VALUES (1, 21, '%1');"
                         "CREATE TABLE graph_entities (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, "
                         "name TEXT NOT NULL, file_path TEXT, data TEXT NOT NULL);"
                         "INSERT INTO graph_entities VALUES (1, 'File', 'src/a.py', 'src/a.py', "
                         "'{\"path\":\"src/a.py\",\"hash\":\"%2\"}');"
                         "INSERT INTO graph_entities VALUES (10, 'Function', 'f', 'src/a.py', "
                         "'{\"name\":\"f\",\"byte_start\":0,\"byte_end\":25,\"start_line\":1,"
                         "\"end_line\":2}');")
                         .arg(repo, hash)),
                 QString());
        m_store = m_dir->filePath(QStringLiteral("code.kv"));
        QCOMPARE(test::writeStore(
                     m_store, {{"ast:1", astValue},
                               {"cfg:10", cfgValue},
                               {"chunk:src/a.py:0:10", chunkValue(0, 10, fileBytes.left(10))},
                               {"chunk:src/a.py:21:25", chunkValue(21, 25, fileBytes.mid(21, 4))}}),
                 QString());
    }

    BrowserWindow *openKey(const QString &key) {
        BrowserWindow *window = BrowserWindow::open(m_store, m_source, nullptr);
        if (!window)
            return nullptr;
        window->showStoredKey(key);
        return window;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_source;
    QString m_store;

private Q_SLOTS:
    void initTestCase() {
        m_settings.reset(new QTemporaryDir);
        test::keepSettingsIn(m_settings->path());
    }

    void twoWaySelectionWithTheFileOnDisk() {
        makeFixture(fileBytes, true);
        std::unique_ptr<BrowserWindow> window(openKey(QStringLiteral("ast:1")));
        QVERIFY(window);
        ValueInspector *inspector = window->inspector();
        QTRY_VERIFY(inspector->sourceTextShown());
        AstExplorer *explorer = inspector->astExplorer();
        QVERIFY2(explorer->bannerText().contains(QStringLiteral("file on disk")),
                 qPrintable(explorer->bannerText()));
        QVERIFY(explorer->bannerText().contains(QStringLiteral("matches")));
        QCOMPARE(explorer->codeView()->toPlainText(),
                 QStringLiteral("def f():\n    return \"é\"\n"));

        // Tree to text: a node's bytes, multi-byte and all.
        QVERIFY(explorer->selectNode(4)); // the string node (index 4 = id 5)
        QCOMPARE(highlighted(explorer->codeView()), QStringLiteral("\"é\""));
        QVERIFY2(explorer->selectionText().contains(QStringLiteral("21–25  2:12–2:15")),
                 qPrintable(explorer->selectionText()));
        QVERIFY(explorer->selectNode(3));
        QCOMPARE(highlighted(explorer->codeView()), QStringLiteral("return \"é\""));

        // Text to tree: the deepest node under the cursor, its ancestors opened.
        const qsizetype e = explorer->codeView()->toPlainText().indexOf(QStringLiteral("é"));
        explorer->moveTextCursor(e);
        QCOMPARE(explorer->selectedNode(), 4);
        QVERIFY(explorer->treeView()->isExpanded(
            explorer->model()->indexOfNode(3))); // return_statement opened to show it
        explorer->moveTextCursor(4);             // "f"
        QCOMPARE(explorer->selectedNode(), 2);
        explorer->moveTextCursor(1); // "e" of def
        QCOMPARE(explorer->selectedNode(), 1);
        // Moving the cursor leaves it where the person put it.
        QCOMPARE(explorer->codeView()->textCursor().position(), 1);
        // The span column shows line:column too.
        QVERIFY(explorer->model()->spanText(4).contains(QStringLiteral("2:12")));
    }

    void aLongFilesTextArrivesWithoutStallingTheWindow() {
        // 20,000 lines: laid out off the GUI thread, the view holds it when the inspector says so.
        QByteArray longFile;
        for (int line = 0; line < 20000; ++line)
            longFile += "x = " + QByteArray::number(line).rightJustified(8, '0') + "\n";
        makeFixture(longFile, true);
        std::unique_ptr<BrowserWindow> window(openKey(QStringLiteral("ast:1")));
        QVERIFY(window);
        ValueInspector *inspector = window->inspector();
        QTRY_VERIFY_WITH_TIMEOUT(inspector->sourceTextShown(), 20000);
        CodeView *code = inspector->astExplorer()->codeView();
        QVERIFY(!code->isTextPending());
        QCOMPARE(code->blockCount(), 20001);
        QCOMPARE(code->toPlainText().left(13), QStringLiteral("x = 00000000\n"));
        QCOMPARE(code->document()->defaultFont(), code->font());
        QCOMPARE(code->firstLineNumber(), 1);
        QVERIFY(code->lineNumberWidth() >=
                code->fontMetrics().horizontalAdvance(QStringLiteral("20001")));
        // Selecting still marks the node's bytes in the long text.
        QVERIFY(inspector->astExplorer()->selectNode(2)); // identifier, bytes 4-5
        QCOMPARE(highlighted(code), QStringLiteral("0"));
    }

    void aChangedFileIsSaidToBe() {
        makeFixture(fileBytes + "# edited\r\n", true);
        std::unique_ptr<BrowserWindow> window(openKey(QStringLiteral("ast:1")));
        QVERIFY(window);
        QTRY_VERIFY(window->inspector()->sourceTextShown());
        QVERIFY2(window->inspector()->astExplorer()->bannerText().contains(
                     QStringLiteral("changed since it was indexed")),
                 qPrintable(window->inspector()->astExplorer()->bannerText()));
    }

    void withoutTheFileTheStoresChunksWithGaps() {
        makeFixture(fileBytes, false);
        std::unique_ptr<BrowserWindow> window(openKey(QStringLiteral("ast:1")));
        QVERIFY(window);
        QTRY_VERIFY(window->inspector()->sourceTextShown());
        AstExplorer *explorer = window->inspector()->astExplorer();
        QVERIFY2(explorer->bannerText().contains(QStringLiteral("store's chunks")),
                 qPrintable(explorer->bannerText()));
        QVERIFY(explorer->codeView()->toPlainText().contains(QStringLiteral("bytes 10–21")));
        QVERIFY(explorer->selectNode(4));
        QCOMPARE(highlighted(explorer->codeView()), QStringLiteral("\"é\""));
        // A node that starts in the gap: marked from the gap's marker.
        QVERIFY(explorer->selectNode(3));
        QVERIFY(highlighted(explorer->codeView()).contains(QStringLiteral("no chunk")));

        // A folder picked by the person is looked in, and remembered for the store.
        const QString picked = m_dir->filePath(QStringLiteral("picked"));
        QDir().mkpath(picked + QStringLiteral("/src"));
        QFile file(picked + QStringLiteral("/src/a.py"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(fileBytes);
        file.close();
        window->inspector()->setSourceFolder(picked);
        QTRY_VERIFY(window->inspector()->sourceTextShown() &&
                    explorer->bannerText().contains(QStringLiteral("file on disk")));
        std::unique_ptr<BrowserWindow> again(openKey(QStringLiteral("ast:1")));
        QTRY_VERIFY(again->inspector()->sourceTextShown());
        QVERIFY(again->inspector()->astExplorer()->bannerText().contains(picked));
    }

    void cfgBlocksInTheirFunctionsSource() {
        makeFixture(fileBytes, true);
        std::unique_ptr<BrowserWindow> window(openKey(QStringLiteral("cfg:10")));
        QVERIFY(window);
        ValueInspector *inspector = window->inspector();
        QTRY_VERIFY(inspector->sourceTextShown());
        QCOMPARE(inspector->cfgHeaderText(), QStringLiteral("Function: f · File: src/a.py"));
        QVERIFY(inspector->cfgBannerText().contains(QStringLiteral("file on disk")));
        // The function's bytes are marked until a block is picked.
        QCOMPARE(highlighted(inspector->cfgCode()), QStringLiteral("def f():\n    return \"é\""));
        inspector->cfgBlocks()->setCurrentIndex(inspector->cfgBlocks()->model()->index(1, 0));
        QCOMPARE(highlighted(inspector->cfgCode()), QStringLiteral("    return \"é\""));
        inspector->cfgBlocks()->setCurrentIndex(inspector->cfgBlocks()->model()->index(0, 0));
        QCOMPARE(highlighted(inspector->cfgCode()), QStringLiteral("def f():"));
    }

    void aChunkIsNumberedAsInTheFile() {
        makeFixture(fileBytes, true);
        std::unique_ptr<BrowserWindow> window(openKey(QStringLiteral("chunk:src/a.py:21:25")));
        QVERIFY(window);
        QTRY_VERIFY(window->inspector()->sourceTextShown());
        // The chunk starts on line 2 of the file: its first line is numbered 2.
        QCOMPARE(window->inspector()->chunkCode()->lineNumberWidth() > 0, true);
        QCOMPARE(window->inspector()->chunkCode()->firstLineNumber(), 2);
    }

private:
    std::unique_ptr<QTemporaryDir> m_settings;
};

QTEST_MAIN(TestAstExplorer)
#include "tst_ast_explorer.moc"
