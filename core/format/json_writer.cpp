#include "format/json_writer.h"

#include "format/json_string_scan.h"

#include <charconv>
#include <cmath>
#include <cstring>

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
    m_out.append(buffer, static_cast<size_t>(end - buffer));
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

namespace {

// Hands `utf8`'s escaped spelling, without the quotes, to `emit(bytes, size)` in pieces: the
// one escaping rule for every kind of output.
template <typename Emit> void emitEscaped(std::string_view utf8, Emit &&emit) {
    static constexpr char hex[] = "0123456789abcdef";
    size_t runStart = 0;
    for (size_t i = findJsonStringSpecial(utf8, 0, false); i < utf8.size();
         i = findJsonStringSpecial(utf8, i + 1, false)) {
        const unsigned char c = static_cast<unsigned char>(utf8[i]);
        emit(utf8.data() + runStart, i - runStart);
        runStart = i + 1;
        switch (c) {
        case '"':
            emit("\\\"", 2);
            break;
        case '\\':
            emit("\\\\", 2);
            break;
        case '\b':
            emit("\\b", 2);
            break;
        case '\f':
            emit("\\f", 2);
            break;
        case '\n':
            emit("\\n", 2);
            break;
        case '\r':
            emit("\\r", 2);
            break;
        case '\t':
            emit("\\t", 2);
            break;
        default: {
            const char escape[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
            emit(escape, sizeof escape);
        }
        }
    }
    emit(utf8.data() + runStart, utf8.size() - runStart);
}

char *writeBytes(char *out, std::string_view bytes) {
    std::memcpy(out, bytes.data(), bytes.size());
    return out + bytes.size();
}

} // namespace

void JsonWriter::appendInt(std::int64_t value, std::string &out) {
    char buffer[intRoom];
    out.append(buffer, static_cast<size_t>(writeInt(value, buffer) - buffer));
}

void JsonWriter::appendDouble(double value, std::string &out) {
    char buffer[doubleRoom];
    out.append(buffer, static_cast<size_t>(writeDouble(value, buffer) - buffer));
}

void JsonWriter::appendEscaped(std::string_view utf8, std::string &out) {
    out += '"';
    emitEscaped(utf8, [&](const char *bytes, size_t size) { out.append(bytes, size); });
    out += '"';
}

char *JsonWriter::writeInt(std::int64_t value, char *out) {
    return std::to_chars(out, out + intRoom, value).ptr;
}

char *JsonWriter::writeDouble(double value, char *out) {
    if (std::isinf(value))
        return writeBytes(out, value > 0 ? "\"Infinity\"" : "\"-Infinity\"");
    if (std::isnan(value)) // SQLite stores NaN as NULL, so this only comes from a parsed value
        return writeBytes(out, "null");
    char *const end = std::to_chars(out, out + doubleRoom - 2, value).ptr;
    if (std::string_view(out, end - out).find_first_of(".e") != std::string_view::npos)
        return end;
    return writeBytes(end, ".0");
}

char *JsonWriter::writeEscaped(std::string_view utf8, char *out) {
    *out++ = '"';
    emitEscaped(utf8, [&](const char *bytes, size_t size) {
        std::memcpy(out, bytes, size);
        out += size;
    });
    *out++ = '"';
    return out;
}

} // namespace magellan
