#pragma once

#include <QString>

namespace magellan::test {

// Moves this process (and the processes it starts later) into a private mount namespace, so the
// mounts a test makes are seen by nobody else and vanish with it, even after a crash. Returns ""
// or why not (then mounts are made in the shared namespace and undone by ~ScopedMount).
QString enterPrivateMountNamespace();

// A mount made for one test and undone when the object dies. Needs CAP_SYS_ADMIN (root on a
// normal machine); error() says why it could not be made.
class ScopedMount {
public:
    // A tmpfs of `bytes` at the existing folder `target`: a small disk that fills up.
    static ScopedMount tmpfs(const QString &target, qint64 bytes);
    // The folder `source` seen read-only at the existing folder `target`: even root cannot write
    // there, unlike a folder whose permissions say read-only.
    static ScopedMount readOnlyBind(const QString &source, const QString &target);

    ScopedMount(ScopedMount &&other) noexcept;
    ScopedMount &operator=(ScopedMount &&) = delete;
    ~ScopedMount();

    bool isMounted() const { return m_mounted; }
    const QString &error() const { return m_error; }

private:
    ScopedMount(QString target, bool mounted, QString error);

    QString m_target;
    bool m_mounted = false;
    QString m_error;
};

} // namespace magellan::test
