#include "json_writer.h"

#include "json_string_scan.h"

#include <charconv>
#include <cmath>

namespace magellan {

void JsonWriter::separate() {
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_hasItems.empty()) {
        if (m_hasItems.back())
            m_out += ',';
        m_hasItems.back() = true;
    }
}

void JsonWriter::beginObject() {
    separate();
    m_out += '{';
    m_hasItems.push_back(false);
}

void JsonWriter::endObject() {
    m_out += '}';
    m_hasItems.pop_back();
}

void JsonWriter::beginArray() {
    separate();
    m_out += '[';
    m_hasItems.push_back(false);
}

void JsonWriter::endArray() {
    m_out += ']';
    m_hasItems.pop_back();
}

void JsonWriter::key(std::string_view name) {
    separate();
    appendEscaped(name, m_out);
    m_out += ':';
    m_afterKey = true;
}

void JsonWriter::nullValue() {
    separate();
    m_out += "null";
}

void JsonWriter::boolValue(bool value) {
    separate();
    m_out += value ? "true" : "false";
}

void JsonWriter::intValue(std::int64_t value) {
    separate();
    appendInt(value, m_out);
}

void JsonWriter::unsignedValue(std::uint64_t value) {
    separate();
    char buffer[24];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    m_out.append(buffer, end);
}

void JsonWriter::doubleValue(double value) {
    separate();
    appendDouble(value, m_out);
}

void JsonWriter::stringValue(std::string_view utf8) {
    separate();
    appendEscaped(utf8, m_out);
}

void JsonWriter::rawValue(std::string_view json) {
    separate();
    m_out += json;
}

void JsonWriter::appendInt(std::int64_t value, std::string &out) {
    char buffer[24];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    out.append(buffer, end);
}

void JsonWriter::appendDouble(double value, std::string &out) {
    if (std::isinf(value)) {
        out += value > 0 ? "\"Infinity\"" : "\"-Infinity\"";
        return;
    }
    if (std::isnan(value)) { // SQLite stores NaN as NULL, so this only comes from a parsed value
        out += "null";
        return;
    }
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    const std::string_view text(buffer, end - buffer);
    out += text;
    if (text.find_first_of(".e") == std::string_view::npos)
        out += ".0";
}

void JsonWriter::appendEscaped(std::string_view utf8, std::string &out) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    size_t runStart = 0;
    for (size_t i = findJsonStringSpecial(utf8, 0, false); i < utf8.size();
         i = findJsonStringSpecial(utf8, i + 1, false)) {
        const unsigned char c = static_cast<unsigned char>(utf8[i]);
        out.append(utf8.data() + runStart, i - runStart);
        runStart = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
    }
    out.append(utf8.data() + runStart, utf8.size() - runStart);
    out += '"';
}

} // namespace magellan
