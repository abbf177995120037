#include "format/stored_json.h"

namespace magellan {
namespace {

// True when an array or object of `text` opens more than `limit` levels deep (strings skipped).
bool nestsDeeperThan(std::string_view text, int limit) {
    int depth = 0;
    bool inString = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit)
                return true;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return false;
}

} // namespace

Result<nlohmann::ordered_json> parseStoredJson(std::string_view value) try {
    if (nestsDeeperThan(value, maxValueDepth))
        return Status::invalidInput(
            QStringLiteral("the value nests deeper than %1 levels").arg(maxValueDepth));
    nlohmann::ordered_json parsed =
        nlohmann::ordered_json::parse(value.begin(), value.end(), nullptr, false);
    if (parsed.is_discarded())
        return Status::invalidInput(QStringLiteral("the value is not valid JSON"));
    return parsed;
} catch (const std::exception &error) {
    return Status::internal(
        QStringLiteral("cannot decode this JSON value: %1").arg(QString::fromUtf8(error.what())));
}

} // namespace magellan
