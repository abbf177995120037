#include "ast_tree.h"

#include <algorithm>
#include <array>
#include <span>

namespace magellan::fixture {
namespace {

using Kinds = std::span<const std::string_view>;

// Node kinds in tree-sitter's spelling; repeats weight the common ones.
constexpr auto kRustItems = std::to_array<std::string_view>(
    {"function_item", "function_item", "function_item", "function_item", "impl_item", "impl_item",
     "struct_item", "use_declaration", "mod_item", "const_item", "enum_item", "trait_item",
     "attribute_item", "macro_definition"});
constexpr auto kRustInner = std::to_array<std::string_view>({"block",
                                                             "block",
                                                             "block",
                                                             "call_expression",
                                                             "call_expression",
                                                             "let_declaration",
                                                             "let_declaration",
                                                             "expression_statement",
                                                             "expression_statement",
                                                             "if_expression",
                                                             "binary_expression",
                                                             "arguments",
                                                             "parameters",
                                                             "parameter",
                                                             "field_expression",
                                                             "match_expression",
                                                             "match_arm",
                                                             "return_expression",
                                                             "closure_expression",
                                                             "scoped_identifier",
                                                             "reference_expression",
                                                             "for_expression",
                                                             "macro_invocation",
                                                             "token_tree",
                                                             "generic_type",
                                                             "field_declaration_list"});
constexpr auto kRustLeaves = std::to_array<std::string_view>({"identifier",
                                                              "identifier",
                                                              "identifier",
                                                              "identifier",
                                                              "identifier",
                                                              "integer_literal",
                                                              "string_literal",
                                                              "field_identifier",
                                                              "field_identifier",
                                                              "type_identifier",
                                                              "type_identifier",
                                                              "primitive_type",
                                                              "(",
                                                              ")",
                                                              "{",
                                                              "}",
                                                              ";",
                                                              "::",
                                                              "line_comment",
                                                              "self",
                                                              "mutable_specifier"});

constexpr auto kPythonItems = std::to_array<std::string_view>(
    {"function_definition", "function_definition", "function_definition", "class_definition",
     "import_statement", "import_from_statement", "expression_statement", "decorated_definition",
     "if_statement"});
constexpr auto kPythonInner = std::to_array<std::string_view>({"block",
                                                               "block",
                                                               "block",
                                                               "call",
                                                               "call",
                                                               "assignment",
                                                               "assignment",
                                                               "expression_statement",
                                                               "expression_statement",
                                                               "argument_list",
                                                               "parameters",
                                                               "attribute",
                                                               "if_statement",
                                                               "for_statement",
                                                               "return_statement",
                                                               "binary_operator",
                                                               "comparison_operator",
                                                               "string",
                                                               "list_comprehension",
                                                               "with_statement"});
constexpr auto kPythonLeaves = std::to_array<std::string_view>(
    {"identifier", "identifier", "identifier", "identifier", "identifier", "integer",
     "string_content", "(", ")", ":", ",", "=", "comment", "true", "none"});

constexpr auto kCItems = std::to_array<std::string_view>(
    {"function_definition", "function_definition", "function_definition", "declaration",
     "declaration", "struct_specifier", "preproc_include", "preproc_def", "type_definition"});
constexpr auto kCInner = std::to_array<std::string_view>(
    {"compound_statement", "compound_statement", "compound_statement", "call_expression",
     "call_expression", "declaration", "expression_statement", "expression_statement",
     "if_statement", "binary_expression", "argument_list", "parameter_list",
     "parameter_declaration", "field_expression", "return_statement", "for_statement",
     "init_declarator", "pointer_declarator", "function_declarator"});
constexpr auto kCLeaves = std::to_array<std::string_view>(
    {"identifier", "identifier", "identifier", "identifier", "identifier", "number_literal",
     "string_literal", "field_identifier", "primitive_type", "(", ")", "{", "}", ";", "comment"});

constexpr auto kMarkdownItems = std::to_array<std::string_view>(
    {"section", "section", "paragraph", "fenced_code_block", "list", "atx_heading"});
constexpr auto kMarkdownInner = std::to_array<std::string_view>(
    {"paragraph", "inline", "inline", "list_item", "atx_heading", "block_quote",
     "code_fence_content", "pipe_table", "pipe_table_row"});
constexpr auto kMarkdownLeaves = std::to_array<std::string_view>(
    {"text", "text", "text", "atx_h2_marker", "list_marker_minus", "code_span",
     "fenced_code_block_delimiter", "info_string", "pipe_table_cell"});

struct KindTable {
    std::string_view root;
    Kinds items; // children of the root
    Kinds inner; // other nodes with children
    Kinds leaves;
};

KindTable kindsOf(Language language) {
    switch (language) {
    case Language::Python:
        return {"module", kPythonItems, kPythonInner, kPythonLeaves};
    case Language::C:
        return {"translation_unit", kCItems, kCInner, kCLeaves};
    case Language::Markdown:
        return {"document", kMarkdownItems, kMarkdownInner, kMarkdownLeaves};
    case Language::Rust:
        break;
    }
    return {"source_file", kRustItems, kRustInner, kRustLeaves};
}

std::string_view pickKind(Prng &rng, Kinds kinds) {
    return kinds[rng.below(kinds.size())];
}

} // namespace

TreeBuilder::TreeBuilder(std::optional<long long> fileId, long long nodeCount, Language language,
                         int bytesPerNode)
    : m_fileId(fileId), m_nodeCount(nodeCount), m_language(language),
      m_bytesPerNode(std::max(bytesPerNode, 4)) {}

AstRow TreeBuilder::next(long long id, Prng &rng) {
    AstRow row = m_emitted == 0 ? emitRoot(id) : emitChild(id, rng);
    if (++m_emitted == m_nodeCount) {
        m_open = {}; // a finished tree holds no memory
    }
    return row;
}

AstRow TreeBuilder::emitRoot(long long id) {
    m_open.push_back({id, m_nodeCount - 1, 0, 0});
    return {id, std::nullopt, kindsOf(m_language).root, 0, m_nodeCount * m_bytesPerNode};
}

AstRow TreeBuilder::emitChild(long long id, Prng &rng) {
    while (m_open.back().budget == 0) {
        m_open.pop_back();
    }
    OpenNode &parent = m_open.back();
    const long long size = chooseSubtreeSize(parent, rng);
    const long long regionStart = parent.cursor;
    const long long regionEnd = regionStart + size * m_bytesPerNode;
    parent.budget -= size;
    parent.cursor = regionEnd;

    const int depth = parent.depth + 1;
    const int quarter = m_bytesPerNode / 4;
    const long long start = regionStart + rng.between(0, quarter);
    const long long end = regionEnd - rng.between(0, quarter);
    const AstRow row{id, parent.id, chooseKind(depth, size, rng), start, end};
    if (size > 1) {
        m_open.push_back({id, size - 1, start, depth}); // may move `parent`: not used below
    }
    return row;
}

long long TreeBuilder::chooseSubtreeSize(const OpenNode &parent, Prng &rng) {
    const long long budget = parent.budget;
    if (parent.depth == 0) {
        // Top-level items: a few to several hundred nodes each, however large the file.
        return rng.chance(0.1) ? 1 : std::min(budget, rng.logUniform(2, 600));
    }
    if (budget == 1) {
        return 1;
    }
    const double roll = rng.unit();
    if (roll < 0.40) {
        return 1;
    }
    if (roll < 0.55) {
        return budget;
    }
    const double fraction = rng.unit();
    return 1 + static_cast<long long>(static_cast<double>(budget - 1) * fraction);
}

std::string_view TreeBuilder::chooseKind(int depth, long long subtreeSize, Prng &rng) const {
    const KindTable table = kindsOf(m_language);
    if (subtreeSize == 1) {
        return pickKind(rng, table.leaves);
    }
    return pickKind(rng, depth == 1 ? table.items : table.inner);
}

} // namespace magellan::fixture
