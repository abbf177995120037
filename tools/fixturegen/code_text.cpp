#include "code_text.h"

#include <array>
#include <cstdio>
#include <span>

namespace magellan::fixture {
namespace {

using Pool = std::span<const std::string_view>;

constexpr std::array<std::string_view, 16> kVerbs = {
    "parse", "read", "write", "load",  "build", "emit", "visit", "resolve",
    "index", "scan", "flush", "merge", "split", "walk", "lower", "check"};

constexpr std::array<std::string_view, 16> kNouns = {
    "header", "config", "token", "node",  "span",  "buffer", "graph", "symbol",
    "chunk",  "block",  "path",  "entry", "cache", "state",  "query", "range"};

constexpr std::array<std::string_view, 6> kNonAsciiNames = {
    "größe_prüfen", "café_count", "名前_取得", "naïve_sum", "über_alles", "données_lire"};

constexpr std::array<std::string_view, 12> kTypeNames = {
    "Config",    "TokenStream", "NodeId",    "SpanMap", "GraphStore", "ChunkCache",
    "FileIndex", "QueryPlan",   "BlockList", "Symbol",  "Résumé",     "Walker"};

constexpr std::array<std::string_view, 8> kRustTypes = {"u32",  "i64",  "usize",   "String",
                                                        "bool", "&str", "Vec<u8>", "f64"};

// Comment texts; several are non-ASCII on purpose (accents, CJK, emoji, Greek, Cyrillic).
constexpr std::array<std::string_view, 14> kComments = {"café au lait — naïve résumé of the cache",
                                                        "Größe prüfen, dann über alles iterieren",
                                                        "日本語のコメント: 境界を確認する",
                                                        "处理边界情况",
                                                        "🚀 fast path, no allocation",
                                                        "the crab 🦀 says hi 👋",
                                                        "Ελληνικά και русский текст",
                                                        "plain ASCII note about the index",
                                                        "TODO(dev): handle the empty case",
                                                        "price: 5€ / £4 / ¥600",
                                                        "keeps \"quotes\" and back\\slashes intact",
                                                        "tab\tseparated\tnote",
                                                        "see https://example.org/über?q=1&x=2",
                                                        "invariant: start <= end"};

// Text put inside string literals of the generated code.
constexpr std::array<std::string_view, 9> kTexts = {
    "héllo wörld", "ok",      "naïve façade", "データ", "emoji ✨ sparkle",
    "value",       "ünïcödé", "done",         "Привет"};

constexpr auto kRustLines = std::to_array<std::string_view>(
    {"    let $a = $b($n);", "    // $m", "    if $a > $n {\n        return $b;\n    }",
     "    println!(\"$t: {}\", $a);", "    let $a: $y = $b.len() as $y;", "    $a.$b(&self.$a)?;",
     "    for $a in 0..$n {\n        $b += $a;\n    }",
     "    match $a {\n        Some(v) => v,\n        None => $n,\n    };", "    let $a = \"$t\";",
     "    /* $m */", "    let path = \"C:\\\\Users\\\\dev\\\\$a.txt\";",
     "    assert_eq!($a, $n, \"$t\");"});

constexpr auto kPythonLines = std::to_array<std::string_view>(
    {"    $a = $b.$a($n)", "    # $m", "    if $a > $n:\n        return $b",
     "    print(f\"$t {$a}\")", "    $a = \"$t\"", "    for $a in range($n):\n        $b += $a",
     "    $a = [$b for $b in $a if $b]", "    path = r\"C:\\Users\\dev\\$a.txt\"",
     "    $a: dict[str, int] = {\"$t\": $n}"});

constexpr auto kCLines = std::to_array<std::string_view>(
    {"    int $a = $b($n);", "    /* $m */", "    if ($a > $n) {\n        return $b;\n    }",
     "    printf(\"$t: %d\\n\", $a);", "    $a += $b * $n;", "    // $m",
     "    for (int i = 0; i < $n; ++i) {\n        $a += i;\n    }",
     "    const char *p = \"C:\\\\Users\\\\$a\";"});

constexpr auto kMarkdownLines =
    std::to_array<std::string_view>({"$m.", "- `$a` → $t", "```rust\nlet $a = $n;\n```", "", "> $t",
                                     "| `$a` | $n | $t |", "Call `$a()`."});

constexpr auto kStatementTemplates = std::to_array<std::string_view>(
    {"let $a = $n;", "$a($b)", "return $a;", "if $a > $b", "println!(\"$t {}\", $a);",
     "path.push(\"C:\\\\tmp\\\\$a\")", "let 名前 = \"日本語\";", "$a += 1; // 🚀", "match $a { .. }",
     "drop($a)", "$a.$b()?", "\t$a($n)"});

struct LanguageShape {
    std::string_view header;
    Pool lines;
    std::string_view footer;
};

LanguageShape shapeOf(Language language) {
    switch (language) {
    case Language::Python:
        return {"def $s($a, $b=$n):\n    \"\"\"$t\"\"\"", kPythonLines, "    return $a"};
    case Language::C:
        return {"static int $s(int $a, const char *$b)\n{", kCLines, "    return $a;\n}"};
    case Language::Markdown:
        return {"## $s", kMarkdownLines, ""};
    case Language::Rust:
        break;
    }
    return {"/// $m\npub fn $s($a: $y) -> $y {", kRustLines, "    $a\n}"};
}

std::string makeIdentifier(Prng &rng) {
    std::string name(rng.pick(kVerbs));
    name += '_';
    name += rng.pick(kNouns);
    return name;
}

// Expands $a/$b (identifiers), $n (number), $m (comment), $t (text), $y (type), $s (symbol).
void appendFilled(std::string &out, std::string_view pattern, Prng &rng, std::string_view symbol) {
    for (std::size_t index = 0; index < pattern.size(); ++index) {
        const char current = pattern[index];
        if (current != '$' || index + 1 == pattern.size()) {
            out.push_back(current);
            continue;
        }
        switch (pattern[++index]) {
        case 'a':
        case 'b':
            out += makeIdentifier(rng);
            break;
        case 'n':
            out += std::to_string(rng.between(0, 4096));
            break;
        case 'm':
            out += rng.pick(kComments);
            break;
        case 't':
            out += rng.pick(kTexts);
            break;
        case 'y':
            out += rng.pick(kRustTypes);
            break;
        case 's':
            out += symbol;
            break;
        default:
            out.push_back('$');
            out.push_back(pattern[index]);
        }
    }
}

std::string_view pickLine(Prng &rng, Pool lines) {
    return lines[rng.below(lines.size())];
}

std::string toCrlf(const std::string &text) {
    std::string converted;
    converted.reserve(text.size() + text.size() / 16);
    for (const char current : text) {
        if (current == '\n') {
            converted.push_back('\r');
        }
        converted.push_back(current);
    }
    return converted;
}

} // namespace

Language languageOfPath(std::string_view path) {
    const auto endsWith = [path](std::string_view suffix) { return path.ends_with(suffix); };
    if (endsWith(".py")) {
        return Language::Python;
    }
    if (endsWith(".c") || endsWith(".h")) {
        return Language::C;
    }
    if (endsWith(".md")) {
        return Language::Markdown;
    }
    return Language::Rust;
}

std::string makeFunctionName(Prng &rng) {
    std::string name =
        rng.chance(0.05) ? std::string(rng.pick(kNonAsciiNames)) : makeIdentifier(rng);
    if (rng.chance(0.5)) {
        name += '_';
        name += std::to_string(rng.below(100));
    }
    return name;
}

std::string makeTypeName(Prng &rng) {
    std::string name(rng.pick(kTypeNames));
    if (rng.chance(0.4)) {
        name += std::to_string(rng.below(50));
    }
    return name;
}

std::string makeCodeChunk(Prng &rng, Language language, std::string_view symbolName,
                          std::size_t targetBytes, bool crlf) {
    const LanguageShape shape = shapeOf(language);
    std::string text;
    text.reserve(targetBytes + 256);
    appendFilled(text, shape.header, rng, symbolName);
    text.push_back('\n');
    while (text.size() + shape.footer.size() < targetBytes) {
        appendFilled(text, pickLine(rng, shape.lines), rng, symbolName);
        text.push_back('\n');
    }
    appendFilled(text, shape.footer, rng, symbolName);
    text.push_back('\n');
    return crlf ? toCrlf(text) : text;
}

std::string makeStatementsJson(Prng &rng) {
    const auto count = rng.below(6);
    std::string json = "[";
    for (std::uint64_t index = 0; index < count; ++index) {
        std::string statement;
        appendFilled(statement, pickLine(rng, kStatementTemplates), rng, {});
        if (index > 0) {
            json.push_back(',');
        }
        json += jsonString(statement);
    }
    json.push_back(']');
    return json;
}

std::string jsonString(std::string_view text) {
    std::string quoted;
    quoted.reserve(text.size() + 2);
    quoted.push_back('"');
    for (const char current : text) {
        switch (current) {
        case '"':
            quoted += "\\\"";
            break;
        case '\\':
            quoted += "\\\\";
            break;
        case '\n':
            quoted += "\\n";
            break;
        case '\r':
            quoted += "\\r";
            break;
        case '\t':
            quoted += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(current) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", current);
                quoted += escaped;
            } else {
                quoted.push_back(current);
            }
        }
    }
    quoted.push_back('"');
    return quoted;
}

} // namespace magellan::fixture
