#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace magellan {

// Appends compact JSON to a string, with the one canonical spelling the KV format uses for each
// value: the writer, the verifier and the browser all go through it, so equal values give equal
// bytes. One writer per string, on the thread that owns that string; the static helpers, any
// thread.
class JsonWriter {
public:
    // `out` must outlive the writer; the writer only appends to it.
    explicit JsonWriter(std::string &out) : m_out(out) {}

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    // REQUIRES: inside an object. `name` must be valid UTF-8.
    void key(std::string_view name);
    void nullValue();
    void boolValue(bool value);
    void intValue(std::int64_t value);
    void unsignedValue(std::uint64_t value);
    // Shortest round-trip form; integral values keep a ".0" so they read back as reals. JSON has
    // no infinity: rows holding one are rejected, and their row is shown with "Infinity".
    void doubleValue(double value);
    // REQUIRES: `utf8` is valid UTF-8.
    void stringValue(std::string_view utf8);
    // Appends an already-encoded JSON value as it is.
    void rawValue(std::string_view json);

    static void appendEscaped(std::string_view utf8, std::string &out);
    static void appendDouble(double value, std::string &out);
    static void appendInt(std::int64_t value, std::string &out);

    // The same spellings written at `out`, which has the room named beside each; they return
    // where the spelling ends. For encoders that size a buffer once per row.
    static constexpr size_t intRoom = 20;    // "-9223372036854775808"
    static constexpr size_t doubleRoom = 32; // the shortest round trip, ".0", or "-Infinity" quoted
    static constexpr size_t escapedRoom(size_t bytes) { return 6 * bytes + 2; } // all \u00XX
    static char *writeEscaped(std::string_view utf8, char *out);
    static char *writeDouble(double value, char *out);
    static char *writeInt(std::int64_t value, char *out);

private:
    void separate();

    std::string &m_out;
    std::vector<bool> m_hasItems; // one entry per open object or array
    bool m_afterKey = false;
};

} // namespace magellan
