#include "browse/key_tree.h"
#include "store/kv_store.h"
#include "test_database.h"

#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace magellan;

namespace {

// Keys chosen so that byte order and ':' inside file paths matter.
std::vector<std::string> fixtureKeys() {
    std::vector<std::string> keys = {"chunk::1:2", // empty path
                                     "chunk:a:1:2",         "chunk:a:10:20",
                                     "chunk:a:-5:3",        // path "a"
                                     "chunk:a::b:1:2",      // path "a:b"
                                     "chunk:a-b:1:2",       // path "a-b"
                                     "chunk:C::\\x.rs:0:9", // path "C:\x.rs"
                                     "meta:migration",      "metrics:file:src::x.rs",
                                     "reject:ast_nodes:7",  "reject:code_chunks:3",
                                     "ast:file:3",          "ast:null"};
    for (int i = 0; i < 1000; ++i)
        keys.push_back("ast:" + std::to_string(i));
    for (int i = 0; i < 50; ++i)
        keys.push_back("cfg:" + std::to_string(i * 7));
    std::sort(keys.begin(), keys.end());
    return keys;
}

std::vector<std::string> labels(const std::vector<KeyTreeEntry> &entries) {
    std::vector<std::string> result;
    for (const auto &entry : entries)
        result.push_back(entry.label + (entry.isGroup ? "/" : ""));
    return result;
}

} // namespace

class TestKeyTree : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        std::vector<std::pair<std::string, std::string>> entries;
        for (const std::string &key : fixtureKeys())
            entries.emplace_back(key, "{}");
        QCOMPARE(test::writeStore(m_dir.filePath(QStringLiteral("s.kv")), entries), QString());
        auto reopened =
            KvStore::open(m_dir.filePath(QStringLiteral("s.kv")), KvStore::Mode::ReadOnly);
        QVERIFY(reopened.isOk());
        m_store = std::move(reopened.value());
    }

    void rootListsNamespaces() {
        const auto page = keytree::listChildren(*m_store, "", "", 100);
        QVERIFY(page.isOk());
        QCOMPARE(labels(page->entries),
                 (std::vector<std::string>{"ast:/", "cfg:/", "chunk:/", "meta:/", "metrics:/",
                                           "reject:/"}));
        QVERIFY(!page->nextSeek);
    }

    void chunksAreGroupedByTheirParsedPath() {
        const auto page = keytree::listChildren(*m_store, "chunk:", "chunk:", 100);
        QVERIFY(page.isOk());
        QCOMPARE(labels(page->entries),
                 (std::vector<std::string>{"(empty path)/", "C:\\x.rs/", "a-b/", "a/",
                                           "a:b/"})); // byte order
        QCOMPARE(page->entries[3].prefix, "chunk:a:");
        QCOMPARE(page->entries[4].prefix, "chunk:a::b:");
        // The group of "a" holds its own keys, not those of "a:b" that share its prefix bytes.
        const auto a = keytree::listChildren(*m_store, "chunk:a:", "chunk:a:", 100);
        QCOMPARE(labels(a->entries),
                 (std::vector<std::string>{"-5:3", "10:20", "1:2"})); // byte order
        QCOMPARE(keytree::countKeys(*m_store, "chunk:a:", nullptr).value(),
                 std::optional<qint64>(3));
        QCOMPARE(keytree::countKeys(*m_store, "chunk:", nullptr).value(), std::optional<qint64>(7));
    }

    void otherNamespacesSplitAtColons() {
        const auto ast = keytree::listChildren(*m_store, "ast:", "ast:", 3);
        QCOMPARE(labels(ast->entries), (std::vector<std::string>{"0", "1", "10"}));
        const auto metrics = keytree::listChildren(*m_store, "metrics:", "metrics:", 10);
        QCOMPARE(labels(metrics->entries), (std::vector<std::string>{"file:/"}));
        const auto files = keytree::listChildren(*m_store, "metrics:file:", "metrics:file:", 10);
        QCOMPARE(labels(files->entries),
                 (std::vector<std::string>{"src::x.rs"})); // a path: one key
        const auto rejects = keytree::listChildren(*m_store, "reject:", "reject:", 10);
        QCOMPARE(labels(rejects->entries),
                 (std::vector<std::string>{"ast_nodes:/", "code_chunks:/"}));
        QCOMPARE(keytree::countKeys(*m_store, "ast:", nullptr).value(),
                 std::optional<qint64>(1002));
    }

    void pagesReturnEveryKeyOnceInOrder_data() {
        QTest::addColumn<int>("pageSize");
        for (int size : {1, 7, 200, 5000})
            QTest::addRow("page %d", size) << size;
    }
    void pagesReturnEveryKeyOnceInOrder() {
        QFETCH(int, pageSize);
        std::vector<std::string> seen;
        std::string seek = "ast:";
        int pages = 0;
        while (true) {
            const auto page =
                keytree::listChildren(*m_store, "ast:", seek, static_cast<size_t>(pageSize));
            QVERIFY(page.isOk());
            QVERIFY(page->entries.size() <= static_cast<size_t>(pageSize));
            for (const auto &entry : page->entries)
                seen.push_back(entry.prefix);
            ++pages;
            if (!page->nextSeek)
                break;
            seek = *page->nextSeek;
        }
        std::vector<std::string> expected;
        for (const auto &key : fixtureKeys())
            if (key.starts_with("ast:") && key.find(':', 4) == std::string::npos)
                expected.push_back(key);
        expected.push_back("ast:file:"); // the group of the magellan-layout key, in its place
        std::sort(expected.begin(), expected.end());
        QCOMPARE(seen, expected);
        QVERIFY(pages >= static_cast<int>(expected.size()) / pageSize);
    }

    // Backward pages, from past the last child to the first, give what forward pages give.
    void pagesBackwardReturnEveryChildOnceInOrder_data() {
        QTest::addColumn<int>("pageSize");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("pastLast");
        for (int size : {1, 7, 200, 5000}) {
            QTest::addRow("ast, page %d", size) << size << "ast:"
                                                << "ast;";
            QTest::addRow("chunk files, page %d", size) << size << "chunk:"
                                                        << "chunk;";
            QTest::addRow("root, page %d", size) << size << ""
                                                 << "\x7f";
        }
        QTest::addRow("one chunk file") << 1 << "chunk:a:"
                                        << "chunk:a::";
    }
    void pagesBackwardReturnEveryChildOnceInOrder() {
        QFETCH(int, pageSize);
        QFETCH(QString, prefix);
        QFETCH(QString, pastLast);
        const std::string group = prefix.toStdString();
        const auto forward = keytree::listChildren(*m_store, group, group, 100000);
        QVERIFY(forward.isOk());
        std::vector<std::string> seen;
        std::string before = pastLast.toStdString();
        while (true) {
            const auto page =
                keytree::listChildrenBefore(*m_store, group, before, static_cast<size_t>(pageSize));
            QVERIFY(page.isOk());
            QVERIFY(page->entries.size() <= static_cast<size_t>(pageSize));
            QVERIFY(!page->nextSeek);
            seen.insert(seen.begin(), page->entries.size(), {});
            for (size_t i = 0; i < page->entries.size(); ++i)
                seen[i] = page->entries[i].prefix;
            if (!page->moreBefore)
                break;
            QVERIFY(!page->entries.empty());
            before = page->entries.front().prefix;
        }
        std::vector<std::string> expected;
        for (const auto &entry : forward->entries)
            expected.push_back(entry.prefix);
        QCOMPARE(seen, expected);
    }

    void aBackwardPageEndsJustBeforeItsBound() {
        // Before a key: the keys just before it, in byte order ("ast:0" < "ast:1" < "ast:10" <
        // ...).
        const auto ast = keytree::listChildrenBefore(*m_store, "ast:", "ast:101", 3);
        QVERIFY(ast.isOk());
        QCOMPARE(labels(ast->entries), (std::vector<std::string>{"1", "10", "100"}));
        QVERIFY(ast->moreBefore);
        // Before a group's prefix: whole groups, each one child, and not the group itself.
        const auto roots = keytree::listChildrenBefore(*m_store, "", "chunk:", 10);
        QCOMPARE(labels(roots->entries), (std::vector<std::string>{"ast:/", "cfg:/"}));
        QVERIFY(!roots->moreBefore);
        // A chunk file holds only its own keys: before "a:b" comes the whole of "a", then "a-b".
        const auto files = keytree::listChildrenBefore(*m_store, "chunk:", "chunk:a::b:", 2);
        QCOMPARE(labels(files->entries), (std::vector<std::string>{"a-b/", "a/"}));
        QVERIFY(files->moreBefore);
        const auto a = keytree::listChildrenBefore(*m_store, "chunk:a:", "chunk:a:1:2", 10);
        QCOMPARE(labels(a->entries), (std::vector<std::string>{"-5:3", "10:20"}));
        QVERIFY(!a->moreBefore);
        // Nothing before the first child.
        const auto first = keytree::listChildrenBefore(*m_store, "ast:", "ast:0", 10);
        QVERIFY(first->entries.empty());
        QVERIFY(!first->moreBefore);
        const auto none = keytree::listChildrenBefore(*m_store, "ast:", "ast:0", 0);
        QVERIFY(!none->moreBefore);
        const auto limitZero = keytree::listChildrenBefore(*m_store, "ast:", "ast:5", 0);
        QVERIFY(limitZero->entries.empty());
        QVERIFY(limitZero->moreBefore);
    }

    void seekLandsOnTheKeyOrTheNextOne() {
        QCOMPARE(keytree::seekKey(*m_store, "ast:5").value(), std::optional<std::string>("ast:5"));
        QCOMPARE(keytree::seekKey(*m_store, "chunk:a-").value(),
                 std::optional<std::string>("chunk:a-b:1:2"));
        QCOMPARE(keytree::seekKey(*m_store, "zzz").value(), std::nullopt);
    }

    void ancestorsOfKeys() {
        QCOMPARE(keytree::ancestorGroups("chunk:a::b:1:2"),
                 (std::vector<std::string>{"chunk:", "chunk:a::b:"}));
        QCOMPARE(keytree::ancestorGroups("ast:file:3"),
                 (std::vector<std::string>{"ast:", "ast:file:"}));
        QCOMPARE(keytree::ancestorGroups("ast:3"), (std::vector<std::string>{"ast:"}));
        QCOMPARE(keytree::ancestorGroups("reject:ast_nodes:7"),
                 (std::vector<std::string>{"reject:", "reject:ast_nodes:"}));
    }

    void countingStopsWhenCancelled() {
        std::atomic<bool> cancel{true};
        QCOMPARE(keytree::countKeys(*m_store, "ast:", &cancel).value(), std::nullopt);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<KvStore> m_store;
};

QTEST_GUILESS_MAIN(TestKeyTree)
#include "tst_key_tree.moc"
