#include "format/canonical_json.h"

#include "format/json_string_scan.h"
#include "format/json_writer.h"
#include "format/utf8.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdint>
#include <cstring>
#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace magellan {
namespace {

// Re-encodes the rows of a value as parsed, event by event: no document is built, so memory
// stays at the size of one row.
class CanonicalElementSax final : public nlohmann::json_sax<nlohmann::json> {
public:
    CanonicalElementSax(ElementLayout layout,
                        const std::function<void(std::string_view)> &onElement)
        : m_layout(layout), m_onElement(onElement) {}

    bool null() override {
        return scalar([](JsonWriter &w) { w.nullValue(); });
    }
    bool boolean(bool value) override {
        return scalar([&](JsonWriter &w) { w.boolValue(value); });
    }
    bool number_integer(number_integer_t value) override {
        return scalar([&](JsonWriter &w) { w.intValue(value); });
    }
    bool number_unsigned(number_unsigned_t value) override {
        return scalar([&](JsonWriter &w) { w.unsignedValue(value); });
    }
    bool number_float(number_float_t value, const string_t &) override {
        return scalar([&](JsonWriter &w) { w.doubleValue(value); });
    }
    bool string(string_t &value) override {
        return scalar([&](JsonWriter &w) { w.stringValue(value); });
    }
    bool binary(binary_t &) override { return false; }

    bool start_object(std::size_t) override {
        if (m_depth == 0 && m_layout == ElementLayout::ArrayElements)
            return false;
        startValue();
        if (m_writer)
            m_writer->beginObject();
        ++m_depth;
        m_isArray.push_back(false);
        return true;
    }
    bool end_object() override {
        --m_depth;
        m_isArray.pop_back();
        if (m_writer)
            m_writer->endObject();
        return endValue();
    }
    bool start_array(std::size_t) override {
        if (m_depth == 0 && m_layout == ElementLayout::RowField)
            return false;
        startValue();
        if (m_writer)
            m_writer->beginArray();
        ++m_depth;
        m_isArray.push_back(true);
        return true;
    }
    bool end_array() override {
        --m_depth;
        m_isArray.pop_back();
        if (m_writer)
            m_writer->endArray();
        return endValue();
    }
    bool key(string_t &name) override {
        if (m_writer)
            m_writer->key(name);
        else if (m_depth == 1)
            m_topKey = name;
        return true;
    }
    bool parse_error(std::size_t, const std::string &,
                     const nlohmann::detail::exception &) override {
        return false;
    }

    bool sawElement() const { return m_sawElement; }

private:
    bool atElementLevel() const {
        switch (m_layout) {
        case ElementLayout::WholeValue:
            return m_depth == 0;
        case ElementLayout::ArrayElements:
            return m_depth == 1 && m_isArray.back();
        case ElementLayout::RowField:
            return m_depth == 1 && m_topKey == "row";
        }
        return false;
    }
    // A value begins: when it is a row, start capturing it.
    void startValue() {
        if (!m_writer && atElementLevel()) {
            m_buffer.clear();
            m_writer = std::make_unique<JsonWriter>(m_buffer);
            m_elementDepth = m_depth;
        }
    }
    // A value ended: when it was the row being captured, hand it over.
    bool endValue() {
        if (m_writer && m_depth == m_elementDepth) {
            m_writer.reset();
            m_sawElement = true;
            m_onElement(m_buffer);
        }
        return true;
    }
    template <typename Write> bool scalar(Write write) {
        if (m_depth == 0 && m_layout != ElementLayout::WholeValue)
            return false;
        startValue();
        if (m_writer)
            write(*m_writer);
        return endValue();
    }

    ElementLayout m_layout;
    const std::function<void(std::string_view)> &m_onElement;
    int m_depth = 0;
    std::vector<bool> m_isArray;
    std::string m_topKey;
    std::unique_ptr<JsonWriter> m_writer; // set while a row is being captured
    int m_elementDepth = 0;
    std::string m_buffer;
    bool m_sawElement = false;
};

// Accepts only JSON spelled exactly as JsonWriter spells it (no spaces, the same escapes, the
// shortest numbers), so a value the migrator wrote needs no re-encoding: its rows are slices of it.
class CanonicalScanner {
public:
    explicit CanonicalScanner(std::string_view json) : m_json(json) {}

    // Collects the rows of the whole value; false when any of it is not canonical. A deque: a
    // group of a million rows grows in small blocks, never copied whole as a vector would be.
    bool rows(ElementLayout layout, std::deque<std::string_view> &rows) {
        switch (layout) {
        case ElementLayout::WholeValue: {
            if (!value(0))
                return false;
            rows.push_back(m_json);
            break;
        }
        case ElementLayout::ArrayElements:
            if (!take('['))
                return false;
            if (!take(']')) {
                do {
                    const size_t start = m_at;
                    if (!value(1))
                        return false;
                    rows.push_back(m_json.substr(start, m_at - start));
                } while (take(','));
                if (!take(']'))
                    return false;
            }
            break;
        case ElementLayout::RowField: {
            if (!take('{'))
                return false;
            bool sawRow = false;
            if (!take('}')) {
                do {
                    const size_t keyStart = m_at;
                    if (!string() || !take(':'))
                        return false;
                    const bool isRow = m_json.substr(keyStart, m_at - keyStart - 1) == "\"row\"";
                    const size_t start = m_at;
                    if (!value(1))
                        return false;
                    if (isRow) {
                        rows.push_back(m_json.substr(start, m_at - start));
                        sawRow = true;
                    }
                } while (take(','));
                if (!take('}'))
                    return false;
            }
            if (!sawRow)
                return false;
            break;
        }
        }
        return m_at == m_json.size();
    }

private:
    static constexpr int maxDepth = 256; // deeper values take the general path

    bool take(char c) {
        if (m_at < m_json.size() && m_json[m_at] == c) {
            ++m_at;
            return true;
        }
        return false;
    }

    bool value(int depth) {
        if (m_at >= m_json.size() || depth > maxDepth)
            return false;
        switch (m_json[m_at]) {
        case '"':
            return string();
        case '{':
            return container('{', '}', depth, true);
        case '[':
            return container('[', ']', depth, false);
        case 'n':
            return literal("null");
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        default:
            return number();
        }
    }

    bool container(char open, char close, int depth, bool object) {
        ++m_at; // open
        (void)open;
        if (take(close))
            return true;
        size_t field = 0;
        do {
            if (object && (!(depth <= 1 ? rowKey(field++) : string()) || !take(':')))
                return false;
            if (!value(depth + 1))
                return false;
        } while (take(','));
        return take(close);
    }

    // Whether `bytes` are at `at`: as a few overlapping words, since keys are short and many.
    bool startsWith(size_t at, std::string_view bytes) const {
        const size_t size = bytes.size();
        if (at + size > m_json.size())
            return false;
        const char *here = m_json.data() + at;
        const char *there = bytes.data();
        const auto same = [&](size_t offset, auto word) {
            decltype(word) a, b;
            std::memcpy(&a, here + offset, sizeof a);
            std::memcpy(&b, there + offset, sizeof b);
            return a == b;
        };
        if (size >= 8) {
            for (size_t i = 0; i + 8 < size; i += 8)
                if (!same(i, std::uint64_t()))
                    return false;
            return same(size - 8, std::uint64_t());
        }
        if (size >= 4)
            return same(0, std::uint32_t()) && same(size - 4, std::uint32_t());
        if (size >= 2)
            return same(0, std::uint16_t()) && same(size - 2, std::uint16_t());
        return size == 0 || here[0] == there[0];
    }

    // The key at `field` of a row object. The rows of a group share their keys: a key spelled
    // byte for byte as the same field's key of the row before is a checked string already.
    bool rowKey(size_t field) {
        if (field < m_rowKeys.size()) {
            const std::string_view expected = m_rowKeys[field];
            if (startsWith(m_at, expected)) {
                m_at += expected.size();
                return true;
            }
            m_rowKeys.resize(field);
        }
        const size_t start = m_at;
        if (!string())
            return false;
        if (field == m_rowKeys.size())
            m_rowKeys.push_back(m_json.substr(start, m_at - start));
        return true;
    }

    bool literal(std::string_view word) {
        if (m_json.substr(m_at, word.size()) != word)
            return false;
        m_at += word.size();
        return true;
    }

    bool string() {
        if (!take('"'))
            return false;
        const size_t start = m_at;
        bool sawHighBytes = false; // only then is the UTF-8 check needed
        while (m_at < m_json.size()) {
            m_at = findJsonStringSpecial(m_json, m_at, !sawHighBytes);
            if (m_at >= m_json.size())
                break;
            const unsigned char c = static_cast<unsigned char>(m_json[m_at]);
            if (c == '"') {
                const bool valid =
                    !sawHighBytes || utf8::isValid(m_json.substr(start, m_at - start));
                ++m_at;
                return valid;
            }
            if (c >= 0x80) {
                sawHighBytes = true;
                ++m_at;
                continue;
            }
            if (c < 0x20)
                return false; // JsonWriter escapes every control character
            if (c == '\\') {
                if (m_at + 1 >= m_json.size())
                    return false;
                const char escape = m_json[m_at + 1];
                if (std::string_view("\"\\bfnrt").find(escape) != std::string_view::npos) {
                    m_at += 2;
                    continue;
                }
                // \u00XX, lowercase, only for the control characters without a short escape.
                if (escape != 'u' || m_at + 6 > m_json.size() || m_json.substr(m_at + 2, 2) != "00")
                    return false;
                const auto hex = [](char h) {
                    return h >= '0' && h <= '9'   ? h - '0'
                           : h >= 'a' && h <= 'f' ? h - 'a' + 10
                                                  : -1;
                };
                const int high = hex(m_json[m_at + 4]);
                const int low = hex(m_json[m_at + 5]);
                const int code = high * 16 + low;
                if (high < 0 || low < 0 || code >= 0x20 || code == '\b' || code == '\f' ||
                    code == '\n' || code == '\r' || code == '\t')
                    return false;
                m_at += 6;
                continue;
            }
            ++m_at;
        }
        return false;
    }

    static bool isDigit(char c) { return c >= '0' && c <= '9'; }
    static bool isNumberChar(char c) {
        return isDigit(c) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
    }

    bool number() {
        const size_t start = m_at;
        if (m_at < m_json.size() && m_json[m_at] == '-')
            ++m_at;
        const size_t digitsStart = m_at;
        while (m_at < m_json.size() && isDigit(m_json[m_at]))
            ++m_at;
        const size_t digits = m_at - digitsStart;
        if (m_at < m_json.size() && isNumberChar(m_json[m_at])) {
            while (m_at < m_json.size() && isNumberChar(m_json[m_at]))
                ++m_at;
        } else if (digits > 0 && digits < 19) {
            // A plain integer short enough for any int64: canonical unless it has a leading zero
            // or is "-0" (JsonWriter writes 0 as "0").
            const bool leadingZero = m_json[digitsStart] == '0';
            return !leadingZero || (digits == 1 && digitsStart == start);
        }
        const std::string_view token = m_json.substr(start, m_at - start);
        if (token.empty())
            return false;
        std::string spelled;
        if (token.find_first_of(".eE") == std::string_view::npos) {
            // An integer as JsonWriter writes an int64 (or, above its range, a uint64).
            std::int64_t integer = 0;
            if (std::from_chars(token.data(), token.data() + token.size(), integer).ptr ==
                token.data() + token.size()) {
                JsonWriter::appendInt(integer, spelled);
            } else {
                std::uint64_t large = 0;
                if (std::from_chars(token.data(), token.data() + token.size(), large).ptr !=
                    token.data() + token.size())
                    return false;
                JsonWriter(spelled).unsignedValue(large);
            }
        } else {
            double real = 0;
            const auto parsed = std::from_chars(token.data(), token.data() + token.size(), real);
            if (parsed.ec != std::errc() || parsed.ptr != token.data() + token.size())
                return false;
            JsonWriter::appendDouble(real, spelled);
        }
        return spelled == token;
    }

    std::string_view m_json;
    size_t m_at = 0;
    std::vector<std::string_view> m_rowKeys; // of the last row object, in order
};

} // namespace

bool forEachCanonicalElementSlow(std::string_view json, ElementLayout layout,
                                 const std::function<void(std::string_view)> &onElement) {
    CanonicalElementSax sax(layout, onElement);
    const bool parsed = nlohmann::json::sax_parse(json.begin(), json.end(), &sax);
    return parsed && (layout != ElementLayout::RowField || sax.sawElement());
}

bool forEachCanonicalElement(std::string_view json, ElementLayout layout,
                             const std::function<void(std::string_view)> &onElement) {
    std::deque<std::string_view> rows;
    if (CanonicalScanner(json).rows(layout, rows)) {
        for (const std::string_view row : rows)
            onElement(row);
        return true;
    }
    return forEachCanonicalElementSlow(json, layout, onElement);
}

} // namespace magellan
