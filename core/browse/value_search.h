#pragma once

#include "status.h"

#include <QRegularExpression>
#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace magellan {

class KvStore;

// What part of a value a search looks at.
enum class SearchScope {
    ChunkContent, // the decoded "content" string of chunk: values
    SymbolNames,  // the decoded "symbol_name" string of chunk: values
    AstKinds,     // the decoded "kind" string of each node of ast: values
    AnyValue,     // the raw bytes of every value, JSON escapes as stored
};

// A search over values. A value type: any thread.
struct ValueQuery {
    QString text;
    bool regularExpression = false; // else a plain substring
    bool caseSensitive = false;
    SearchScope scope = SearchScope::AnyValue;
    std::string keyPrefix; // only keys that start with it (on top of the scope's own prefix)
};

// One value that matched: its key and a one-line window of text around its first match.
struct ValueMatch {
    std::string key;
    QString snippet;          // the matched field's text (or the raw value) around the first match
    int matchStart = 0;       // in snippet's UTF-16 units
    int matchLength = 0;      // in snippet's UTF-16 units (a long match is cut with the snippet)
    std::int64_t matches = 0; // matching fields in the value (scoped), or occurrences (any value)
};

// How far a search has got.
struct SearchProgress {
    std::int64_t valuesScanned = 0; // in the scope's key range
    std::int64_t bytesScanned = 0;  // of those values
    std::int64_t matchedValues = 0;
    std::int64_t matches = 0; // summed ValueMatch::matches, listed or not
    double fraction = 0;      // of the key range behind the cursor, estimated from the keys
};

// Where a search stopped and goes on from.
struct SearchPosition {
    std::optional<std::string> resumeKey; // the first key not yet read; unset: from the start
    bool finished = false;                // the key range was read to its end
};

// Calls a search makes on the searching thread; any may be empty.
struct SearchCallbacks {
    // Per matched value, while fewer than listLimit values were listed; the rest are counted.
    std::function<void(ValueMatch)> onMatch;
    // At the first value of each batch and at the end.
    std::function<void(const SearchProgress &)> onProgress;
    // Asked per batch; true stops the search with a Cancelled status.
    std::function<bool()> isCancelled;
};

// Limits of one call; 0 for none.
struct SearchLimits {
    std::int64_t listLimit = 10000;    // matched values handed to onMatch (in the whole search)
    std::int64_t maxValues = 0;        // stop (resumable) after reading this many values
    std::int64_t maxMatchedValues = 0; // stop (resumable) after this many matched values
};

// A query made ready to run: the regular expression compiled, the needle folded. Immutable
// once made: one may serve several threads.
class ValueSearch {
public:
    // The search for `query`; InvalidInput naming the problem for an empty text or a regular
    // expression that does not compile.
    static Result<std::shared_ptr<const ValueSearch>> prepare(const ValueQuery &query);

    const ValueQuery &query() const { return m_query; }
    // The first key the search reads and the key it stops before ("" for the end of the store).
    const std::string &firstKey() const { return m_firstKey; }
    const std::string &endKey() const { return m_endKey; }

    // Reads values in key order from `from` until the end of the scope's range, a limit or a
    // cancel. `progress` carries counts over calls (a resumed search adds to it). The returned
    // position resumes the search. Never throws.
    Result<SearchPosition> run(const KvStore &store, const SearchPosition &from,
                               SearchProgress &progress, const SearchCallbacks &callbacks,
                               const SearchLimits &limits = {}) const;

    // The first match in `text` (UTF-8) at or after byte `from`: its byte offset and length.
    // For scoped searches `text` is a decoded string; for AnyValue the raw value.
    std::optional<std::pair<size_t, size_t>> findIn(std::string_view text, size_t from = 0) const;

    ValueSearch(const ValueSearch &) = delete;
    ValueSearch &operator=(const ValueSearch &) = delete;
    ~ValueSearch();

private:
    struct Needle;
    // Whether short field texts matched, by text, over one run: an AST has few kinds, met
    // millions of times.
    using KnownFields = std::unordered_map<std::string, bool>;
    ValueSearch() = default;
    // Counts what `value` matches; 0 for none. Fills `match` (the snippet) when `wantSnippet`.
    std::int64_t matchValue(std::string_view value, bool wantSnippet, ValueMatch &match,
                            KnownFields &known) const;
    // True when `value` cannot match: the needle's bytes are not in it, and no JSON escape in it
    // could spell them.
    bool skipsByBytes(std::string_view value) const;

    ValueQuery m_query;
    std::string m_firstKey, m_endKey;
    bool m_emptyRange = false;        // the key prefix and the scope have no key in common
    QRegularExpression m_regex;       // regular expressions, and substrings folded beyond ASCII
    std::unique_ptr<Needle> m_needle; // byte searches: case-sensitive or ASCII-folded substrings
};

namespace valuesearch {

// The decoded text of a JSON string's content (the bytes between its quotes); nullopt when an
// escape is malformed. Lone surrogates decode to U+FFFD.
std::optional<std::string> decodeJsonString(std::string_view content);

// A one-line window of `text` (UTF-8) around the bytes [at, at + length): up to `context`
// characters each side, cut at character boundaries, "…" where cut, line breaks and other
// control characters shown as spaces and runs of spaces as one. Sets `matchStart` and
// `matchLength` to the match's place in the result.
QString snippetAround(std::string_view text, size_t at, size_t length, int context, int &matchStart,
                      int &matchLength);

// The scope's name as the command line and the UI's settings spell it.
std::string_view scopeName(SearchScope scope);

} // namespace valuesearch
} // namespace magellan
