// libFuzzer target for the chunk-key parser (kvkey::parseChunk), which the browser runs on every
// key it lists. Any bytes as a key: a key it accepts must be exactly the one kvkey::chunk() writes
// for what it parsed (one spelling per chunk). The same bytes as 16 bytes of offsets and a path:
// the key written for them must parse back to them.
#include "format/key_codec.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

using namespace magellan;

namespace {

[[noreturn]] void fail(const char *what, std::string_view key) {
    std::fprintf(stderr, "fuzz_chunk_key: %s: %.*s\n", what, static_cast<int>(key.size()),
                 key.data());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char *>(data), size);
    if (const std::optional<ChunkKey> parsed = kvkey::parseChunk(input))
        if (kvkey::chunk(parsed->path, parsed->byteStart, parsed->byteEnd) != input)
            fail("accepted a key that is not written that way", input);
    if (size >= 16) {
        std::int64_t start = 0;
        std::int64_t end = 0;
        std::memcpy(&start, data, 8);
        std::memcpy(&end, data + 8, 8);
        const std::string_view path = input.substr(16);
        const std::string key = kvkey::chunk(path, start, end);
        const std::optional<ChunkKey> back = kvkey::parseChunk(key);
        if (!back || back->path != path || back->byteStart != start || back->byteEnd != end)
            fail("a written key does not parse back", key);
    }
    return 0;
}
