#include "browse/stored_value.h"

#include "format/key_codec.h"

#include <QByteArray>
#include <QCryptographicHash>

#include <nlohmann/json.hpp>

#include <map>

namespace magellan {
namespace {

using json = nlohmann::ordered_json;

Result<json> parse(std::string_view value) {
    return parseStoredJson(value);
}

// What a decoder that threw says instead: nothing thrown leaves the core.
Status thrown(const char *what, const std::exception &error) {
    return Status::internal(QStringLiteral("cannot decode this %1 value: %2")
                                .arg(QLatin1String(what), QString::fromUtf8(error.what())));
}

QString text(const json &value) {
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    if (value.is_null())
        return {};
    return QString::fromStdString(value.dump(-1, ' ', false, json::error_handler_t::replace));
}

// Every object of `records` (or `records` itself, when it is one object) as a row.
Result<RecordTable> recordTableOf(const json &records) {
    if (records.is_object())
        return recordTableOf(json::array({records}));
    if (!records.is_array())
        return Status::invalidInput(QStringLiteral("the value is neither an object nor an array"));
    RecordTable table;
    std::map<std::string, int> columnOf;
    for (const json &record : records) {
        if (!record.is_object())
            return Status::invalidInput(
                QStringLiteral("the array holds something other than objects"));
        for (const auto &item : record.items())
            if (columnOf.emplace(item.key(), static_cast<int>(table.columns.size())).second)
                table.columns << QString::fromStdString(item.key());
    }
    for (const json &record : records) {
        QStringList row;
        for (int i = 0; i < table.columns.size(); ++i)
            row << QString();
        for (const auto &item : record.items())
            row[columnOf[item.key()]] =
                item.value().is_null() ? QStringLiteral("NULL") : text(item.value());
        table.rows.push_back(row);
    }
    return table;
}

// Moves a decoder's value into `into`, or its error into `problems`.
template <typename T>
void take(Result<T> result, std::optional<T> &into, std::vector<Status> &problems) {
    if (result.isOk())
        into = std::move(result.value());
    else
        problems.push_back(result.status());
}

std::optional<qint64> integer(const json &object, const char *field) {
    const auto it = object.find(field);
    if (it == object.end() || !it->is_number_integer())
        return std::nullopt;
    return it->get<qint64>();
}

} // namespace

KeyKind classifyKey(std::string_view key) {
    if (key.starts_with(kvkey::rejectPrefix))
        return KeyKind::Reject;
    if (key == kvkey::migrationRecord)
        return KeyKind::MigrationRecord;
    const std::optional<SourceTable> table = kvkey::namespaceOf(key);
    if (!table)
        return key.starts_with(kvkey::metricsPrefix) ? KeyKind::Record : KeyKind::Other;
    switch (*table) {
    case SourceTable::CodeChunks:
        return KeyKind::Chunk;
    case SourceTable::AstNodes:
        return KeyKind::AstGroup;
    case SourceTable::CfgBlocks:
        return KeyKind::CfgGroup;
    default:
        return KeyKind::Record;
    }
}

Result<ChunkValue> decodeChunk(std::string_view value) try {
    Result<json> parsed = parse(value);
    if (!parsed.isOk())
        return parsed.status();
    const json &object = parsed.value();
    if (!object.is_object())
        return Status::invalidInput(QStringLiteral("a chunk value must be a JSON object"));
    ChunkValue chunk;
    chunk.filePath = text(object.value("file_path", json()));
    chunk.byteStart = integer(object, "byte_start").value_or(0);
    chunk.byteEnd = integer(object, "byte_end").value_or(0);
    chunk.content = text(object.value("content", json()));
    chunk.symbolName = text(object.value("symbol_name", json()));
    chunk.symbolKind = text(object.value("symbol_kind", json()));
    chunk.contentHash = text(object.value("content_hash", json())).trimmed().toLower();
    // The exact bytes: the _base64 sibling when the text had to be repaired.
    QByteArray bytes = chunk.content.toUtf8();
    if (const auto raw = object.find("content_base64"); raw != object.end() && raw->is_string()) {
        bytes = QByteArray::fromBase64(QByteArray::fromStdString(raw->get<std::string>()));
        chunk.contentRepaired = true;
    }
    static const std::map<int, std::pair<QCryptographicHash::Algorithm, const char *>> byLength = {
        {64, {QCryptographicHash::Sha256, "SHA-256"}},
        {40, {QCryptographicHash::Sha1, "SHA-1"}},
        {32, {QCryptographicHash::Md5, "MD5"}}};
    if (const auto algorithm = byLength.find(static_cast<int>(chunk.contentHash.size()));
        algorithm != byLength.end()) {
        chunk.hashAlgorithm = QString::fromLatin1(algorithm->second.second);
        chunk.hashMatches =
            QString::fromLatin1(QCryptographicHash::hash(bytes, algorithm->second.first).toHex()) ==
            chunk.contentHash;
    }
    return chunk;
} catch (const std::exception &error) {
    return thrown("chunk", error);
}

Result<AstTree> decodeAstTree(std::string_view value) try {
    Result<json> parsed = parse(value);
    if (!parsed.isOk())
        return parsed.status();
    if (!parsed.value().is_array())
        return Status::invalidInput(QStringLiteral("an ast value must be a JSON array of nodes"));
    AstTree tree;
    std::map<qint64, int> indexById;
    for (const json &element : parsed.value()) {
        if (!element.is_object() || !integer(element, "id"))
            return Status::invalidInput(
                QStringLiteral("an ast node must be an object with an integer id"));
        AstNode node;
        node.id = *integer(element, "id");
        node.parentId = integer(element, "parent_id");
        node.kind = text(element.value("kind", json()));
        node.byteStart = integer(element, "byte_start");
        node.byteEnd = integer(element, "byte_end");
        indexById.emplace(node.id, static_cast<int>(tree.nodes.size()));
        tree.nodes.push_back(std::move(node));
    }
    for (int i = 0; i < static_cast<int>(tree.nodes.size()); ++i) {
        AstNode &node = tree.nodes[i];
        const auto parent = node.parentId ? indexById.find(*node.parentId) : indexById.end();
        if (parent == indexById.end() || parent->second == i) {
            tree.danglingParents += node.parentId ? 1 : 0;
            tree.roots.push_back(i);
            continue;
        }
        node.parent = parent->second;
        tree.nodes[parent->second].children.push_back(i);
    }
    // Subtree sizes, leaves first, without recursion (trees can be tens of thousands deep).
    std::vector<int> order;
    order.reserve(tree.nodes.size());
    std::vector<int> stack(tree.roots.begin(), tree.roots.end());
    while (!stack.empty()) {
        const int index = stack.back();
        stack.pop_back();
        order.push_back(index);
        for (const int child : tree.nodes[index].children)
            stack.push_back(child);
    }
    if (order.size() != tree.nodes.size())
        return Status::invalidInput(
            QStringLiteral("the parent links of this ast value form a cycle"));
    for (auto it = order.rbegin(); it != order.rend(); ++it)
        if (const int parent = tree.nodes[*it].parent; parent >= 0)
            tree.nodes[parent].subtreeSize += tree.nodes[*it].subtreeSize;
    return tree;
} catch (const std::exception &error) {
    return thrown("ast", error);
}

Result<RecordTable> decodeRecordTable(std::string_view value) try {
    Result<json> parsed = parse(value);
    if (!parsed.isOk())
        return parsed.status();
    return recordTableOf(parsed.value());
} catch (const std::exception &error) {
    return thrown("record", error);
}

Result<RejectValue> decodeReject(std::string_view value) try {
    Result<json> parsed = parse(value);
    if (!parsed.isOk())
        return parsed.status();
    const json &object = parsed.value();
    if (!object.is_object())
        return Status::invalidInput(QStringLiteral("a reject value must be a JSON object"));
    RejectValue rejected;
    rejected.reason = text(object.value("reason", json()));
    rejected.column = text(object.value("column", json()));
    if (const auto row = object.find("row"); row != object.end())
        if (Result<RecordTable> table = recordTableOf(*row); table.isOk())
            rejected.row = std::move(table.value());
    return rejected;
} catch (const std::exception &error) {
    return thrown("reject", error);
}

DecodedValue decodeStoredValue(std::string_view key, std::string_view value) {
    DecodedValue decoded;
    decoded.key = std::string(key);
    decoded.kind = classifyKey(key);
    decoded.size = value.size();
    try {
        Result<json> parsed = parse(value);
        if (!parsed.isOk()) {
            decoded.pretty =
                std::make_shared<const std::string>(hexDump(value, size_t(1) << 20).toStdString());
            decoded.problems.push_back(parsed.status());
            return decoded;
        }
        auto document = std::make_shared<const json>(std::move(parsed.value()));
        decoded.pretty = std::make_shared<const std::string>(
            document->dump(2, ' ', false, json::error_handler_t::replace));
        decoded.document = document;
        decoded.isJson = true;
        switch (decoded.kind) {
        case KeyKind::Chunk:
            take(decodeChunk(value), decoded.chunk, decoded.problems);
            break;
        case KeyKind::AstGroup:
            take(decodeAstTree(value), decoded.ast, decoded.problems);
            break;
        case KeyKind::CfgGroup:
        case KeyKind::Record:
            take(decodeRecordTable(value), decoded.records, decoded.problems);
            break;
        case KeyKind::Reject:
            take(decodeReject(value), decoded.reject, decoded.problems);
            if (decoded.reject && decoded.reject->row)
                decoded.records = decoded.reject->row;
            break;
        case KeyKind::MigrationRecord:
            take(summarizeMigrationRecord(value), decoded.migration, decoded.problems);
            break;
        case KeyKind::Other:
            break;
        }
    } catch (const std::exception &error) { // the core boundary: nothing thrown goes further
        decoded.problems.push_back(thrown("stored", error));
        if (!decoded.pretty)
            decoded.pretty = std::make_shared<const std::string>();
    }
    return decoded;
}

Result<std::string> prettyJson(std::string_view value) try {
    Result<json> parsed = parse(value);
    if (!parsed.isOk())
        return parsed.status();
    return parsed.value().dump(2, ' ', false, json::error_handler_t::replace);
} catch (const std::exception &error) {
    return thrown("JSON", error);
}

QString hexDump(std::string_view bytes, size_t limit) {
    QString dump;
    const size_t shown = std::min(bytes.size(), limit);
    for (size_t line = 0; line < shown; line += 16) {
        QString hex;
        QString ascii;
        for (size_t i = line; i < line + 16; ++i) {
            if (i < shown) {
                const auto byte = static_cast<unsigned char>(bytes[i]);
                hex += QStringLiteral("%1 ").arg(byte, 2, 16, QLatin1Char('0'));
                ascii += byte >= 0x20 && byte < 0x7F ? QChar(byte) : QChar(u'.');
            } else {
                hex += QStringLiteral("   ");
            }
        }
        dump += QStringLiteral("%1  %2 %3\n").arg(line, 8, 16, QLatin1Char('0')).arg(hex, ascii);
    }
    if (shown < bytes.size())
        dump += QStringLiteral("… %1 more bytes\n").arg(bytes.size() - shown);
    return dump;
}

} // namespace magellan
