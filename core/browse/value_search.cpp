#include "browse/value_search.h"

#include "format/json_string_scan.h"
#include "format/key_codec.h"
#include "store/kv_store.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <unordered_map>
#include <vector>

namespace magellan {
namespace {

constexpr int valuesPerBatch = 256;    // between two cancel checks and progress calls
constexpr int snippetBefore = 30;      // characters of context before a match
constexpr int snippetAfter = 100;      // and after it
constexpr int snippetMatchLimit = 200; // characters of a long match shown
constexpr size_t kindCacheLimit = 4096;

unsigned char foldAscii(unsigned char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + ('a' - 'A')) : c;
}

bool isJsonSpecial(unsigned char c) {
    return c == '"' || c == '\\' || c < 0x20;
}

// The smallest key after every key that starts with `prefix`; "" when there is none.
std::string prefixEnd(std::string prefix) {
    while (!prefix.empty() && static_cast<unsigned char>(prefix.back()) == 0xFF)
        prefix.pop_back();
    if (!prefix.empty())
        prefix.back() = static_cast<char>(static_cast<unsigned char>(prefix.back()) + 1);
    return prefix;
}

std::string_view scopePrefix(SearchScope scope) {
    switch (scope) {
    case SearchScope::ChunkContent:
    case SearchScope::SymbolNames:
        return kvkey::chunkPrefix;
    case SearchScope::AstKinds:
        return kvkey::astPrefix; // both layouts
    case SearchScope::AnyValue:
        break;
    }
    return {};
}

// Walks a JSON value without building it, handing the content of every string that is the value
// of field `field` in an object at `objectDepth` (1: the top-level object; 2: an object element
// of a top-level array) to `visit(content, hasEscapes)`. The top level must be an object for
// depth 1 and an array for depth 2. False when the value is not JSON of that shape (what was
// visited before the problem stays visited).
class FieldWalker {
public:
    FieldWalker(std::string_view text, std::string_view field, int objectDepth)
        : m_text(text), m_field(field), m_objectDepth(objectDepth) {}

    template <typename Visit> bool walk(Visit &&visit) {
        std::vector<bool> open; // the containers open: true for an object
        bool expectName = false;
        while (true) {
            skipSpace();
            if (m_at >= m_text.size())
                return false;
            char c = m_text[m_at];
            bool wanted = false;
            if (expectName && c != '}') {
                std::string_view name;
                bool escaped = false;
                if (c != '"' || !string(name, escaped))
                    return false;
                skipSpace();
                if (m_at >= m_text.size() || m_text[m_at] != ':')
                    return false;
                ++m_at;
                skipSpace();
                if (m_at >= m_text.size())
                    return false;
                wanted =
                    int(open.size()) == m_objectDepth &&
                    (escaped ? valuesearch::decodeJsonString(name) == m_field : name == m_field);
                expectName = false;
                c = m_text[m_at];
            }
            if (c == '{' || c == '[') {
                if (open.empty() && (c == '{') != (m_objectDepth == 1))
                    return false;
                open.push_back(c == '{');
                expectName = c == '{';
                ++m_at;
                continue;
            }
            if (c == '}' || c == ']') {
                if (open.empty() || open.back() != (c == '}'))
                    return false;
                open.pop_back();
                ++m_at;
            } else if (open.empty()) {
                return false; // a bare scalar
            } else if (c == '"') {
                std::string_view content;
                bool escaped = false;
                if (!string(content, escaped))
                    return false;
                if (wanted)
                    visit(content, escaped);
            } else if (!skipScalar()) {
                return false;
            }
            skipSpace();
            if (open.empty())
                return m_at == m_text.size();
            if (m_at < m_text.size() && m_text[m_at] == ',') {
                ++m_at;
                expectName = open.back();
            }
        }
    }

private:
    void skipSpace() {
        while (m_at < m_text.size() && (m_text[m_at] == ' ' || m_text[m_at] == '\n' ||
                                        m_text[m_at] == '\r' || m_text[m_at] == '\t'))
            ++m_at;
    }
    // At a '"': moves past the string; its content and whether it holds escapes.
    bool string(std::string_view &content, bool &escaped) {
        const size_t start = ++m_at;
        escaped = false;
        while (true) {
            m_at = findJsonStringSpecial(m_text, m_at, false);
            if (m_at >= m_text.size())
                return false;
            const char c = m_text[m_at];
            if (c == '"')
                break;
            if (c != '\\')
                return false; // a raw control character
            escaped = true;
            m_at += 2;
        }
        content = m_text.substr(start, m_at - start);
        ++m_at;
        return true;
    }
    // A number, true, false or null: up to the next delimiter.
    bool skipScalar() {
        const size_t start = m_at;
        while (m_at < m_text.size()) {
            const char c = m_text[m_at];
            if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t')
                break;
            if (c == '"' || c == '{' || c == '[' || c == ':')
                return false;
            ++m_at;
        }
        return m_at > start;
    }

    std::string_view m_text;
    std::string_view m_field;
    int m_objectDepth;
    size_t m_at = 0;
};

void appendUtf8(std::string &out, char32_t code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

std::optional<char32_t> hex4(std::string_view text, size_t at) {
    if (at + 4 > text.size())
        return std::nullopt;
    char32_t code = 0;
    for (size_t i = at; i < at + 4; ++i) {
        const char c = text[i];
        code <<= 4;
        if (c >= '0' && c <= '9')
            code |= char32_t(c - '0');
        else if (c >= 'a' && c <= 'f')
            code |= char32_t(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            code |= char32_t(c - 'A' + 10);
        else
            return std::nullopt;
    }
    return code;
}

bool isContinuation(unsigned char c) {
    return (c & 0xC0) == 0x80;
}

// The start of the character `count` characters before `at` (or 0).
size_t charactersBack(std::string_view text, size_t at, int count) {
    for (; count > 0 && at > 0; --count) {
        --at;
        for (int back = 0; back < 3 && at > 0 && isContinuation(text[at]); ++back)
            --at;
    }
    return at;
}

// The end of the character `count` characters after `at` (or text.size()).
size_t charactersForward(std::string_view text, size_t at, int count) {
    for (; count > 0 && at < text.size(); --count) {
        ++at;
        for (int on = 0; on < 3 && at < text.size() && isContinuation(text[at]); ++on)
            ++at;
    }
    return at;
}

// `text` on one line: control characters (line breaks, tabs) as spaces, and a run of spaces as
// one, so that indented code reads as a line.
QString oneLine(std::string_view text) {
    const QString wide = QString::fromUtf8(text.data(), qsizetype(text.size()));
    QString line;
    line.reserve(wide.size());
    bool lastSpace = false;
    for (const QChar c : wide) {
        const bool space = c.unicode() <= 0x20 || c.unicode() == 0x7F;
        if (space && lastSpace)
            continue;
        line += space ? QChar(QLatin1Char(' ')) : c;
        lastSpace = space;
    }
    return line;
}

// The estimated place of keys in a range, from their first bytes past what the range's first and
// last keys share.
class KeyFraction {
public:
    KeyFraction() = default;
    KeyFraction(std::string_view first, std::string_view last) {
        while (m_shared < first.size() && m_shared < last.size() &&
               first[m_shared] == last[m_shared])
            ++m_shared;
        m_low = number(first);
        m_high = number(last);
    }
    double of(std::string_view key) const {
        if (m_high <= m_low)
            return 0;
        return std::clamp((number(key) - m_low) / (m_high - m_low), 0.0, 1.0);
    }

private:
    double number(std::string_view key) const {
        double value = 0, scale = 1;
        for (size_t i = m_shared; i < m_shared + 7; ++i) {
            scale /= 256;
            value += scale * (i < key.size() ? static_cast<unsigned char>(key[i]) : 0);
        }
        return value;
    }
    size_t m_shared = 0;
    double m_low = 0, m_high = 0;
};

} // namespace

// The byte search: the needle as bytes, or folded to lower-case ASCII with a Horspool table.
struct ValueSearch::Needle {
    std::string bytes;
    bool folded = false;
    bool jsonSafe = false; // no byte a JSON string would escape: raw values can be prefiltered
    std::array<size_t, 256> shift{};

    std::optional<size_t> find(std::string_view text, size_t from) const {
        const size_t n = bytes.size();
        if (from > text.size() || text.size() - from < n)
            return std::nullopt;
        if (!folded) {
            const void *hit = memmem(text.data() + from, text.size() - from, bytes.data(), n);
            if (!hit)
                return std::nullopt;
            return static_cast<size_t>(static_cast<const char *>(hit) - text.data());
        }
        const auto *hay = reinterpret_cast<const unsigned char *>(text.data());
        const auto *needle = reinterpret_cast<const unsigned char *>(bytes.data());
        const unsigned char last = needle[n - 1];
        for (size_t at = from; at + n <= text.size();) {
            const unsigned char c = foldAscii(hay[at + n - 1]);
            if (c == last) {
                size_t i = 0;
                while (i + 1 < n && foldAscii(hay[at + i]) == needle[i])
                    ++i;
                if (i + 1 >= n)
                    return at;
            }
            at += shift[c];
        }
        return std::nullopt;
    }
};

ValueSearch::~ValueSearch() = default;

Result<std::shared_ptr<const ValueSearch>> ValueSearch::prepare(const ValueQuery &query) {
    if (query.text.isEmpty())
        return Status::invalidInput(QStringLiteral("nothing to find: the text is empty"));
    std::shared_ptr<ValueSearch> search(new ValueSearch);
    search->m_query = query;

    const std::string_view scoped = scopePrefix(query.scope);
    std::string prefix;
    bool empty = false;
    if (query.keyPrefix.starts_with(scoped))
        prefix = query.keyPrefix;
    else if (scoped.starts_with(query.keyPrefix))
        prefix = scoped;
    else
        empty = true; // a key prefix outside the scope: nothing to read
    search->m_emptyRange = empty;
    search->m_firstKey = empty ? std::string(scoped) : prefix;
    search->m_endKey = empty ? std::string(scoped) : prefixEnd(prefix);

    const QByteArray utf8 = query.text.toUtf8();
    bool ascii = true;
    for (const char c : utf8)
        ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (query.regularExpression || (!query.caseSensitive && !ascii)) {
        QRegularExpression::PatternOptions options = QRegularExpression::MultilineOption;
        if (!query.caseSensitive)
            options |= QRegularExpression::CaseInsensitiveOption;
        search->m_regex.setPattern(
            query.regularExpression ? query.text : QRegularExpression::escape(query.text));
        search->m_regex.setPatternOptions(options);
        if (!search->m_regex.isValid())
            return Status::invalidInput(
                QStringLiteral("not a valid regular expression: %1 (at character %2)")
                    .arg(search->m_regex.errorString())
                    .arg(search->m_regex.patternErrorOffset() + 1));
        search->m_regex.optimize(); // compiled (JIT) once, here, not by the first match
        return std::shared_ptr<const ValueSearch>(std::move(search));
    }

    auto needle = std::make_unique<Needle>();
    needle->folded = !query.caseSensitive;
    needle->jsonSafe = true;
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        needle->bytes += static_cast<char>(needle->folded ? foldAscii(byte) : byte);
        needle->jsonSafe = needle->jsonSafe && !isJsonSpecial(byte);
    }
    const size_t n = needle->bytes.size();
    needle->shift.fill(n);
    for (size_t i = 0; i + 1 < n; ++i)
        needle->shift[static_cast<unsigned char>(needle->bytes[i])] = n - 1 - i;
    search->m_needle = std::move(needle);
    return std::shared_ptr<const ValueSearch>(std::move(search));
}

std::optional<std::pair<size_t, size_t>> ValueSearch::findIn(std::string_view text,
                                                             size_t from) const {
    if (m_needle) {
        const std::optional<size_t> at = m_needle->find(text, from);
        if (!at)
            return std::nullopt;
        return std::make_pair(*at, m_needle->bytes.size());
    }
    if (from > text.size())
        return std::nullopt;
    const std::string_view rest = text.substr(from);
    const QString wide = QString::fromUtf8(rest.data(), qsizetype(rest.size()));
    const QRegularExpressionMatch match = m_regex.match(wide);
    if (!match.hasMatch())
        return std::nullopt;
    // Back from UTF-16 units to bytes; once per match, not per value.
    const qsizetype start = QStringView(wide).left(match.capturedStart()).toUtf8().size();
    const qsizetype length = match.capturedView().toUtf8().size();
    return std::make_pair(from + size_t(start), size_t(length));
}

bool ValueSearch::skipsByBytes(std::string_view value) const {
    if (!m_needle || !m_needle->jsonSafe || m_needle->find(value, 0))
        return false;
    // Not in the bytes; still, a \uXXXX or \/ escape could spell a byte of the needle.
    for (const char *at = static_cast<const char *>(memchr(value.data(), '\\', value.size())); at;
         at = static_cast<const char *>(
             memchr(at, '\\', size_t(value.data() + value.size() - at)))) {
        ++at;
        if (at == value.data() + value.size())
            return true;
        if (*at == '/')
            return false;
        if (*at == 'u') {
            const std::optional<char32_t> code = hex4(value, size_t(at - value.data()) + 1);
            if (!code || (*code >= 0x20 && *code != '"' && *code != '\\'))
                return false;
        }
        ++at; // past the escaped character
    }
    return true;
}

std::int64_t ValueSearch::matchValue(std::string_view value, bool wantSnippet, ValueMatch &match,
                                     KnownFields &known) const {
    if (m_query.scope == SearchScope::AnyValue) {
        std::int64_t count = 0;
        std::optional<std::pair<size_t, size_t>> first;
        if (m_needle) {
            for (auto hit = findIn(value, 0); hit;
                 hit = findIn(value, hit->first + std::max<size_t>(hit->second, 1))) {
                if (!first)
                    first = hit;
                ++count;
            }
        } else {
            const QString wide = QString::fromUtf8(value.data(), qsizetype(value.size()));
            for (auto it = m_regex.globalMatch(wide); it.hasNext();) {
                const QRegularExpressionMatch found = it.next();
                if (!first)
                    first = std::make_pair(
                        size_t(QStringView(wide).left(found.capturedStart()).toUtf8().size()),
                        size_t(found.capturedView().toUtf8().size()));
                ++count;
            }
        }
        if (count && wantSnippet)
            match.snippet =
                valuesearch::snippetAround(value, first->first, first->second, snippetBefore,
                                           match.matchStart, match.matchLength);
        return count;
    }

    if (skipsByBytes(value))
        return 0;
    const bool ast = m_query.scope == SearchScope::AstKinds;
    const std::string_view field = m_query.scope == SearchScope::ChunkContent  ? "content"
                                   : m_query.scope == SearchScope::SymbolNames ? "symbol_name"
                                                                               : "kind";
    std::int64_t count = 0;
    bool snippetMade = !wantSnippet;
    FieldWalker walker(value, field, ast ? 2 : 1);
    walker.walk([&](std::string_view content, bool escaped) {
        std::string decoded;
        std::string_view text = content;
        if (escaped) {
            std::optional<std::string> plain = valuesearch::decodeJsonString(content);
            if (!plain)
                return; // a malformed string matches nothing
            decoded = std::move(*plain);
            text = decoded;
        }
        const bool remember = ast && text.size() <= 64;
        if (remember && snippetMade) {
            const auto seen = known.find(std::string(text));
            if (seen != known.end()) {
                count += seen->second;
                return;
            }
        }
        const std::optional<std::pair<size_t, size_t>> hit = findIn(text, 0);
        if (remember && known.size() < kindCacheLimit)
            known.emplace(text, hit.has_value());
        if (!hit)
            return;
        ++count;
        if (!snippetMade) {
            match.snippet = valuesearch::snippetAround(text, hit->first, hit->second, snippetBefore,
                                                       match.matchStart, match.matchLength);
            snippetMade = true;
        }
    });
    return count;
}

Result<SearchPosition> ValueSearch::run(const KvStore &store, const SearchPosition &from,
                                        SearchProgress &progress, const SearchCallbacks &callbacks,
                                        const SearchLimits &limits) const {
    SearchPosition position = from;
    if (from.finished || m_emptyRange) {
        position.finished = true;
        if (callbacks.onProgress)
            callbacks.onProgress(progress);
        return position;
    }
    const auto cursor =
        store.cursor(m_endKey.empty() ? std::nullopt : std::optional<std::string>(m_endKey));
    // The range's first and last keys, for the fraction.
    KeyFraction fraction;
    cursor->seek(m_firstKey);
    if (cursor->isValid()) {
        const std::string first(cursor->key());
        if (m_endKey.empty()) {
            cursor->seekForPrev(std::string(64, '\xFF'));
        } else {
            cursor->seekForPrev(m_endKey);
            if (cursor->isValid() && cursor->key() >= std::string_view(m_endKey))
                cursor->prev();
        }
        if (cursor->isValid())
            fraction = KeyFraction(first, cursor->key());
    }
    cursor->seek(from.resumeKey ? *from.resumeKey : m_firstKey);

    KnownFields known;
    std::int64_t valuesRead = 0, matchedHere = 0;
    int inBatch = 0;
    try {
        for (; cursor->isValid(); cursor->next()) {
            const std::string_view key = cursor->key();
            if (inBatch == 0) {
                if (callbacks.isCancelled && callbacks.isCancelled())
                    return Status::cancelled(
                        QStringLiteral("%1: the search was cancelled").arg(store.path()));
                progress.fraction = fraction.of(key);
                if (callbacks.onProgress)
                    callbacks.onProgress(progress);
            }
            inBatch = (inBatch + 1) % valuesPerBatch;
            if ((limits.maxValues && valuesRead >= limits.maxValues) ||
                (limits.maxMatchedValues && matchedHere >= limits.maxMatchedValues)) {
                position.resumeKey = std::string(key);
                position.finished = false;
                return position;
            }
            const std::string_view value = cursor->value();
            ++valuesRead;
            ++progress.valuesScanned;
            progress.bytesScanned += std::int64_t(value.size());
            const bool listed = callbacks.onMatch &&
                                (!limits.listLimit || progress.matchedValues < limits.listLimit);
            ValueMatch match;
            const std::int64_t count = matchValue(value, listed, match, known);
            if (!count)
                continue;
            ++matchedHere;
            ++progress.matchedValues;
            progress.matches += count;
            if (listed) {
                match.key = std::string(key);
                match.matches = count;
                callbacks.onMatch(std::move(match));
            }
        }
    } catch (const std::exception &error) {
        return Status::internal(QStringLiteral("%1: the search failed: %2")
                                    .arg(store.path(), QString::fromUtf8(error.what())));
    }
    if (Status status = cursor->status(); !status.isOk())
        return status;
    position.resumeKey.reset();
    position.finished = true;
    progress.fraction = 1;
    if (callbacks.onProgress)
        callbacks.onProgress(progress);
    return position;
}

namespace valuesearch {

std::optional<std::string> decodeJsonString(std::string_view content) {
    std::string out;
    out.reserve(content.size());
    size_t runStart = 0;
    for (size_t at = 0; at < content.size();) {
        if (content[at] != '\\') {
            ++at;
            continue;
        }
        out.append(content.substr(runStart, at - runStart));
        if (at + 1 >= content.size())
            return std::nullopt;
        const char escape = content[at + 1];
        at += 2;
        switch (escape) {
        case '"':
        case '\\':
        case '/':
            out += escape;
            break;
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        case 't':
            out += '\t';
            break;
        case 'u': {
            std::optional<char32_t> code = hex4(content, at);
            if (!code)
                return std::nullopt;
            at += 4;
            if (*code >= 0xD800 && *code < 0xDC00) { // a high surrogate: its low one follows
                std::optional<char32_t> low;
                if (at + 6 <= content.size() && content[at] == '\\' && content[at + 1] == 'u')
                    low = hex4(content, at + 2);
                if (low && *low >= 0xDC00 && *low < 0xE000) {
                    code = 0x10000 + ((*code - 0xD800) << 10) + (*low - 0xDC00);
                    at += 6;
                } else {
                    code = 0xFFFD;
                }
            } else if (*code >= 0xDC00 && *code < 0xE000) {
                code = 0xFFFD;
            }
            appendUtf8(out, *code);
            break;
        }
        default:
            return std::nullopt;
        }
        runStart = at;
    }
    out.append(content.substr(runStart));
    return out;
}

QString snippetAround(std::string_view text, size_t at, size_t length, int context, int &matchStart,
                      int &matchLength) {
    at = std::min(at, text.size());
    length = std::min(length, text.size() - at);
    const size_t begin = charactersBack(text, at, context);
    const size_t matchEnd = std::min(at + length, charactersForward(text, at, snippetMatchLimit));
    const size_t end = charactersForward(text, matchEnd, snippetAfter);
    QString snippet;
    if (begin > 0)
        snippet += QChar(0x2026);
    snippet += oneLine(text.substr(begin, at - begin));
    matchStart = int(snippet.size());
    const QString matched = oneLine(text.substr(at, matchEnd - at));
    matchLength = int(matched.size());
    snippet += matched;
    snippet += oneLine(text.substr(matchEnd, end - matchEnd));
    if (end < text.size())
        snippet += QChar(0x2026);
    return snippet;
}

std::string_view scopeName(SearchScope scope) {
    switch (scope) {
    case SearchScope::ChunkContent:
        return "content";
    case SearchScope::SymbolNames:
        return "symbols";
    case SearchScope::AstKinds:
        return "ast-kinds";
    case SearchScope::AnyValue:
        break;
    }
    return "any";
}

} // namespace valuesearch
} // namespace magellan
