#pragma once

#include "prng.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace magellan::fixture {

enum class Language { Rust, Python, C, Markdown };

// The language a source path is written in, judged by its extension (Rust when unknown).
Language languageOfPath(std::string_view path);

// A snake_case function-like name, occasionally with non-ASCII letters.
std::string makeFunctionName(Prng &rng);

// A CamelCase type-like name.
std::string makeTypeName(Prng &rng);

// Realistic-looking source text of roughly targetBytes bytes (whole lines, valid UTF-8),
// starting with a definition of symbolName; lines end in "\r\n" when crlf is set.
std::string makeCodeChunk(Prng &rng, Language language, std::string_view symbolName,
                          std::size_t targetBytes, bool crlf);

// A compact JSON array of 0..5 statement strings, as cfg_blocks.statements holds them.
std::string makeStatementsJson(Prng &rng);

// text as a JSON string literal: quoted, with '"', '\\' and control characters escaped.
std::string jsonString(std::string_view text);

} // namespace magellan::fixture
