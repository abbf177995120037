// Finding an indexed file's text: where to look (index root, beside the source, a chosen folder),
// what is refused (.., NUL, links out, devices), the File entity's hash in every shape magellan
// wrote, and the store's chunks as the fallback.
#include "browse/file_text.h"
#include "format/key_codec.h"
#include "store/kv_store.h"
#include "test_database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace magellan;

namespace {

void writeFile(const QString &path, const QByteArray &bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

QString sha256(const QByteArray &bytes) {
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QStringList candidatePaths(const FileLocation &location) {
    const Result<std::vector<FileCandidate>> candidates = fileCandidates(location);
    QStringList paths;
    if (candidates.isOk())
        for (const FileCandidate &candidate : candidates.value())
            paths << candidate.path;
    return paths;
}

} // namespace

class TestFileText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void hashesOfEveryShapeMagellanWrote() {
        using Outcome = FileHashCheck::Outcome;
        const QByteArray empty;
        // Published test vectors of the empty input.
        QCOMPARE(checkFileHash(empty, QStringLiteral("ef46db3751d8e999")).outcome,
                 Outcome::Matches);
        QCOMPARE(checkFileHash(empty, QStringLiteral("ef46db3751d8e999")).algorithm,
                 QStringLiteral("XXH64"));
        QCOMPARE(checkFileHash(empty, QStringLiteral("00000000000000002D06800538D394C2")).outcome,
                 Outcome::Matches);
        QCOMPARE(checkFileHash(empty, QStringLiteral("00000000000000002d06800538d394c2")).algorithm,
                 QStringLiteral("XXH3-64"));
        QCOMPARE(checkFileHash(empty, QStringLiteral("99aa06d3014798d86001c324468d497f")).outcome,
                 Outcome::Matches);
        const QByteArray text("fn main() {}\n");
        QCOMPARE(checkFileHash(text, sha256(text)).outcome, Outcome::Matches);
        QCOMPARE(checkFileHash(text, sha256(text)).algorithm, QStringLiteral("SHA-256"));
        QCOMPARE(checkFileHash(text + ' ', sha256(text)).outcome, Outcome::Differs);
        QCOMPARE(checkFileHash(text, QStringLiteral("ef46db3751d8e999")).outcome, Outcome::Differs);
        QCOMPARE(checkFileHash(text, QString()).outcome, Outcome::NotRecorded);
        QCOMPARE(checkFileHash(text, QStringLiteral("deadbeef")).outcome,
                 Outcome::UnknownAlgorithm);
        QCOMPARE(checkFileHash(text, QStringLiteral("not a hash at all, not hex")).outcome,
                 Outcome::UnknownAlgorithm);
    }

    void candidatesInOrder() {
        FileLocation location;
        location.recordedPath = QStringLiteral("src/./a/../main.rs");
        location.indexRoot = QStringLiteral("/repo");
        location.sourceFolder = QStringLiteral("/data");
        location.chosenFolder = QStringLiteral("/picked");
        const auto candidates = fileCandidates(location);
        QVERIFY(candidates.isOk());
        QStringList paths;
        for (const FileCandidate &candidate : candidates.value())
            paths << candidate.path;
        QCOMPARE(paths,
                 (QStringList{"/repo/src/main.rs", "/data/src/main.rs", "/picked/src/main.rs"}));
        QCOMPARE(candidates->front().origin, TextOrigin::IndexRoot);

        // An absolute path under the index root is the same file under every folder.
        location.recordedPath = QStringLiteral("/repo/src/main.rs");
        paths = candidatePaths(location);
        QCOMPARE(paths,
                 (QStringList{"/repo/src/main.rs", "/data/src/main.rs", "/picked/src/main.rs"}));

        // Outside it: as recorded, then its tail under the other folders.
        location.recordedPath = QStringLiteral("/home/alice/proj/main.rs");
        paths = candidatePaths(location);
        QCOMPARE(paths.first(), QStringLiteral("/home/alice/proj/main.rs"));
        QVERIFY(paths.contains(QStringLiteral("/data/proj/main.rs")));
        QVERIFY(paths.contains(QStringLiteral("/picked/main.rs")));

        // A relative index root is not a root.
        location.recordedPath = QStringLiteral("main.rs");
        location.indexRoot = QStringLiteral("relative/root");
        QCOMPARE(fileCandidates(location)->front().origin, TextOrigin::SourceFolder);
    }

    void hostilePathsAreRefused() {
        FileLocation location;
        location.sourceFolder = QStringLiteral("/data");
        for (const QString &path :
             {QStringLiteral("../etc/passwd"), QStringLiteral("a/../../b"), QString(),
              QStringLiteral("   "), QStringLiteral("a") + QChar(0) + QStringLiteral("b"),
              QStringLiteral("/"), QStringLiteral("/..")}) {
            location.recordedPath = path;
            QVERIFY2(!fileCandidates(location).isOk(), qPrintable(path));
            QVERIFY(!readFileText(location).isOk());
        }
    }

    void readsTheFileAndChecksItsHash() {
        QTemporaryDir root;
        const QByteArray bytes = QStringLiteral("héllo\r\nworld\n").toUtf8();
        writeFile(root.filePath(QStringLiteral("src/a.py")), bytes);
        FileLocation location;
        location.recordedPath = QStringLiteral("src/a.py");
        location.indexRoot = root.path();
        location.recordedHash = sha256(bytes);
        Result<FileOnDisk> found = readFileText(location);
        QVERIFY2(found.isOk(), qPrintable(found.status().message()));
        QCOMPARE(found->origin, TextOrigin::IndexRoot);
        QCOMPARE(found->bytes, bytes);
        QCOMPARE(found->hash.outcome, FileHashCheck::Outcome::Matches);

        // Changed since it was indexed: still read, and said so.
        writeFile(root.filePath(QStringLiteral("src/a.py")), bytes + "# edited\n");
        found = readFileText(location);
        QVERIFY(found.isOk());
        QCOMPARE(found->hash.outcome, FileHashCheck::Outcome::Differs);
    }

    void aMatchingCopyWinsOverAChangedOne() {
        // The file was re-indexed from another checkout: beside the source is the stale copy,
        // the chosen folder holds the one the hash names.
        QTemporaryDir source, chosen;
        const QByteArray indexed("v2\n");
        writeFile(source.filePath(QStringLiteral("m.c")), "v1\n");
        writeFile(chosen.filePath(QStringLiteral("m.c")), indexed);
        FileLocation location;
        location.recordedPath = QStringLiteral("m.c");
        location.sourceFolder = source.path();
        location.chosenFolder = chosen.path();
        location.recordedHash = sha256(indexed);
        const Result<FileOnDisk> found = readFileText(location);
        QVERIFY(found.isOk());
        QCOMPARE(found->origin, TextOrigin::ChosenFolder);
        QCOMPARE(found->hash.outcome, FileHashCheck::Outcome::Matches);
    }

    void missingFilesAndWhatIsPassedOver() {
        QTemporaryDir root, outside;
        writeFile(outside.filePath(QStringLiteral("secret.txt")), "secret");
        QVERIFY(QFile::link(outside.filePath(QStringLiteral("secret.txt")),
                            root.filePath(QStringLiteral("link.txt"))));
        QDir(root.path()).mkdir(QStringLiteral("folder.c"));
        FileLocation location;
        location.sourceFolder = root.path();
        for (const QString &path :
             {QStringLiteral("absent.c"), QStringLiteral("link.txt"), QStringLiteral("folder.c")}) {
            location.recordedPath = path;
            const Result<FileOnDisk> found = readFileText(location);
            QVERIFY2(!found.isOk(), qPrintable(path));
            QCOMPARE(found.status().code(), Status::Code::IoError);
            QVERIFY(found.status().message().contains(root.filePath(path)));
        }
        location.recordedPath = QStringLiteral("link.txt");
        QVERIFY(readFileText(location).status().message().contains(QStringLiteral("link out")));
        // A device is not a file, even at an absolute recorded path.
        location.recordedPath = QStringLiteral("/dev/zero");
        QVERIFY(!readFileText(location).isOk());
        // Nor is anything larger than the limit read.
        writeFile(root.filePath(QStringLiteral("big.c")), QByteArray(100, 'x'));
        location.recordedPath = QStringLiteral("big.c");
        QVERIFY(!readFileText(location, 99).isOk());
        QVERIFY(readFileText(location, 100).isOk());
    }

    void chunksOfAFileFromTheStore() {
        QTemporaryDir dir;
        const QString storePath = dir.filePath(QStringLiteral("code.kv"));
        const auto chunk = [](const char *path, int start, int end, const QByteArray &content) {
            return std::make_pair(
                kvkey::chunk(path, start, end),
                QStringLiteral(R"({"id":1,"file_path":"%1","byte_start":%2,"byte_end":%3,)"
                               R"("content":"%4","content_hash":null,"symbol_name":null,)"
                               R"("symbol_kind":null,"created_at":null})")
                    .arg(QLatin1String(path))
                    .arg(start)
                    .arg(end)
                    .arg(QString::fromUtf8(content))
                    .toStdString());
        };
        QCOMPARE(
            test::writeStore(storePath,
                             {chunk("a", 10, 14, "b\\nc\\n"),
                              chunk("a", 0, 3, "ab\\n"),
                              chunk("a:b", 0, 1, "x"),
                              {kvkey::chunk("a", 20, 21), "not json"},
                              {kvkey::chunk("a", 30, 33),
                               R"({"byte_start":30,"content":"\u00ff","content_base64":"/w=="})"}}),
            QString());
        auto store = KvStore::open(storePath, KvStore::Mode::ReadOnly);
        QVERIFY(store.isOk());
        int unreadable = 0;
        const auto pieces = storedChunkPieces(*store.value(), "a", &unreadable);
        QVERIFY(pieces.isOk());
        QCOMPARE(pieces->size(), size_t(3)); // not a:b's chunk, not the value that is not JSON
        QCOMPARE(unreadable, 1);
        QCOMPARE(pieces->at(0).byteStart, 0);
        QCOMPARE(pieces->at(1).bytes, QByteArray("b\nc\n"));
        QCOMPARE(pieces->at(2).bytes, QByteArray("\xff")); // the exact bytes
        const SourceText text = SourceText::fromPieces(pieces.value(), {});
        QCOMPARE(text.gaps().size(), size_t(2));
        QVERIFY(!chunkPiece(R"({"content":"x"})").isOk());
        QVERIFY(!chunkPiece("[]").isOk());
    }
};

QTEST_GUILESS_MAIN(TestFileText)
#include "tst_file_text.moc"
