#include "browse/file_text.h"

#include "format/key_codec.h"
#include "format/stored_json.h"
#include "store/kv_store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace magellan {
namespace {

bool isHex(const QString &text) {
    return std::all_of(text.begin(), text.end(), [](QChar c) {
        return (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
               (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
    });
}

QString hex64(XXH64_hash_t value, int digits) {
    return QStringLiteral("%1").arg(static_cast<qulonglong>(value), digits, 16, QLatin1Char('0'));
}

// The path's segments with "." dropped and ".." folded; false when ".." would climb above the
// first segment.
bool foldSegments(const QString &path, QStringList &segments) {
    segments.clear();
    for (const QString &segment : path.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (segment == QLatin1String("."))
            continue;
        if (segment == QLatin1String("..")) {
            if (segments.isEmpty())
                return false;
            segments.removeLast();
            continue;
        }
        segments << segment;
    }
    return true;
}

QString joined(const QString &root, const QStringList &segments) {
    return QDir::cleanPath(root + QLatin1Char('/') + segments.join(QLatin1Char('/')));
}

QString originName(TextOrigin origin) {
    switch (origin) {
    case TextOrigin::IndexRoot:
        return QStringLiteral("under the index root");
    case TextOrigin::SourceFolder:
        return QStringLiteral("beside the source database");
    case TextOrigin::ChosenFolder:
        return QStringLiteral("under the chosen folder");
    case TextOrigin::RecordedPath:
        return QStringLiteral("at the recorded path");
    default:
        return QString();
    }
}

} // namespace

FileHashCheck checkFileHash(const QByteArray &bytes, const QString &recorded) {
    const QString hash = recorded.trimmed().toLower();
    if (hash.isEmpty())
        return {FileHashCheck::Outcome::NotRecorded, {}};
    if (!isHex(hash))
        return {FileHashCheck::Outcome::UnknownAlgorithm, {}};
    const auto outcome = [&](bool matches, const char *algorithm) {
        return FileHashCheck{matches ? FileHashCheck::Outcome::Matches
                                     : FileHashCheck::Outcome::Differs,
                             QString::fromLatin1(algorithm)};
    };
    switch (hash.size()) {
    case 64:
        return outcome(QString::fromLatin1(
                           QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()) ==
                           hash,
                       "SHA-256");
    case 16:
        return outcome(hex64(XXH64(bytes.constData(), size_t(bytes.size()), 0), 16) == hash,
                       "XXH64");
    case 32: {
        // magellan formats the 64-bit XXH3 digest in 32 digits; a real 128-bit one is possible too.
        if (hash.startsWith(QLatin1String("0000000000000000")))
            return outcome(hex64(XXH3_64bits(bytes.constData(), size_t(bytes.size())), 32) == hash,
                           "XXH3-64");
        const XXH128_hash_t wide = XXH3_128bits(bytes.constData(), size_t(bytes.size()));
        return outcome(hex64(wide.high64, 16) + hex64(wide.low64, 16) == hash, "XXH3-128");
    }
    default:
        return {FileHashCheck::Outcome::UnknownAlgorithm, {}};
    }
}

Result<std::vector<FileCandidate>> fileCandidates(const FileLocation &location) {
    const QString recorded = location.recordedPath;
    if (recorded.trimmed().isEmpty())
        return Status::invalidInput(QStringLiteral("the index records no path for this file"));
    if (recorded.contains(QChar(0)))
        return Status::invalidInput(
            QStringLiteral("the recorded path %1 holds a NUL character").arg(recorded));
    const bool absolute = recorded.startsWith(QLatin1Char('/'));
    QStringList segments;
    if (!foldSegments(recorded, segments) || segments.isEmpty())
        return Status::invalidInput(
            QStringLiteral("the recorded path %1 leaves its folder (..)").arg(recorded));

    const QString indexRoot = location.indexRoot.startsWith(QLatin1Char('/'))
                                  ? QDir::cleanPath(location.indexRoot)
                                  : QString(); // the index root is absolute, or unusable
    std::vector<std::pair<TextOrigin, QString>> roots;
    if (!indexRoot.isEmpty())
        roots.emplace_back(TextOrigin::IndexRoot, indexRoot);
    if (!location.sourceFolder.isEmpty())
        roots.emplace_back(TextOrigin::SourceFolder, QDir::cleanPath(location.sourceFolder));
    if (!location.chosenFolder.isEmpty())
        roots.emplace_back(TextOrigin::ChosenFolder, QDir::cleanPath(location.chosenFolder));

    std::vector<FileCandidate> candidates;
    const auto add = [&](TextOrigin origin, const QString &path, const QString &root) {
        for (const FileCandidate &known : candidates)
            if (known.path == path)
                return;
        candidates.push_back({origin, path, root});
    };
    if (absolute) {
        const QString path = QLatin1Char('/') + segments.join(QLatin1Char('/'));
        // Under the index root: magellan's legacy absolute form of a root-relative path.
        if (!indexRoot.isEmpty() && path.startsWith(indexRoot + QLatin1Char('/'))) {
            QStringList relative;
            foldSegments(path.mid(indexRoot.size() + 1), relative);
            for (const auto &[origin, root] : roots)
                add(origin, joined(root, relative), root);
            return candidates;
        }
        add(TextOrigin::RecordedPath, path, QString());
        // A moved checkout: the path's tail under the other folders, longest first.
        for (const auto &[origin, root] : roots) {
            if (origin == TextOrigin::IndexRoot)
                continue;
            for (qsizetype drop = 1; drop < segments.size(); ++drop)
                add(origin, joined(root, segments.mid(drop)), root);
        }
        return candidates;
    }
    for (const auto &[origin, root] : roots)
        add(origin, joined(root, segments), root);
    return candidates;
}

Result<FileOnDisk> readFileText(const FileLocation &location, qint64 maxBytes) {
    Result<std::vector<FileCandidate>> candidates = fileCandidates(location);
    if (!candidates.isOk())
        return candidates.status();
    QStringList passedOver;
    std::optional<FileOnDisk> first; // the first readable one, whatever its hash
    for (const FileCandidate &candidate : candidates.value()) {
        const QFileInfo info(candidate.path);
        if (!info.exists())
            continue;
        const QString why = [&]() -> QString {
            if (!info.isFile())
                return QStringLiteral("not a regular file");
            if (info.size() > maxBytes)
                return QStringLiteral("larger than %1 bytes").arg(maxBytes);
            if (!candidate.root.isEmpty()) {
                const QString root = QFileInfo(candidate.root).canonicalFilePath();
                if (root.isEmpty() || !info.canonicalFilePath().startsWith(root + QLatin1Char('/')))
                    return QStringLiteral("a link out of %1").arg(candidate.root);
            }
            return {};
        }();
        if (!why.isEmpty()) {
            passedOver << QStringLiteral("%1 (%2)").arg(candidate.path, why);
            continue;
        }
        QFile file(candidate.path);
        if (!file.open(QIODevice::ReadOnly)) {
            passedOver << QStringLiteral("%1 (%2)").arg(candidate.path, file.errorString());
            continue;
        }
        FileOnDisk found;
        found.origin = candidate.origin;
        found.path = candidate.path;
        found.bytes = file.read(maxBytes + 1);
        if (found.bytes.size() > maxBytes) {
            passedOver
                << QStringLiteral("%1 (larger than %2 bytes)").arg(candidate.path).arg(maxBytes);
            continue;
        }
        found.hash = checkFileHash(found.bytes, location.recordedHash);
        if (found.hash.outcome != FileHashCheck::Outcome::Differs)
            return found;
        if (!first)
            first = std::move(found);
    }
    if (first)
        return std::move(*first);
    QStringList looked;
    for (const FileCandidate &candidate : candidates.value())
        looked << QStringLiteral("%1 (%2)").arg(candidate.path, originName(candidate.origin));
    QString message = QStringLiteral("%1 is not on disk; looked in: %2")
                          .arg(location.recordedPath, looked.join(QStringLiteral(", ")));
    if (!passedOver.isEmpty())
        message += QStringLiteral("; passed over: ") + passedOver.join(QStringLiteral(", "));
    return Status::ioError(message);
}

Result<TextPiece> chunkPiece(std::string_view value) try {
    Result<nlohmann::ordered_json> parsed = parseStoredJson(value);
    if (!parsed.isOk())
        return parsed.status();
    const nlohmann::ordered_json &object = parsed.value();
    if (!object.is_object())
        return Status::invalidInput(QStringLiteral("a chunk value must be a JSON object"));
    const auto start = object.find("byte_start");
    if (start == object.end() || !start->is_number_integer())
        return Status::invalidInput(QStringLiteral("the chunk has no integer byte_start"));
    TextPiece piece;
    piece.byteStart = start->get<qint64>();
    if (const auto raw = object.find("content_base64"); raw != object.end() && raw->is_string())
        piece.bytes = QByteArray::fromBase64(QByteArray::fromStdString(raw->get<std::string>()));
    else if (const auto content = object.find("content");
             content != object.end() && content->is_string())
        piece.bytes = QByteArray::fromStdString(content->get<std::string>());
    else
        return Status::invalidInput(QStringLiteral("the chunk has no content"));
    return piece;
} catch (const std::exception &error) {
    return Status::internal(
        QStringLiteral("cannot read this chunk value: %1").arg(QString::fromUtf8(error.what())));
}

Result<std::vector<TextPiece>> storedChunkPieces(const KvStore &store, const std::string &path,
                                                 int *unreadable) {
    std::string prefix(kvkey::chunkPrefix);
    prefix += kvkey::escapePath(path);
    prefix += ':';
    std::vector<TextPiece> pieces;
    int bad = 0;
    const auto cursor = store.cursor();
    for (cursor->seek(prefix); cursor->isValid() && cursor->key().starts_with(prefix);
         cursor->next()) {
        const auto key = kvkey::parseChunk(cursor->key());
        if (!key || key->path != path)
            continue; // a longer path that starts the same way ("a" and "a:b")
        Result<TextPiece> piece = chunkPiece(cursor->value());
        if (piece.isOk())
            pieces.push_back(std::move(piece.value()));
        else
            ++bad;
    }
    if (Status status = cursor->status(); !status.isOk())
        return status;
    if (unreadable)
        *unreadable = bad;
    std::stable_sort(pieces.begin(), pieces.end(), [](const TextPiece &a, const TextPiece &b) {
        return a.byteStart < b.byteStart;
    });
    return pieces;
}

} // namespace magellan
