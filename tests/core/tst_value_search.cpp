// Find in values: each scope looks only at its fields, decoded (escapes resolved) for the scoped
// ones and raw for any value; substring and regular expression, in any case; snippets on one
// line cut at character boundaries; cancel, resume and limits.
#include "browse/value_search.h"
#include "store/kv_store.h"
#include "test_database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace magellan;

namespace {

std::string chunkValue(const std::string &content, const std::string &symbol) {
    return R"({"id":1,"file_path":"src/a.py","byte_start":0,"byte_end":10,"content":")" + content +
           R"(","content_hash":"00","symbol_name":")" + symbol +
           R"(","symbol_kind":"function","created_at":null})";
}

struct Found {
    std::vector<ValueMatch> matches;
    SearchProgress progress;
    Status status;
    SearchPosition position;
};

Found search(const KvStore &store, const ValueQuery &query, const SearchLimits &limits = {},
             const SearchPosition &from = {}) {
    Found found;
    const Result<std::shared_ptr<const ValueSearch>> prepared = ValueSearch::prepare(query);
    if (!prepared.isOk()) {
        found.status = prepared.status();
        return found;
    }
    SearchCallbacks callbacks;
    callbacks.onMatch = [&](ValueMatch match) { found.matches.push_back(std::move(match)); };
    const Result<SearchPosition> position =
        prepared.value()->run(store, from, found.progress, callbacks, limits);
    if (position.isOk())
        found.position = position.value();
    else
        found.status = position.status();
    return found;
}

QStringList keysOf(const Found &found) {
    QStringList keys;
    for (const ValueMatch &match : found.matches)
        keys << QString::fromStdString(match.key);
    return keys;
}

ValueQuery query(const QString &text, SearchScope scope, bool regex = false,
                 bool caseSensitive = false) {
    ValueQuery q;
    q.text = text;
    q.scope = scope;
    q.regularExpression = regex;
    q.caseSensitive = caseSensitive;
    return q;
}

// The emphasised part of a match's snippet.
QString emphasised(const ValueMatch &match) {
    return match.snippet.mid(match.matchStart, match.matchLength);
}

} // namespace

class TestValueSearch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("search.kv"));
        const std::string longLine(300, 'x');
        const QString written = test::writeStore(
            m_path,
            {
                {"chunk:src/a.py:0:10",
                 chunkValue(R"(def main():\n    print(\"héllo\")\n)", "main")},
                {"chunk:src/a.py:10:20", chunkValue(R"(class Widget:\n\tpass)", "Widget")},
                {"chunk:src/b.py:0:5", chunkValue(R"(caf\u00e9 = 1  # main)", "cafe")},
                {"chunk:src/c.py:0:5",
                 chunkValue("naïve" + longLine + "needle" + longLine + "日本語", "naive")},
                {"ast:1",
                 R"([{"id":1,"parent_id":null,"kind":"module","byte_start":0,"byte_end":9},)"
                 R"({"id":2,"parent_id":1,"kind":"function_definition","byte_start":0,"byte_end":5},)"
                 R"({"id":3,"parent_id":1,"kind":"function_definition","byte_start":5,"byte_end":9}])"},
                {"ast:2",
                 R"([{"id":4,"parent_id":null,"kind":"main","byte_start":0,"byte_end":1}])"},
                {"cfg:7", R"([{"id":1,"function_id":7,"kind":"entry","terminator":"main"}])"},
                {"reject:code_chunks:9", R"({"reason":"duplicate span","column":"content"})"},
                {"meta:migration", R"({"format_version":1})"},
            });
        QCOMPARE(written, QString());
        Result<std::unique_ptr<KvStore>> store = KvStore::open(m_path, KvStore::Mode::ReadOnly);
        QVERIFY(store.isOk());
        m_store = std::move(store.value());
    }

    void chunkContentOnly() {
        const Found found = search(*m_store, query("main", SearchScope::ChunkContent));
        QVERIFY(found.status.isOk());
        // Not the symbol "main" of a.py:10:20? It has none; b.py's comment; never ast or cfg.
        QCOMPARE(keysOf(found), (QStringList{"chunk:src/a.py:0:10", "chunk:src/b.py:0:5"}));
        QCOMPARE(found.progress.valuesScanned, std::int64_t(4)); // chunk: keys only
        QVERIFY(found.position.finished);
    }

    void symbolNamesOnly() {
        const Found found = search(*m_store, query("main", SearchScope::SymbolNames));
        QCOMPARE(keysOf(found), (QStringList{"chunk:src/a.py:0:10"}));
        QCOMPARE(found.matches[0].snippet, QStringLiteral("main"));
        QCOMPARE(emphasised(found.matches[0]), QStringLiteral("main"));
    }

    void astKindsOnly() {
        const Found found = search(*m_store, query("function", SearchScope::AstKinds));
        QCOMPARE(keysOf(found), (QStringList{"ast:1"}));
        QCOMPARE(found.matches[0].matches, std::int64_t(2)); // two nodes of that kind
        QCOMPARE(found.progress.matches, std::int64_t(2));
        QCOMPARE(found.matches[0].snippet, QStringLiteral("function_definition"));
        // "main" is a kind of ast:2 only, not a chunk or cfg field.
        QCOMPARE(keysOf(search(*m_store, query("main", SearchScope::AstKinds))),
                 (QStringList{"ast:2"}));
        // Field names and other fields are not kinds.
        QVERIFY(search(*m_store, query("parent", SearchScope::AstKinds)).matches.empty());
    }

    void anyValueMatchesRawBytes() {
        const Found found = search(*m_store, query("main", SearchScope::AnyValue));
        QCOMPARE(keysOf(found),
                 (QStringList{"ast:2", "cfg:7", "chunk:src/a.py:0:10", "chunk:src/b.py:0:5"}));
        QCOMPARE(found.matches[2].matches, std::int64_t(2)); // "main" in content and symbol
        // Raw: the escape as stored, not the character it stands for.
        QCOMPARE(keysOf(search(*m_store, query(R"(caf\u00e9)", SearchScope::AnyValue))),
                 (QStringList{"chunk:src/b.py:0:5"}));
        QVERIFY(search(*m_store, query("café", SearchScope::AnyValue)).matches.empty());
        QCOMPARE(keysOf(search(*m_store, query("duplicate", SearchScope::AnyValue))),
                 (QStringList{"reject:code_chunks:9"}));
    }

    void scopedSearchesSeeEscapesResolved() {
        // \u00e9 is é, \" a quote, \n a line break, \t a tab: found as the characters.
        QCOMPARE(keysOf(search(*m_store, query("café", SearchScope::ChunkContent))),
                 (QStringList{"chunk:src/b.py:0:5"}));
        QCOMPARE(keysOf(search(*m_store, query("CAFÉ", SearchScope::ChunkContent))),
                 (QStringList{"chunk:src/b.py:0:5"})); // folded beyond ASCII
        QVERIFY(search(*m_store, query("CAFÉ", SearchScope::ChunkContent, false, true))
                    .matches.empty());
        QCOMPARE(keysOf(search(*m_store, query("(\"héllo\")", SearchScope::ChunkContent))),
                 (QStringList{"chunk:src/a.py:0:10"}));
        QCOMPARE(keysOf(search(*m_store, query(":\n    print", SearchScope::ChunkContent))),
                 (QStringList{"chunk:src/a.py:0:10"}));
        QCOMPARE(keysOf(search(*m_store, query("Widget:\n\tpass", SearchScope::ChunkContent))),
                 (QStringList{"chunk:src/a.py:10:20"}));
        // The escape's own spelling is not in the decoded text.
        QVERIFY(search(*m_store, query(R"(\n)", SearchScope::ChunkContent)).matches.empty());
        QVERIFY(search(*m_store, query("u00e9", SearchScope::ChunkContent)).matches.empty());
    }

    void caseSensitivity() {
        QCOMPARE(keysOf(search(*m_store, query("WIDGET", SearchScope::ChunkContent))),
                 (QStringList{"chunk:src/a.py:10:20"}));
        QVERIFY(search(*m_store, query("WIDGET", SearchScope::ChunkContent, false, true))
                    .matches.empty());
        QCOMPARE(keysOf(search(*m_store, query("Widget", SearchScope::ChunkContent, false, true))),
                 (QStringList{"chunk:src/a.py:10:20"}));
        QVERIFY(search(*m_store, query("widg.t", SearchScope::ChunkContent, true, true))
                    .matches.empty());
        QCOMPARE(keysOf(search(*m_store, query("widg.t", SearchScope::ChunkContent, true))),
                 (QStringList{"chunk:src/a.py:10:20"}));
    }

    void regularExpressions() {
        // Anchors are per line of the content.
        const Found found =
            search(*m_store, query(R"(^\s+print\("h.llo"\))", SearchScope::ChunkContent, true));
        QCOMPARE(keysOf(found), (QStringList{"chunk:src/a.py:0:10"}));
        QCOMPARE(emphasised(found.matches[0]), QStringLiteral(" print(\"héllo\")"));
        QCOMPARE(keysOf(search(*m_store, query("^function_def", SearchScope::AstKinds, true))),
                 (QStringList{"ast:1"}));
        QCOMPARE(keysOf(search(*m_store, query(R"("kind":"entry")", SearchScope::AnyValue, true))),
                 (QStringList{"cfg:7"}));
        const Found any = search(*m_store, query("ma.n", SearchScope::AnyValue, true));
        QCOMPARE(any.matches.size(), size_t(4));
        QCOMPARE(any.matches[2].matches, std::int64_t(2));
    }

    void invalidRegularExpression() {
        const Found found = search(*m_store, query("print(", SearchScope::ChunkContent, true));
        QCOMPARE(found.status.code(), Status::Code::InvalidInput);
        QVERIFY2(found.status.message().contains(QStringLiteral("regular expression")),
                 qPrintable(found.status.message()));
        QCOMPARE(search(*m_store, query({}, SearchScope::AnyValue)).status.code(),
                 Status::Code::InvalidInput);
        // The same text as a substring is fine.
        QVERIFY(search(*m_store, query("print(", SearchScope::ChunkContent)).status.isOk());
    }

    void noMatch() {
        const Found found = search(*m_store, query("nowhere to be found", SearchScope::AnyValue));
        QVERIFY(found.status.isOk());
        QVERIFY(found.matches.empty());
        QCOMPARE(found.progress.valuesScanned, std::int64_t(9));
        QCOMPARE(found.progress.matchedValues, std::int64_t(0));
        QCOMPARE(found.progress.fraction, 1.0);
    }

    void snippetsAreOneLineAndCutAtCharacters() {
        const Found found = search(*m_store, query("needle", SearchScope::ChunkContent));
        QCOMPARE(found.matches.size(), size_t(1));
        const ValueMatch &match = found.matches[0];
        QCOMPARE(emphasised(match), QStringLiteral("needle"));
        QVERIFY(match.snippet.startsWith(QChar(0x2026)));
        QVERIFY(match.snippet.endsWith(QChar(0x2026)));
        QVERIFY(match.snippet.size() < 200);

        const Found printed = search(*m_store, query("print", SearchScope::ChunkContent));
        QCOMPARE(printed.matches[0].snippet,
                 QStringLiteral("def main(): print(\"héllo\") ")); // a line break and indent: a space
        QCOMPARE(printed.matches[0].matchStart, 12);

        // Around multi-byte characters the window never splits one.
        const std::string text = "ééééé日本語needle語本日ééééé";
        for (int context = 0; context < 8; ++context) {
            int start = 0, length = 0;
            const QString snippet =
                valuesearch::snippetAround(text, text.find("needle"), 6, context, start, length);
            QVERIFY2(!snippet.contains(QChar(0xFFFD)), qPrintable(snippet));
            QCOMPARE(snippet.mid(start, length), QStringLiteral("needle"));
            QCOMPARE(start, std::min(context, 8) + (context < 8 ? 1 : 0));
        }
        int start = 0, length = 0;
        QCOMPARE(valuesearch::snippetAround(text, 0, 2, 3, start, length).left(1),
                 QStringLiteral("é"));
        QCOMPARE(length, 1);
    }

    void decodesJsonStrings() {
        QCOMPARE(valuesearch::decodeJsonString(R"(a\"b\\c\/d\n\t\u00e9\ud83d\ude00)"),
                 std::optional<std::string>("a\"b\\c/d\n\té\xF0\x9F\x98\x80"));
        QCOMPARE(valuesearch::decodeJsonString(R"(\ud800x)"),
                 std::optional<std::string>("\xEF\xBF\xBDx")); // a lone surrogate
        QCOMPARE(valuesearch::decodeJsonString(R"(bad\q)"), std::optional<std::string>());
        QCOMPARE(valuesearch::decodeJsonString(R"(\u12)"), std::optional<std::string>());
    }

    void escapesThatSpellTheNeedleAreFound() {
        // A store not written by the migrator may escape plain characters: the raw-byte prefilter
        // must not skip them.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("escaped.kv"));
        QCOMPARE(test::writeStore(path, {{"chunk:x.py:0:1", chunkValue(R"(\u0041B\/C)", "s")},
                                         {"chunk:x.py:1:2", chunkValue("plain", "s")},
                                         {"chunk:x.py:2:3", "not json at all: ABC"}}),
                 QString());
        auto store = KvStore::open(path, KvStore::Mode::ReadOnly);
        QVERIFY(store.isOk());
        QCOMPARE(
            keysOf(search(*store.value(), query("AB/C", SearchScope::ChunkContent, false, true))),
            (QStringList{"chunk:x.py:0:1"}));
        QCOMPARE(keysOf(search(*store.value(), query("ab/c", SearchScope::ChunkContent))),
                 (QStringList{"chunk:x.py:0:1"}));
        // A value that is not JSON has no content field; as a raw value it matches.
        QCOMPARE(keysOf(search(*store.value(), query("ABC", SearchScope::AnyValue))),
                 (QStringList{"chunk:x.py:2:3"}));
    }

    void keyPrefixNarrowsTheScope() {
        ValueQuery q = query("main", SearchScope::ChunkContent);
        q.keyPrefix = "chunk:src/b";
        QCOMPARE(keysOf(search(*m_store, q)), (QStringList{"chunk:src/b.py:0:5"}));
        q.keyPrefix = "ast:"; // outside the scope: nothing to read
        const Found none = search(*m_store, q);
        QVERIFY(none.matches.empty());
        QCOMPARE(none.progress.valuesScanned, std::int64_t(0));
        q = query("main", SearchScope::AnyValue);
        q.keyPrefix = "c";
        QCOMPARE(keysOf(search(*m_store, q)),
                 (QStringList{"cfg:7", "chunk:src/a.py:0:10", "chunk:src/b.py:0:5"}));
    }

    void cancelStops() {
        const auto prepared = ValueSearch::prepare(query("main", SearchScope::AnyValue));
        QVERIFY(prepared.isOk());
        SearchProgress progress;
        SearchCallbacks callbacks;
        int asked = 0;
        callbacks.isCancelled = [&] { return ++asked >= 1; };
        const Result<SearchPosition> stopped =
            prepared.value()->run(*m_store, {}, progress, callbacks);
        QCOMPARE(stopped.status().code(), Status::Code::Cancelled);
        QCOMPARE(progress.valuesScanned, std::int64_t(0));
    }

    void resumesWhereItStopped() {
        const auto prepared = ValueSearch::prepare(query("main", SearchScope::AnyValue));
        QVERIFY(prepared.isOk());
        SearchProgress progress;
        QStringList keys;
        SearchCallbacks callbacks;
        callbacks.onMatch = [&](ValueMatch match) { keys << QString::fromStdString(match.key); };
        SearchLimits slice;
        slice.maxValues = 2;
        SearchPosition position;
        int slices = 0;
        while (!position.finished) {
            const Result<SearchPosition> next =
                prepared.value()->run(*m_store, position, progress, callbacks, slice);
            QVERIFY(next.isOk());
            position = next.value();
            QVERIFY(++slices < 20);
        }
        QCOMPARE(slices, 5); // 9 values, 2 a slice
        QCOMPARE(keys,
                 (QStringList{"ast:2", "cfg:7", "chunk:src/a.py:0:10", "chunk:src/b.py:0:5"}));
        QCOMPARE(progress.valuesScanned, std::int64_t(9));

        // Stopping at N matched values, then going on.
        SearchLimits two;
        two.maxMatchedValues = 2;
        SearchProgress counted;
        keys.clear();
        const Result<SearchPosition> first =
            prepared.value()->run(*m_store, {}, counted, callbacks, two);
        QVERIFY(first.isOk() && !first->finished);
        QCOMPARE(keys.size(), 2);
        QCOMPARE(first->resumeKey, std::optional<std::string>("chunk:src/a.py:0:10"));
        const Result<SearchPosition> rest =
            prepared.value()->run(*m_store, first.value(), counted, callbacks);
        QVERIFY(rest.isOk() && rest->finished);
        QCOMPARE(keys.size(), 4);
        QCOMPARE(counted.valuesScanned, std::int64_t(9));
    }

    void listLimitCountsOn() {
        SearchLimits limits;
        limits.listLimit = 1;
        const Found found = search(*m_store, query("main", SearchScope::AnyValue), limits);
        QCOMPARE(found.matches.size(), size_t(1));
        QCOMPARE(found.progress.matchedValues, std::int64_t(4));
        QCOMPARE(found.progress.matches, std::int64_t(5));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<KvStore> m_store;
};

QTEST_GUILESS_MAIN(TestValueSearch)
#include "tst_value_search.moc"
