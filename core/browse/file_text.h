#pragma once

#include "browse/source_text.h"
#include "status.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <string>
#include <string_view>
#include <vector>

namespace magellan {

class KvStore;

// Where the text of an indexed file came from.
enum class TextOrigin {
    IndexRoot,    // the file on disk under magellan_meta.index_root
    SourceFolder, // the file on disk relative to the source database's folder
    ChosenFolder, // the file on disk under a folder the person picked
    RecordedPath, // the file on disk at the absolute path the index records
    StoreChunks,  // the store's chunks of the file, with gaps where none covers the text
    None,         // no text was found
};

// A File entity's recorded hash set against the bytes found.
struct FileHashCheck {
    enum class Outcome {
        Matches,
        Differs,          // the file changed since it was indexed
        NotRecorded,      // the entity records no hash (or there is no entity)
        UnknownAlgorithm, // a hash of a shape magellan never wrote
    };
    Outcome outcome = Outcome::NotRecorded;
    QString algorithm; // "SHA-256", "XXH64", "XXH3-64", "XXH3-128"; empty when not checked
};

// Checks `bytes` against `recorded` (hex, any case), by the recorded hash's shape, as magellan
// versions wrote it: 64 digits SHA-256; 16 digits XXH64 (seed 0); 32 digits XXH3, the 64-bit
// digest zero-padded (what magellan's "xxHash3-128" writes) or the 128-bit one.
FileHashCheck checkFileHash(const QByteArray &bytes, const QString &recorded);

// What is known of where an indexed file is: the path graph_entities records (relative to the
// index root, or absolute), and the folders to look in. Empty folders are skipped.
struct FileLocation {
    QString recordedPath;
    QString indexRoot;    // magellan_meta.index_root (schema 21); empty when absent or NULL
    QString sourceFolder; // the folder of the source database
    QString chosenFolder; // a folder the person picked
    QString recordedHash; // the File entity's data.hash; empty when absent
};

// One place the file may be.
struct FileCandidate {
    TextOrigin origin = TextOrigin::None;
    QString path;
    QString root; // the folder it must stay inside (links resolved); empty for RecordedPath
};

// The places to look for the file, in order: under the index root, beside the source, under the
// chosen folder (an absolute path outside the index root is tried as recorded, then with its
// leading folders dropped one by one under the other two). InvalidInput, saying why, for a
// recorded path that names no file (empty, a NUL byte, ".." above its folder).
Result<std::vector<FileCandidate>> fileCandidates(const FileLocation &location);

// A file's text found on disk.
struct FileOnDisk {
    TextOrigin origin = TextOrigin::None;
    QString path;
    QByteArray bytes;
    FileHashCheck hash;
};

// Reads the file of `location` from the first candidate that is a regular file inside its folder
// and at most `maxBytes` long, preferring the first whose hash matches when a hash is recorded.
// Never writes. IoError listing the places looked in (and why each was passed over) when none
// serves.
Result<FileOnDisk> readFileText(const FileLocation &location, qint64 maxBytes = 64LL << 20);

// The known bytes of a stored chunk value: byte_start and the exact content (content_base64 when
// the text was repaired); InvalidInput for a value that holds neither.
Result<TextPiece> chunkPiece(std::string_view value);

// The pieces of every chunk the store keeps of the file at `path` (UTF-8, as the source spells
// it), in source order; chunks whose values cannot be read are left out and counted in
// `unreadable` when given.
Result<std::vector<TextPiece>> storedChunkPieces(const KvStore &store, const std::string &path,
                                                 int *unreadable = nullptr);

} // namespace magellan
